import type { Pool, PoolClient } from 'pg';
import { Client } from 'pg';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { bearer } from './support/factories';
import { waitFor } from './support/processes';
import { expectProblem } from './support/problem';
import { PrivateRedis } from './support/redis-server';
import { startTestApp, TestApp } from './support/test-app';

/** The value of `brug_unavailable_responses_total{cause}` in a /metrics text. */
async function unavailableCount(t: TestApp, cause: 'database' | 'redis'): Promise<number> {
  const text = (await t.http().get('/metrics').expect(200)).text;
  const line = new RegExp(`^brug_unavailable_responses_total\\{cause="${cause}"\\} (\\d+)`, 'm');
  return Number(line.exec(text)?.[1] ?? NaN);
}

function expectUnavailable(response: Response): void {
  const problem = expectProblem(response, 503);
  expect(problem.code).toBe('service_unavailable');
  expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  expect(response.text).not.toMatch(/terminat|ECONN|pool|postgres|127\.0\.0\.1/i);
}

/** A connection of its own to the app's database, as an operator (or a failover) would have. */
async function adminClient(t: TestApp): Promise<Client> {
  const client = new Client({ connectionString: t.config.databaseUrl });
  await client.connect();
  return client;
}

describe('infrastructure failures are 503, never 500 (issue 12, item 9)', () => {
  describe('PostgreSQL connections terminated under running requests', () => {
    let t: TestApp;
    let admin: Client;
    beforeAll(async () => {
      t = await startTestApp();
      admin = await adminClient(t);
    });
    afterAll(async () => {
      await admin.end();
      await t.close();
    });

    it('answers 503 with Retry-After to requests whose connection was terminated', async () => {
      const auth = await bearer(t, 'buyer');
      const before = await unavailableCount(t, 'database');
      // Every signed-in request reads its user: with the table locked, requests wait inside a
      // query, where pg_terminate_backend reaches them for certain.
      // (A connection apart from the observer: inside a transaction, pg_stat_activity is a
      // snapshot that never changes.)
      const locker = await adminClient(t);
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
      const pending = Array.from({ length: 4 }, () =>
        t
          .http()
          .get('/api/v1/me')
          .set(auth)
          .then((r) => r),
      );
      const waiting = async () =>
        (
          await admin.query<{ pid: number }>(
            `SELECT pid FROM pg_stat_activity
              WHERE datname = current_database() AND pid <> pg_backend_pid()
                AND wait_event_type = 'Lock'`,
          )
        ).rows;
      await waitFor(async () => (await waiting()).length >= 4);
      await admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [
        (await waiting()).map((r) => r.pid),
      ]);
      const responses = await Promise.all(pending);
      await locker.end();

      for (const response of responses) expectUnavailable(response);
      expect(responses[0]!.headers['retry-after']).toBe('5');
      // The pool replaces the dead connections: the next request is served.
      await t.http().get('/api/v1/me').set(auth).expect(200);
      expect(await unavailableCount(t, 'database')).toBe(before + 4);
    });

    it('answers only 2xx or 503 while every connection is terminated again and again', async () => {
      const auth = await bearer(t, 'staff');
      const paths = ['/api/v1/me', '/api/v1/domains', '/api/v1/cases', '/api/v1/funding/gaps'];
      const statuses: number[] = [];
      let running = true;
      const load = (async () => {
        while (running) {
          const batch = await Promise.all(
            paths.flatMap((p) => [p, p]).map((p) => t.http().get(p).set(auth)),
          );
          for (const r of batch) {
            statuses.push(r.status);
            if (r.status !== 200) expectUnavailable(r);
          }
        }
      })();
      for (let i = 0; i < 10; i++) {
        await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        );
        await new Promise((r) => setTimeout(r, 100));
      }
      running = false;
      await load;
      expect(statuses.length).toBeGreaterThan(0);
      expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    });
  });

  describe('a pool connection not had in time', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({
        env: { DATABASE_POOL_SIZE: '2', DATABASE_CONNECT_TIMEOUT_MS: '200' },
      });
    });
    afterAll(() => t.close());

    it('answers 503 with Retry-After while every connection is taken, and 200 after', async () => {
      const auth = await bearer(t, 'buyer');
      const before = await unavailableCount(t, 'database');
      // Take both of the pool's connections, as two long requests would.
      const pool = (t.app.get(DataSource).driver as unknown as { master: Pool }).master;
      const held: PoolClient[] = [await pool.connect(), await pool.connect()];
      let responses: Response[];
      try {
        responses = await Promise.all([
          t.http().get('/api/v1/me').set(auth),
          t.http().get('/api/v1/domains').set(auth),
        ]);
      } finally {
        for (const client of held) client.release();
      }
      for (const response of responses) expectUnavailable(response);
      await t.http().get('/api/v1/me').set(auth).expect(200);
      expect(await unavailableCount(t, 'database')).toBe(before + 2);
    });
  });

  describe('Redis away', () => {
    let redis: PrivateRedis;
    let t: TestApp;
    beforeAll(async () => {
      redis = await PrivateRedis.start();
      t = await startTestApp({ env: { REDIS_URL: redis.url } });
    });
    afterAll(async () => {
      await t.close();
      await redis.stop();
    });

    it('answers the failed-jobs list with 503 while Redis is down, and 200 when it is back', async () => {
      const auth = await bearer(t, 'admin');
      await t.http().get('/api/v1/admin/failed-jobs').set(auth).expect(200);
      const before = await unavailableCount(t, 'redis');

      await redis.stop();
      await waitFor(async () => (await t.http().get('/health/ready')).status === 503);
      const response = await t.http().get('/api/v1/admin/failed-jobs').set(auth);
      expectUnavailable(response);
      expect(await unavailableCount(t, 'redis')).toBe(before + 1);

      await redis.start();
      await waitFor(
        async () => (await t.http().get('/api/v1/admin/failed-jobs').set(auth)).status === 200,
        20_000,
      );
    });
  });
});
