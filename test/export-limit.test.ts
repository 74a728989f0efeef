import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { EXPORTS_PER_PERSON } from '../src/common/export-limit';
import { RedisService } from '../src/redis/redis.service';
import { waitFor } from './support/processes';
import { expectProblem } from './support/problem';
import { startTestApp, TestApp } from './support/test-app';

interface Held {
  request: ClientRequest;
  /** Resolves with the response once its headers arrive (the body is never read). */
  response: Promise<IncomingMessage>;
}

/**
 * At most two concurrent exports per person (issue 12, item 12). Two audit exports are held
 * open deterministically: a table lock makes them wait inside their first query, after they have
 * taken their slots and before they answer anything.
 */
describe('export concurrency limit', () => {
  let t: TestApp;
  let base: string;
  let observer: Client;
  let locker: Client | undefined;
  const auth: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    observer = new Client({ connectionString: t.config.databaseUrl });
    await observer.connect();
    for (const who of ['auditor', 'admin']) auth[who] = `Bearer ${await t.token(who)}`;
  });
  afterAll(async () => {
    await locker?.end();
    await observer.end();
    await t.close();
  });

  /** Starts an export whose body this test never reads. */
  function hold(path: string, who: string): Held {
    const request = httpRequest(`${base}${path}`, { headers: { Authorization: auth[who]! } });
    const response = new Promise<IncomingMessage>((resolve, reject) => {
      request.on('response', resolve);
      request.on('error', reject);
    });
    request.end();
    return { request, response };
  }

  /** Sessions of the app's pool waiting on the locked audit table. */
  async function waitingOnLock(): Promise<number> {
    const { rows } = await observer.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    return rows[0]!.n;
  }

  async function lockAuditTrail(): Promise<void> {
    locker = new Client({ connectionString: t.config.databaseUrl });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE audit_events IN ACCESS EXCLUSIVE MODE');
  }

  async function unlockAuditTrail(): Promise<void> {
    await locker?.end();
    locker = undefined;
  }

  const csvMatrix = (who: string) =>
    t.http().get('/api/v1/funding/matrix').set('Authorization', auth[who]!).accept('text/csv');

  it(`refuses a person's third concurrent export with 429 and Retry-After, and frees slots when exports end`, async () => {
    expect(EXPORTS_PER_PERSON).toBe(2);
    await lockAuditTrail();
    const held = [hold('/api/v1/audit/export', 'auditor'), hold('/api/v1/audit/export', 'auditor')];
    await waitFor(async () => (await waitingOnLock()) >= 2);

    // A third export by the same person, of any kind, is refused before it reads anything.
    const third = await csvMatrix('auditor');
    const problem = expectProblem(third, 429);
    expect(problem.code).toBe('too_many_exports');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expectProblem(
      await t.http().get('/api/v1/exports/ocds').set('Authorization', auth.auditor!),
      429,
    );
    // Another person is not affected; nor are the person's other reads.
    await csvMatrix('admin').expect(200);
    await t.http().get('/api/v1/funding/matrix').set('Authorization', auth.auditor!).expect(200);

    // The first export is abandoned by its client: its slot is free again.
    held[0]!.response.catch(() => undefined); // "socket hang up", as intended
    held[0]!.request.destroy();
    await waitFor(async () => (await csvMatrix('auditor')).status === 200);
    // The second one runs to the end once the table is free; then both slots are free.
    await unlockAuditTrail();
    const finished = await held[1]!.response;
    expect(finished.statusCode).toBe(200);
    finished.resume();
    await new Promise((resolve) => finished.on('end', resolve));
    const after = await Promise.all([csvMatrix('auditor'), csvMatrix('auditor')]);
    expect(after.map((r) => r.status)).toEqual([200, 200]);
  });

  it('does not count slots whose process stopped renewing them', async () => {
    const redis = t.app.get(RedisService);
    const { rows } = await observer.query<{ id: string }>(
      `SELECT id FROM users WHERE email = 'auditor@brug.example'`,
    );
    // Two slots of a process that crashed mid-export: expired a second ago, never released.
    const key = redis.key('exports', rows[0]!.id);
    const [seconds] = await redis.client.time();
    const now = Number(seconds) * 1000;
    await redis.client.zadd(key, now - 1000, 'crashed-1', now - 1000, 'crashed-2');
    await csvMatrix('auditor').expect(200);
    // Two live slots of another process do count.
    await redis.client.zadd(key, now + 60_000, 'live-1', now + 60_000, 'live-2');
    expectProblem(await csvMatrix('auditor'), 429);
    await redis.client.del(key);
    await csvMatrix('auditor').expect(200);
  });
});
