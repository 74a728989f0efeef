import { execFile } from 'node:child_process';
import {
  chownSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  appendFileSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { KEEP_LARGER_POSITION } from '../src/database/read-replica';
import { DemoDataService } from '../src/demo/demo-data.service';
import { RedisService } from '../src/redis/redis.service';
import { bearer, fileCase } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The read replica (issue 20, ADR 42) against a real primary and a real streaming replica of this
 * test's own, on spare loopback ports; the shared server on 5432 is not touched.
 */

const run = promisify(execFile);

/** The newest PostgreSQL server binaries on this machine. */
function postgresBin(): string {
  const versions = readdirSync('/usr/lib/postgresql')
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error('no PostgreSQL server binaries in /usr/lib/postgresql');
  return `/usr/lib/postgresql/${versions[0]}/bin`;
}

/** PostgreSQL refuses to run as root: its tools run as the `postgres` user. */
async function asPostgres(tool: string, args: string[]): Promise<string> {
  const { stdout } = await run(
    'runuser',
    ['-u', 'postgres', '--', join(postgresBin(), tool), ...args],
    {
      timeout: 180_000,
    },
  );
  return stdout;
}

async function userIds(name: string): Promise<{ uid: number; gid: number }> {
  const uid = Number((await run('id', ['-u', name])).stdout.trim());
  const gid = Number((await run('id', ['-g', name])).stdout.trim());
  return { uid, gid };
}

async function sparePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function sql<T>(port: number, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'brug' });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Polls until the check holds (or fails after the timeout, with the last error). */
async function eventually<T>(check: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

interface Readiness {
  status: string;
  checks: Record<string, string>;
  replica: { state: string; reason: string | null; lagSeconds: number | null };
}

describe('read replica', () => {
  let dir = '';
  let primaryPort = 0;
  let replicaPort = 0;
  let primaryStarted = false;
  let replicaStarted = false;
  let t: TestApp | undefined;

  const primaryDir = () => join(dir, 'primary');
  const replicaDir = () => join(dir, 'replica');
  const listAs = async (who: string) =>
    (
      await t!
        .http()
        .get('/api/v1/cases?pageSize=100')
        .set(await bearer(t!, who))
        .expect(200)
    ).body as { items: { id: string }[] };
  const matrixCount = async (who: string) =>
    (
      (
        await t!
          .http()
          .get('/api/v1/funding/matrix')
          .set(await bearer(t!, who))
          .expect(200)
      ).body as { caseCount: number }
    ).caseCount;
  const readiness = async () =>
    (await t!.http().get('/health/ready').expect(200)).body as Readiness;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'brug-replica-'));
    const { uid, gid } = await userIds('postgres');
    chownSync(dir, uid, gid);
    [primaryPort, replicaPort] = [await sparePort(), await sparePort()];

    // The primary: its own cluster, replication allowed from the loopback.
    await asPostgres('initdb', [
      '-D',
      primaryDir(),
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C',
    ]);
    appendFileSync(
      join(primaryDir(), 'postgresql.conf'),
      [
        "listen_addresses = '127.0.0.1'",
        `port = ${primaryPort}`,
        `unix_socket_directories = '${dir}'`,
        'wal_level = replica',
        'max_wal_senders = 5',
        'max_connections = 80',
        'shared_buffers = 32MB',
        // A test cluster: durability across a crash of the machine does not matter here.
        'fsync = off',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(primaryDir(), 'pg_hba.conf'),
      [
        'local all all trust',
        'host all all 127.0.0.1/32 trust',
        'local replication all trust',
        'host replication all 127.0.0.1/32 trust',
        '',
      ].join('\n'),
    );
    await asPostgres('pg_ctl', [
      '-D',
      primaryDir(),
      '-l',
      join(dir, 'primary.log'),
      '-w',
      '-t',
      '120',
      'start',
    ]);
    primaryStarted = true;

    // The replica: a base backup that streams from the primary (-R writes standby.signal and
    // primary_conninfo), on a port of its own.
    await asPostgres('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      replicaDir(),
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
    ]);
    appendFileSync(
      join(replicaDir(), 'postgresql.conf'),
      `port = ${replicaPort}\nhot_standby = on\n`,
    );
    await asPostgres('pg_ctl', [
      '-D',
      replicaDir(),
      '-l',
      join(dir, 'replica.log'),
      '-w',
      '-t',
      '120',
      'start',
    ]);
    replicaStarted = true;

    // Brug on both: it creates its database on the primary and runs its migrations there; the
    // replica receives both through the WAL.
    t = await startTestApp({
      databaseUrl: `postgres://postgres@127.0.0.1:${primaryPort}/brug`,
      env: {
        DATABASE_REPLICA_URL: `postgres://postgres@127.0.0.1:${replicaPort}/brug`,
        // Generous on a loaded machine; the test pauses the replica's replay for less than this
        // before it checks that lists answer from the replica.
        DATABASE_REPLICA_MAX_LAG_SECONDS: '20',
      },
    });
    await t.app.get(DemoDataService).seed();
    // Sign everyone in before the replica is paused (whatever a sign-in writes is then replayed).
    for (const who of ['buyer', 'staff']) await t.token(who);
  }, 600_000);

  afterAll(async () => {
    // Everything this test started is stopped and removed, whatever failed before.
    await t?.close().catch(() => undefined);
    for (const [started, data] of [
      [replicaStarted, replicaDir()],
      [primaryStarted, primaryDir()],
    ] as const) {
      if (started) {
        await asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', '-t', '60', 'stop']).catch(
          () => undefined,
        );
      }
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 180_000);

  it('reports the replica up once it has caught up', async () => {
    const ready = await eventually(async () => {
      const body = await readiness();
      if (body.replica.state !== 'up' || body.replica.lagSeconds !== 0) {
        throw new Error(`replica ${JSON.stringify(body.replica)}`);
      }
      return body;
    }, 120_000);
    expect(ready).toMatchObject({ status: 'ready', checks: { database: 'up', redis: 'up' } });
    // The API holds connections to the replica (a pool of its own, named for it).
    const sessions = await sql<{ n: number }>(
      replicaPort,
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'brug-api-replica'`,
    );
    expect(sessions[0]!.n).toBeGreaterThan(0);
  }, 180_000);

  it('lists from the replica, while the person who filed reads their own case at once', async () => {
    const before = await listAs('staff');
    const matrixBefore = { staff: await matrixCount('staff'), buyer: await matrixCount('buyer') };
    // The replica stops replaying: from now on it lacks whatever the primary commits.
    await sql(replicaPort, 'SELECT pg_wal_replay_pause()');
    try {
      const filed = await fileCase(t!, 'buyer', { title: 'Alleen op de primaire server' });
      const onPrimary = await sql<{ n: number }>(
        primaryPort,
        'SELECT count(*)::int AS n FROM cases WHERE id = $1',
        [filed.id],
      );
      const onReplica = await sql<{ n: number }>(
        replicaPort,
        'SELECT count(*)::int AS n FROM cases WHERE id = $1',
        [filed.id],
      );
      expect([onPrimary[0]!.n, onReplica[0]!.n]).toEqual([1, 0]);

      // The filer wrote: their reads wait for a replica that holds the write, so they go to the
      // primary and see the case at once.
      expect((await listAs('buyer')).items.map((c) => c.id)).toContain(filed.id);
      // Someone else's list comes from the replica, which has not replayed the filing: the case
      // is not in it (the only way it could be missing is being read from the replica).
      const staffList = await listAs('staff');
      expect(staffList.items.map((c) => c.id)).not.toContain(filed.id);
      expect(staffList.items.length).toBe(before.items.length);
      // The funding views likewise: the replica's totals lack the case, the filer's have it.
      expect(await matrixCount('staff')).toBe(matrixBefore.staff);
      expect(await matrixCount('buyer')).toBe(matrixBefore.buyer + 1);

      // The API counts what the replica served.
      const metrics = (await t!.http().get('/metrics').expect(200)).text;
      const served = /^brug_replica_reads_total\{source="replica"\} (\d+)/m.exec(metrics);
      expect(Number(served?.[1])).toBeGreaterThan(0);
      expect(metrics).toMatch(/^brug_replica_up 1$/m);

      // Replaying again, the replica catches up and the case shows for everyone.
      await sql(replicaPort, 'SELECT pg_wal_replay_resume()');
      await eventually(async () => {
        expect((await listAs('staff')).items.map((c) => c.id)).toContain(filed.id);
      }, 120_000);
    } finally {
      await sql(replicaPort, 'SELECT pg_wal_replay_resume()').catch(() => undefined);
    }
  }, 240_000);

  it('keeps the later of two write positions of a person, whatever order they arrive in', async () => {
    const redis = t!.app.get(RedisService);
    const key = redis.key('replica', 'wrote', 'position-order-check');
    const keep = async (position: string) => {
      await redis.client.eval(KEEP_LARGER_POSITION, 1, key, position, '60000');
      return redis.client.get(key);
    };
    expect(await keep('999')).toBe('999');
    expect(await keep('1000')).toBe('1000');
    expect(await keep('999')).toBe('1000');
    expect(await keep('1001')).toBe('1001');
    expect(await redis.client.pttl(key)).toBeGreaterThan(0);
    await redis.client.del(key);
  });

  it('reads from the primary once the replica lags past the bound, and says so', async () => {
    await eventually(async () => expect((await readiness()).replica.state).toBe('up'), 120_000);
    await sql(replicaPort, 'SELECT pg_wal_replay_pause()');
    try {
      const filed = await fileCase(t!, 'buyer', { title: 'Terwijl de replica achterloopt' });
      const lagging = await eventually(async () => {
        const body = await readiness();
        expect(body.replica).toMatchObject({ state: 'degraded', reason: 'lagging' });
        return body;
      }, 120_000);
      expect(lagging.status).toBe('ready');
      // Past the bound everyone reads from the primary: the case the replica lacks shows.
      expect((await listAs('staff')).items.map((c) => c.id)).toContain(filed.id);
    } finally {
      await sql(replicaPort, 'SELECT pg_wal_replay_resume()').catch(() => undefined);
    }
    await eventually(async () => expect((await readiness()).replica.state).toBe('up'), 120_000);
  }, 300_000);

  it('keeps answering from the primary with the replica stopped, ready with the replica degraded', async () => {
    await asPostgres('pg_ctl', ['-D', replicaDir(), '-m', 'fast', '-w', '-t', '120', 'stop']);
    replicaStarted = false;
    // At once (before the probe notices): a read the replica fails is read again on the primary.
    const filed = await fileCase(t!, 'buyer', { title: 'Met de replica gestopt' });
    expect((await listAs('staff')).items.map((c) => c.id)).toContain(filed.id);
    const ready = await eventually(async () => {
      const body = await readiness();
      expect(body.replica).toMatchObject({ state: 'degraded', reason: 'unreachable' });
      return body;
    }, 120_000);
    expect(ready).toMatchObject({ status: 'ready', checks: { database: 'up', redis: 'up' } });
    expect((await listAs('buyer')).items.map((c) => c.id)).toContain(filed.id);
    expect((await t!.http().get('/metrics').expect(200)).text).toMatch(/^brug_replica_up 0$/m);
  }, 300_000);
});
