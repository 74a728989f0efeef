import { randomBytes } from 'node:crypto';

/**
 * Names shared by the whole test run: every database and Redis key of this run starts with the
 * run id, so parallel runs on one machine never meet and teardown removes exactly this run's.
 */
export const ADMIN_DATABASE_URL =
  process.env.BRUG_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.BRUG_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const DEMO_PASSWORD = 'brug-test-password-2026';

/** The run id encodes its start time, so teardown can also clear runs that crashed long ago. */
export function newRunId(): string {
  return `${Date.now().toString(36).padStart(9, '0')}${randomBytes(3).toString('hex')}`;
}

/** When the run with this id started (ms since the epoch), or NaN for a name of another form. */
export function runStartedAt(id: string): number {
  return /^[0-9a-z]{15}$/.test(id) ? parseInt(id.slice(0, 9), 36) : NaN;
}

export function runId(): string {
  const id = process.env.BRUG_TEST_RUN_ID;
  if (!id) throw new Error('BRUG_TEST_RUN_ID is not set: run the tests through jest (globalSetup)');
  return id;
}

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export const templateDatabase = (id = runId()): string => `brug_test_${id}_tpl`;
export const databasePrefix = (id = runId()): string => `brug_test_${id}_`;
export const redisPrefix = (id = runId()): string => `brug-test-${id}`;
