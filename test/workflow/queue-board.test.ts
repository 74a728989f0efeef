import { randomUUID } from 'node:crypto';
import { Worker } from 'bullmq';
import { bullConnection, QueueService } from '../../src/workflow/queues/queue.service';
import { bearer } from '../support/factories';
import { expectProblem } from '../support/problem';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The queue dashboard is read-only (ADR 0020): Bull Board's actions would change queues without
 * an audit event, so they are refused; Brug's own retry route is the audited way to change one.
 * Workers are off here, so jobs stay where the test puts them.
 */
describe('the queue dashboard behind https', () => {
  let t: TestApp;
  let queues: QueueService['queues'];
  let failedId: string;
  let delayedId: string;

  /** A job in the failed set, failed by hand as a worker would (one attempt). */
  async function failedJob(): Promise<string> {
    const id = `board-test-${randomUUID()}`;
    await queues.routing.add(
      'route-case',
      { caseId: randomUUID(), eventId: randomUUID() },
      { jobId: id, attempts: 1, removeOnFail: false },
    );
    const worker = new Worker('routing', null, {
      connection: bullConnection(t.config, true),
      prefix: t.config.redisPrefix,
      autorun: false,
    });
    try {
      const token = randomUUID();
      const job = await worker.getNextJob(token);
      expect(job?.id).toBe(id);
      await job.moveToFailed(new Error('receiver away'), token);
    } finally {
      await worker.close();
    }
    return id;
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_URL: 'https://brug.example' } });
    queues = t.app.get(QueueService).queues;
    failedId = await failedJob();
    delayedId = `board-delayed-${randomUUID()}`;
    await queues.sla.add(
      'check-sla',
      { caseId: randomUUID(), stage: 'accept', dueAt: new Date().toISOString() },
      { jobId: delayedId, delay: 3_600_000 },
    );
  });
  afterAll(() => t.close());

  it('sets the dashboard cookie Secure when PUBLIC_URL is https', async () => {
    const session = await t
      .http()
      .post('/api/v1/admin/queue-board/session')
      .set(await bearer(t, 'admin'))
      .expect(204);
    expect(String(session.headers['set-cookie'])).toMatch(
      /brug_board=.+; Path=\/admin\/queues; .*HttpOnly; Secure; SameSite=Strict/,
    );
  });

  it('shows every queue read-only', async () => {
    const page = await t
      .http()
      .get('/admin/queues/api/queues')
      .set(await bearer(t, 'admin'))
      .expect(200);
    const shown = page.body.queues as { name: string; readOnlyMode: boolean }[];
    expect(shown.map((q) => q.name).sort()).toEqual([
      'bulk',
      'notifications',
      'routing',
      'signals',
      'sla',
    ]);
    expect(shown.every((q) => q.readOnlyMode)).toBe(true);
  });

  // Every action of the board's API (as of @bull-board/api 9), plus methods it does not use.
  const actions: [method: 'post' | 'put' | 'patch' | 'delete', path: string][] = [
    ['put', '/api/queues/pause'],
    ['put', '/api/queues/resume'],
    ['put', '/api/queues/routing/pause'],
    ['put', '/api/queues/sla/resume'],
    ['post', '/api/queues/routing/add'],
    ['put', '/api/queues/routing/retry/failed'],
    ['put', '/api/queues/sla/promote'],
    ['put', '/api/queues/routing/clean/failed'],
    ['put', '/api/queues/sla/clean/delayed'],
    ['put', '/api/queues/sla/empty'],
    ['put', '/api/queues/routing/obliterate'],
    ['put', '/api/queues/routing/concurrency'],
    ['put', '/api/queues/routing/rate-limit'],
    ['put', '/api/queues/routing/rate-limit/release'],
    ['put', '/api/queues/routing/job-schedulers/x/remove'],
    ['patch', '/api/queues/routing/job-schedulers/x'],
    ['put', '/api/queues/routing/job-schedulers/x/run'],
    ['put', '/api/queues/routing/FAILED/retry'],
    ['put', '/api/queues/routing/FAILED/clean'],
    ['put', '/api/queues/sla/DELAYED/promote'],
    ['patch', '/api/queues/routing/FAILED/update-data'],
    ['patch', '/api/queues/sla/DELAYED/delay'],
    ['patch', '/api/queues/sla/DELAYED/priority'],
    ['put', '/api/queues/routing/FAILED/remove-unprocessed-children'],
    ['delete', '/api/queues/routing/FAILED'],
    ['delete', '/api/queues/sla/DELAYED'],
    ['post', '/api/metrics/history/purge'],
  ];

  it.each(actions)('refuses %s %s with 405 and changes nothing', async (method, template) => {
    const path = template.replace('FAILED', failedId).replace('DELAYED', delayedId);
    const admin = await bearer(t, 'admin');
    const session = await t.http().post('/api/v1/admin/queue-board/session').set(admin);
    const cookie = String(session.headers['set-cookie']).split(';')[0]!;
    for (const how of [admin, { Cookie: cookie }]) {
      const response = await t
        .http()
        [method](`/admin/queues${path}`)
        .set(how)
        .send({ data: { caseId: 'x' }, name: 'route-case', delay: 0, priority: 1 });
      expect(expectProblem(response, 405).code).toBe('method_not_allowed');
      expect(response.headers['allow']).toBe('GET, HEAD');
    }
    expect(await queues.routing.isPaused()).toBe(false);
    expect(await queues.sla.isPaused()).toBe(false);
    expect(await (await queues.routing.getJob(failedId))?.getState()).toBe('failed');
    expect(await (await queues.sla.getJob(delayedId))?.getState()).toBe('delayed');
    expect(await queues.routing.getJobCounts('waiting', 'failed')).toEqual({
      waiting: 0,
      failed: 1,
    });
  });

  it('still refuses a non-admin before saying anything about methods', async () => {
    expectProblem(await t.http().put('/admin/queues/api/queues/routing/pause'), 401);
    expectProblem(
      await t
        .http()
        .put('/admin/queues/api/queues/routing/pause')
        .set(await bearer(t, 'staff')),
      403,
    );
  });

  it('retries a failed job through Brug’s route, with an audit event', async () => {
    const admin = await bearer(t, 'admin');
    const id = await failedJob();
    const list = await t.http().get('/api/v1/admin/failed-jobs').set(admin).expect(200);
    // The listed id encodes [queue, job id].
    const entry = (list.body.items as { id: string }[]).find(
      (f) => JSON.parse(Buffer.from(f.id, 'base64url').toString('utf8'))[1] === id,
    )!;
    await t.http().post(`/api/v1/admin/failed-jobs/${entry.id}/retry`).set(admin).expect(202);
    expect(await (await queues.routing.getJob(id))?.getState()).toBe('waiting');

    const audit = await t
      .http()
      .get(
        `/api/v1/audit/events?subjectType=queue_job&subjectId=${encodeURIComponent(`routing/${id}`)}`,
      )
      .set(await bearer(t, 'auditor'))
      .expect(200);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      action: 'job.retried',
      actorRole: 'admin',
      subjectType: 'queue_job',
      subjectId: `routing/${id}`,
      data: { queue: 'routing', jobId: id, name: 'route-case', attemptsMade: 1 },
    });
    // Put it back where the other tests expect the routing queue to be.
    await (await queues.routing.getJob(id))?.remove();
  });
});
