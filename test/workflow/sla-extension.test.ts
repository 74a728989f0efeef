import { DataSource } from 'typeorm';
import { QueueService } from '../../src/workflow/queues/queue.service';
import { jobIds } from '../../src/workflow/queues/queues';
import { bearer, fileCase } from '../support/factories';
import { MailCatcher } from '../support/mail-catcher';
import { waitFor } from '../support/processes';
import { PrivateRedis } from '../support/redis-server';
import { DEMO, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 14, acceptance 3 (ADR 26): the deadline jobs move with the due times. The job scheduled
 * for the old due time finds the stored due time moved and does nothing; the job of the new due
 * time records the breach. A policy of seconds, the workers on, generous waits.
 */
describe('SLA deadline jobs after an extension', () => {
  const mail = new MailCatcher();
  let redis: PrivateRedis;
  let t: TestApp;
  const ACCEPT_SECONDS = 8;

  beforeAll(async () => {
    await mail.start();
    redis = await PrivateRedis.start();
    t = await startTestApp({
      env: { WORKERS: 'on', RELAY_POLL_MS: '200', REDIS_URL: redis.url, SMTP_URL: mail.url },
    });
    await t
      .http()
      .patch('/api/v1/sla-policies/high')
      .set({ ...(await bearer(t, 'admin')), 'If-Match': '"1"' })
      .send({ acceptSeconds: ACCEPT_SECONDS, proposeSeconds: 600, warnBeforeSeconds: 1 })
      .expect(200);
  });
  afterAll(async () => {
    await t.close();
    await redis.stop();
    await mail.stop();
  });

  const caseOf = async (id: string) =>
    (
      await t
        .http()
        .get(`/api/v1/cases/${id}`)
        .set(await bearer(t, 'staff'))
        .expect(200)
    ).body as {
      status: string;
      version: number;
      sla: { stage: string; dueAt: string; breachedAt: string | null }[];
    };

  it('the old due time’s job does nothing; the new one breaches at the new due time', async () => {
    const c = await fileCase(t, 'buyer', { priority: 'high' });
    await waitFor(async () => (await caseOf(c.id)).status === 'routed', 15_000);
    const routed = await caseOf(c.id);
    const oldDue = new Date(routed.sla[0]!.dueAt);
    const sla = t.app.get(QueueService).queues.sla;
    const oldJobId = jobIds.check(c.id, 'accept', oldDue);
    await waitFor(async () => (await sla.getJob(oldJobId)) !== undefined, 10_000);

    // Staff extend the accept stage by its own length, before it is due.
    const newDue = new Date(oldDue.getTime() + ACCEPT_SECONDS * 1000);
    expect(Date.now()).toBeLessThan(oldDue.getTime());
    const extended = await t
      .http()
      .post(`/api/v1/cases/${c.id}/extensions`)
      .set({ ...(await bearer(t, 'staff')), 'If-Match': `"${routed.version}"` })
      .send({
        stage: 'accept',
        dueAt: newDue.toISOString(),
        reason: 'De koppel spreekt de inkoper pas morgen.',
      })
      .expect(200);
    expect(extended.body.sla[0]).toMatchObject({
      dueAt: newDue.toISOString(),
      extendedBy: ACCEPT_SECONDS,
    });

    // At the old due time the old job runs and finds the due time moved: nothing happens.
    await waitFor(async () => (await sla.getJob(oldJobId))?.returnvalue === 'moved', 30_000);
    expect((await caseOf(c.id)).sla[0]!.breachedAt).toBeNull();
    expect(Date.now()).toBeLessThan(newDue.getTime() + 60_000);

    // The job of the new due time breaches it, once, no earlier than the new due time.
    await waitFor(async () => (await caseOf(c.id)).sla[0]!.breachedAt !== null, 40_000);
    const after = await caseOf(c.id);
    expect(Date.parse(after.sla[0]!.breachedAt!)).toBeGreaterThanOrEqual(newDue.getTime());
    expect((await sla.getJob(jobIds.check(c.id, 'accept', newDue)))?.returnvalue).toBe('breached');
    const events = await t.app
      .get(DataSource)
      .query<{ data: string }[]>(
        `SELECT data FROM audit_events WHERE case_id = $1 AND action = 'case.sla_breached'`,
        [c.id],
      );
    expect(events.map((e) => JSON.parse(e.data).dueAt)).toEqual([newDue.toISOString()]);
  }, 120_000);

  it('tells the buyer by e-mail that the clock stopped, and why', async () => {
    const c = await fileCase(t, 'buyer', { priority: 'normal' });
    await waitFor(async () => (await caseOf(c.id)).status === 'routed', 15_000);
    const routed = await caseOf(c.id);
    await t
      .http()
      .post(`/api/v1/cases/${c.id}/suspensions`)
      .set({ ...(await bearer(t, 'staff')), 'If-Match': `"${routed.version}"` })
      .send({ kind: 'waiting_for_buyer', reason: 'We need the budget of the housing department.' })
      .expect(200);
    await waitFor(
      () =>
        mail.mails.some(
          (m) =>
            m.to.includes(DEMO.buyer) && m.subject === `[Brug] ${c.reference}: termijn opgeschort`,
        ),
      15_000,
    );
    const sent = mail.mails.find((m) => m.subject === `[Brug] ${c.reference}: termijn opgeschort`)!;
    const body = sent.raw.replace(/=\r?\n/g, '');
    expect(body).toContain('We need the budget of the housing department.');
    expect(body).toContain('The clock restarts as soon as you add a note to the case.');
  }, 60_000);
});
