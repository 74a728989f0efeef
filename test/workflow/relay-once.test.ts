import { Queue, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { fileCase } from '../support/factories';
import { waitFor } from '../support/processes';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 14, acceptance 7: the outbox relay publishing the same row twice leaves one job in Redis.
 * A relay publishes a row again when its transaction added the jobs but did not commit (the
 * process died, PostgreSQL went away before `published_at` was written). Here the row's
 * `published_at` is reset, so the running relay takes it once more, as it would then. The job
 * keeps the row's id; BullMQ drops an add of an id it holds, in any state, also completed
 * (completed jobs are kept a day, `COMPLETED_KEPT_SECONDS`), so the work is not done twice.
 */
describe('the outbox relay publishing the same row twice', () => {
  let t: TestApp;
  let db: DataSource;
  let redis: Redis;
  /** The routing queue, read straight from Redis (queue name and key prefix as the app's). */
  let routing: Queue;

  beforeAll(async () => {
    t = await startTestApp({ env: { WORKERS: 'on', RELAY_POLL_MS: '200' } });
    db = t.app.get(DataSource);
    redis = new Redis(t.config.redisUrl, { maxRetriesPerRequest: null });
    routing = new Queue('routing', { connection: redis, prefix: t.config.redisPrefix });
  });
  afterAll(async () => {
    await routing.close();
    redis.disconnect();
    await t.close();
  });

  /** The `case.filed` event of a case, once the relay published it. */
  async function publishedFiledEvent(caseId: string): Promise<string> {
    let id: string | undefined;
    await waitFor(async () => {
      const [row] = await db.query<{ id: string }[]>(
        `SELECT id FROM outbox_events
          WHERE type = 'case.filed' AND payload->>'caseId' = $1 AND published_at IS NOT NULL`,
        [caseId],
      );
      id = row?.id;
      return id !== undefined;
    });
    return id!;
  }

  /** Makes the relay publish the row again, and waits until it has. */
  async function publishAgain(eventId: string): Promise<void> {
    await db.query('UPDATE outbox_events SET published_at = NULL WHERE id = $1', [eventId]);
    await waitFor(async () => {
      const [row] = await db.query<{ published: boolean }[]>(
        'SELECT published_at IS NOT NULL AS published FROM outbox_events WHERE id = $1',
        [eventId],
      );
      return row?.published === true;
    });
  }

  /** Every job the routing queue holds, in any state. */
  async function allRoutingJobs(): Promise<Job[]> {
    return routing.getJobs([
      'waiting',
      'active',
      'delayed',
      'prioritized',
      'waiting-children',
      'completed',
      'failed',
    ]);
  }

  async function timesRouted(caseId: string): Promise<number> {
    const [{ n }] = await db.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM case_status_changes
        WHERE case_id = $1 AND to_status = 'routed'`,
      [caseId],
    );
    return n;
  }

  it('while the first job still waits: one job, and the case is routed once', async () => {
    await routing.pause();
    const filed = await fileCase(t, 'buyer');
    try {
      const eventId = await publishedFiledEvent(filed.id);
      const first = await routing.getJob(eventId);
      expect(first?.data).toEqual({ caseId: filed.id, eventId });
      const before = (await allRoutingJobs()).map((j) => j.id);

      await publishAgain(eventId);

      const jobs = await allRoutingJobs();
      expect(jobs.map((j) => j.id)).toEqual(before);
      expect(jobs.filter((j) => j.id === eventId)).toHaveLength(1);
      // The same job, not a new one under the same id.
      expect((await routing.getJob(eventId))?.timestamp).toBe(first!.timestamp);
    } finally {
      await routing.resume();
    }
    await waitFor(async () => (await timesRouted(filed.id)) > 0);
    expect(await timesRouted(filed.id)).toBe(1);
  });

  it('after the first job completed: the completed job stays the only one, not run again', async () => {
    const filed = await fileCase(t, 'buyer');
    const eventId = await publishedFiledEvent(filed.id);
    await waitFor(async () => (await timesRouted(filed.id)) > 0);
    await waitFor(async () => {
      const { active = 0, waiting = 0 } = await routing.getJobCounts('active', 'waiting');
      return active + waiting === 0;
    });
    // Kept after completion (were it removed, a second add would make and run a new job).
    const done = await routing.getJob(eventId);
    expect(done).toBeDefined();
    expect(await done!.getState()).toBe('completed');
    const counts = await routing.getJobCounts();

    await publishAgain(eventId);

    const again = (await routing.getJob(eventId))!;
    expect(await again.getState()).toBe('completed');
    expect({
      timestamp: again.timestamp,
      processedOn: again.processedOn,
      finishedOn: again.finishedOn,
    }).toEqual({
      timestamp: done!.timestamp,
      processedOn: done!.processedOn,
      finishedOn: done!.finishedOn,
    });
    expect(await routing.getJobCounts()).toEqual(counts);
    expect(await timesRouted(filed.id)).toBe(1);
  });
});
