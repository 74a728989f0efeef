import { bearer, fileCase } from '../support/factories';
import { expectProblem } from '../support/problem';
import { waitFor } from '../support/processes';
import { startTestApp, TestApp } from '../support/test-app';

describe('workflow administration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { WORKERS: 'on', RELAY_POLL_MS: '200' } });
  });
  afterAll(() => t.close());

  it('lets admins read and change SLA policies, audited; nobody else', async () => {
    const admin = await bearer(t, 'admin');
    const list = await t.http().get('/api/v1/sla-policies').set(admin).expect(200);
    expect(list.body.items.map((p: { priority: string }) => p.priority)).toEqual([
      'low',
      'normal',
      'high',
      'urgent',
    ]);
    expect(list.body.items[1]).toMatchObject({
      priority: 'normal',
      acceptWorkingDays: 2,
      proposeWorkingDays: 15,
    });
    const changed = await t
      .http()
      .patch('/api/v1/sla-policies/low')
      .set({ ...admin, 'If-Match': `"${list.body.items[0].version}"` })
      .send({ proposeWorkingDays: 25 })
      .expect(200);
    expect(changed.body.proposeWorkingDays).toBe(25);
    expectProblem(
      await t.http().post('/api/v1/sla-policies').set(admin).send({ priority: 'low' }),
      409,
    );
    expectProblem(
      await t
        .http()
        .patch('/api/v1/sla-policies/extreme')
        .set(admin)
        .send({ acceptWorkingDays: 1 }),
      404,
    );
    expectProblem(
      await t.http().patch('/api/v1/sla-policies/low').set(admin).send({ acceptWorkingDays: -1 }),
      400,
    );
    expectProblem(
      await t
        .http()
        .patch('/api/v1/sla-policies/low')
        .set(await bearer(t, 'staff'))
        .send({ acceptWorkingDays: 1 }),
      403,
    );
    const audit = await t
      .http()
      .get('/api/v1/audit/events?subjectType=sla_policy&subjectId=low&order=desc&pageSize=1')
      .set(await bearer(t, 'auditor'))
      .expect(200);
    expect(audit.body.items[0].data).toMatchObject({
      change: 'updated',
      changes: { proposeWorkingDays: { old: 20, new: 25 } },
    });
  });

  it('shows the queue dashboard to admins only', async () => {
    expectProblem(await t.http().get('/admin/queues'), 401);
    expectProblem(
      await t
        .http()
        .get('/admin/queues')
        .set(await bearer(t, 'staff')),
      403,
    );
    const page = await t
      .http()
      .get('/admin/queues')
      .set(await bearer(t, 'admin'))
      .expect(200);
    expect(page.text).toMatch(/<html/i);
    // A browser gets an HttpOnly cookie for the dashboard's path, and the page with it.
    const session = await t
      .http()
      .post('/api/v1/admin/queue-board/session')
      .set(await bearer(t, 'admin'))
      .expect(204);
    const cookie = String(session.headers['set-cookie']);
    expect(cookie).toMatch(
      /brug_board=.+; Max-Age=\d+; Path=\/admin\/queues; Expires=.+; HttpOnly; SameSite=Strict/,
    );
    // PUBLIC_URL is http here (test/workflow/queue-board.test.ts covers https).
    expect(cookie).not.toMatch(/Secure/i);
    await t.http().get('/admin/queues').set('Cookie', cookie.split(';')[0]!).expect(200);
    expectProblem(
      await t
        .http()
        .post('/api/v1/admin/queue-board/session')
        .set(await bearer(t, 'staff')),
      403,
    );
  });

  it('measures queue depths and job durations, and reports the relay lag', async () => {
    const c = await fileCase(t);
    await waitFor(
      async () =>
        (
          await t
            .http()
            .get(`/api/v1/cases/${c.id}`)
            .set(await bearer(t, 'staff'))
        ).body.status === 'routed',
    );
    const metrics = (await t.http().get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/brug_queue_jobs\{queue="routing",state="completed"\} \d+/);
    expect(metrics).toMatch(
      /brug_job_duration_seconds_count\{queue="routing",name="route-case",outcome="done"\} [1-9]/,
    );
    const ready = await t.http().get('/health/ready').expect(200);
    expect(ready.body.relay).toEqual({
      unpublished: expect.any(Number),
      oldestSeconds: expect.any(Number),
    });
  });
});
