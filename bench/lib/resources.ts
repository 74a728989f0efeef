import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { Client, types } from 'pg';

// A `date` stays its YYYY-MM-DD text, as in Brug (cursors carry deadlines as text).
types.setTypeParser(types.builtins.DATE, (value: string) => value);

/** Where the bench finds PostgreSQL (the maintenance database) and Redis. */
export const ADMIN_DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Bench runs older than this are taken to have crashed; what they left is removed. */
const STALE_MS = 6 * 60 * 60 * 1000;

/** A run id that starts with its start time (base 36), as the test runs do. */
export function newRunId(): string {
  return `${Date.now().toString(36).padStart(9, '0')}${randomBytes(3).toString('hex')}`;
}

const runStartedAt = (id: string): number =>
  /^[0-9a-z]{15}$/.test(id) ? parseInt(id.slice(0, 9), 36) : NaN;

export const databaseName = (id: string): string => `brug_bench_${id}`;
export const redisPrefix = (id: string): string => `brug-bench-${id}`;

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({
    connectionString: ADMIN_DATABASE_URL,
    application_name: 'brug-bench',
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(name: string): Promise<void> {
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export async function databaseExists(name: string): Promise<boolean> {
  return withAdmin(
    async (c) =>
      (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1,
  );
}

/** Deletes every key under a prefix (SCAN MATCH, never FLUSHALL); returns how many. */
export async function deleteRedisKeys(pattern: string): Promise<number> {
  const redis = new Redis(BENCH_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

export async function countRedisKeys(pattern: string): Promise<number> {
  const redis = new Redis(BENCH_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  let count = 0;
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      count += keys.length;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return count;
}

/** Removes databases and keys of bench runs that started long ago and never cleaned up. */
export async function removeStaleRuns(): Promise<string[]> {
  const removed: string[] = [];
  const names = await withAdmin(
    async (c) =>
      (
        await c.query<{ datname: string }>(
          `SELECT datname FROM pg_database WHERE datname LIKE 'brug\\_bench\\_%'`,
        )
      ).rows,
  );
  for (const { datname } of names) {
    const started = runStartedAt(datname.slice('brug_bench_'.length));
    if (Number.isFinite(started) && Date.now() - started > STALE_MS) {
      await dropDatabase(datname);
      await deleteRedisKeys(`${redisPrefix(datname.slice('brug_bench_'.length))}*`);
      removed.push(datname);
    }
  }
  return removed;
}
