import { Redis } from 'ioredis';
import { Client } from 'pg';
import {
  ADMIN_DATABASE_URL,
  TEST_REDIS_URL,
  databasePrefix,
  redisPrefix,
  runId,
  runStartedAt,
} from './test-env';

/** Runs older than this are taken to have crashed; their databases are removed too. */
const STALE_MS = 6 * 60 * 60 * 1000;

/** Drops this run's databases and deletes its Redis keys (by prefix: never FLUSHALL). */
export default async function globalTeardown(): Promise<void> {
  const id = runId();
  const pg = new Client({ connectionString: ADMIN_DATABASE_URL });
  await pg.connect();
  try {
    const { rows } = await pg.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'brug\\_test\\_%'`,
    );
    for (const { datname } of rows) {
      const started = runStartedAt(datname.split('_')[2] ?? '');
      const stale = Number.isFinite(started) && Date.now() - started > STALE_MS;
      if (datname.startsWith(databasePrefix(id)) || stale) {
        await pg.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    }
  } finally {
    await pg.end();
  }

  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix(id)}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
