import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { QueueService } from '../../src/workflow/queues/queue.service';
import { jobIds } from '../../src/workflow/queues/queues';
import { fileCase } from '../support/factories';
import { waitFor } from '../support/processes';
import { PrivateRedis } from '../support/redis-server';
import { startTestApp, TestApp } from '../support/test-app';

/** A case's due time of a stage, as the database holds it (deadline job ids name it). */
async function dueOf(t: TestApp, caseId: string, stage: 'accept' | 'propose'): Promise<Date> {
  const [row] = await t.app
    .get(DataSource)
    .query(`SELECT accept_by, propose_by FROM cases WHERE id = $1`, [caseId]);
  return stage === 'accept' ? row.accept_by : row.propose_by;
}

/** The deadline jobs of routed cases: id → due time, as Redis holds them now. */
async function deadlineJobs(t: TestApp, caseIds: string[]): Promise<Map<string, string>> {
  const sla = t.app.get(QueueService).queues.sla;
  const found = new Map<string, string>();
  for (const id of caseIds) {
    for (const stage of ['accept', 'propose'] as const) {
      const due = await dueOf(t, id, stage);
      for (const jobId of [jobIds.check(id, stage, due), jobIds.warn(id, stage, due)]) {
        const job = await sla.getJob(jobId);
        if (job) found.set(jobId, (job.data as { dueAt: string }).dueAt);
      }
    }
  }
  return found;
}

async function routedCases(t: TestApp, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await fileCase(t, 'buyer')).id);
  const db = t.app.get(DataSource);
  await waitFor(async () => {
    const [{ routed }] = await db.query(
      `SELECT count(*)::int AS routed FROM cases WHERE id = ANY($1) AND status = 'routed'`,
      [ids],
    );
    return routed === n;
  });
  // Both stages open, due in days: a check and a warning each (4 jobs a case).
  await waitFor(async () => (await deadlineJobs(t, ids)).size === 4 * n);
  return ids;
}

const sameJobs = (a: Map<string, string>, b: Map<string, string>) =>
  a.size === b.size && [...a].every(([id, due]) => b.get(id) === due);

describe('jobs after Redis lost its data, under running workers', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  beforeAll(async () => {
    redis = await PrivateRedis.start();
    // The safety net is an hour away: only noticing the loss can bring the jobs back in time.
    t = await startTestApp({
      env: {
        WORKERS: 'on',
        RELAY_POLL_MS: '200',
        REDIS_URL: redis.url,
        SLA_RESYNC_INTERVAL_MS: '3600000',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await redis.stop();
  });

  it('re-creates the deadline jobs and a lost routing job after a FLUSHALL', async () => {
    const ids = await routedCases(t, 3);
    const before = await deadlineJobs(t, ids);
    const sla = t.app.get(QueueService).queues.sla;
    const { delayed = 0 } = await sla.getJobCounts('delayed');

    // A filed case whose routing job waits (queue paused) when Redis loses everything.
    const routing = t.app.get(QueueService).queues.routing;
    await routing.pause();
    const waiting = await fileCase(t, 'buyer');
    const db = t.app.get(DataSource);
    await waitFor(async () => {
      const [event] = await db.query(
        `SELECT id FROM outbox_events WHERE type = 'case.filed' AND payload->>'caseId' = $1
            AND published_at IS NOT NULL`,
        [waiting.id],
      );
      const job = event ? await routing.getJob(event.id) : undefined;
      return job !== undefined && ['waiting', 'paused'].includes(await job.getState());
    });

    const client = new Redis(redis.url);
    try {
      await client.flushall(); // the private server only
    } finally {
      client.disconnect();
    }

    await waitFor(async () => sameJobs(before, await deadlineJobs(t, ids)), 20_000);
    await waitFor(async () => {
      const [row] = await db.query(`SELECT status FROM cases WHERE id = $1`, [waiting.id]);
      return row.status === 'routed';
    }, 20_000);
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'case.transitioned' AND data::jsonb->>'to' = 'routed' AND case_id = $1`,
      [waiting.id],
    );
    expect(n).toBe(1);
    // Nothing doubled: the jobs from before, and the routed case's four.
    await waitFor(async () => (await deadlineJobs(t, [waiting.id])).size === 4);
    expect((await sla.getJobCounts('delayed')).delayed).toBe(delayed + 4);
  });

  it('re-creates them after Redis restarted empty', async () => {
    const ids = await routedCases(t, 2);
    const before = await deadlineJobs(t, ids);
    await redis.stop();
    await redis.start(); // no persistence: a new, empty server on the same port
    await waitFor(async () => {
      try {
        return sameJobs(before, await deadlineJobs(t, ids));
      } catch {
        return false; // the producers are still reconnecting
      }
    }, 20_000);
  });
});

describe('the safety net for deadline jobs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: { WORKERS: 'on', RELAY_POLL_MS: '200', SLA_RESYNC_INTERVAL_MS: '1000' },
    });
  });
  afterAll(() => t.close());

  it('re-creates a deadline job that was deleted on its own', async () => {
    const ids = await routedCases(t, 2);
    const before = await deadlineJobs(t, ids);
    const sla = t.app.get(QueueService).queues.sla;
    const acceptDue = await dueOf(t, ids[0]!, 'accept');
    const proposeDue = await dueOf(t, ids[1]!, 'propose');
    await (await sla.getJob(jobIds.check(ids[0]!, 'accept', acceptDue)))!.remove();
    await (await sla.getJob(jobIds.warn(ids[1]!, 'propose', proposeDue)))!.remove();
    await waitFor(async () => sameJobs(before, await deadlineJobs(t, ids)), 20_000);
  });
});
