import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { appendSyntheticEvents, waitUntilSequenced } from './support/audit';
import { start, waitFor, type Running } from './support/processes';
import { createTestDatabase, startTestApp } from './support/test-app';
import { redisPrefix, TEST_REDIS_URL } from './support/test-env';

/**
 * Issue 15, acceptance 4: two sequencers (in two worker processes) started at once: one
 * sequences, the other waits; SIGKILL the one that runs in the middle of a batch: the other
 * takes over, and no leaf is lost or given twice. The workers are started with the API's own
 * environment (WORKERS=off, AUDIT_SEQUENCER unset), as a scaled-out set-up does: a worker
 * process runs its sequencer candidate all the same.
 */
describe('audit sequencer election', () => {
  let url: string;
  let db: DataSource;
  const workers: Running[] = [];
  const key = randomBytes(32).toString('base64');

  beforeAll(async () => {
    url = await createTestDatabase();
    db = await new DataSource(
      dataSourceOptions({ databaseUrl: url, databasePoolSize: 3 }),
    ).initialize();
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop('SIGKILL')));
    await db.destroy();
  });

  const leading = (w: Running) => w.output().includes('now the audit sequencer');

  it('one runs, the other takes over after a SIGKILL mid-batch; no leaf lost or doubled', async () => {
    const env = {
      DATABASE_URL: url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: `${redisPrefix()}-seq-${randomBytes(3).toString('hex')}`,
      JWT_SECRET: randomBytes(32).toString('hex'),
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      WORKERS: 'off',
      AUDIT_SIGNING_KEY: key,
      AUDIT_SEQUENCER_POLL_MS: '20',
      AUDIT_SEQUENCER_BATCH: '200',
    };
    workers.push(start('worker', env), start('worker', env));
    await waitFor(() => workers.some(leading), 60_000);
    // Give the other every chance to (wrongly) lead too, while the first is busy.
    await appendSyntheticEvents(db, 3000);
    await waitFor(async () => {
      const [row] = await db.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM audit_events WHERE leaf_index IS NOT NULL',
      );
      return row!.n > 0;
    }, 60_000);
    expect(workers.filter(leading)).toHaveLength(1);
    const [holders] = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND a.application_name = 'brug-audit-sequencer'
          AND a.datname = current_database()`,
    );
    expect(holders!.n).toBe(1);

    // Many events pending, then kill the leader while its batch transaction is open.
    await appendSyntheticEvents(db, 20_000);
    await waitFor(async () => {
      const [row] = await db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE application_name = 'brug-audit-sequencer' AND xact_start IS NOT NULL`,
      );
      return row!.n > 0;
    }, 60_000);
    const leader = workers.find(leading)!;
    const other = workers.find((w) => w !== leader)!;
    await leader.stop('SIGKILL');
    await waitFor(() => leading(other), 30_000);
    await waitUntilSequenced(db, 120_000);

    const [leaves] = await db.query<
      { n: number; distinct: number; min: number; max: number; unsequenced: number }[]
    >(
      `SELECT count(*)::int AS n, count(DISTINCT leaf_index)::int AS distinct,
              min(leaf_index)::int AS min, max(leaf_index)::int AS max,
              count(*) FILTER (WHERE leaf_index IS NULL)::int AS unsequenced
         FROM audit_events`,
    );
    expect(leaves).toMatchObject({
      unsequenced: 0,
      distinct: leaves!.n,
      min: 0,
      max: leaves!.n - 1,
    });

    // And the whole tree verifies against the last signed checkpoint.
    await other.stop('SIGKILL');
    const t = await startTestApp({
      env: { DATABASE_URL: url, AUDIT_SEQUENCER: 'off', AUDIT_SIGNING_KEY: key },
    });
    try {
      const token = await t.token('auditor');
      const verify = await t
        .http()
        .get('/api/v1/audit/verify')
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      expect(verify.body).toMatchObject({ valid: true, leaves: leaves!.n, treeSize: leaves!.n });
    } finally {
      await t.close();
    }
  }, 300_000);
});
