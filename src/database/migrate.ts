import { MigrationExecutor, type DataSource, type Migration } from 'typeorm';

/** A fixed advisory-lock key, so two processes starting together migrate one after the other. */
const MIGRATION_LOCK = 7_202_611_280;

/**
 * Runs pending migrations, each in its own transaction, on one connection that holds a
 * session-level advisory lock: N API and worker processes may start at once against one
 * database, and a pool of one connection suffices.
 */
export async function runMigrations(dataSource: DataSource): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'each';
      return await executor.executePendingMigrations();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await runner.release();
  }
}
