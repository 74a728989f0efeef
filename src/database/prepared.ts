import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/** Statement names by SQL text: hashed once per distinct query, not on every request. */
const names = new Map<string, string>();

/** The prepared statement name of `sql`: derived from the text, so equal SQL shares one name. */
export function statementName(sql: string): string {
  let name = names.get(sql);
  if (name === undefined) {
    name = `brug_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    // The hot reads are a few dozen distinct texts; the bound only guards against misuse.
    if (names.size >= 1000) names.clear();
    names.set(sql, name);
  }
  return name;
}

/**
 * Runs one statement outside any transaction (a read, or a write that commits on its own) as a
 * named prepared statement, so PostgreSQL plans it once per connection instead of on every
 * request (planning costs more than executing most of Brug's hot statements). The name is
 * derived from the SQL, so each distinct query is one statement.
 */
export async function preparedQuery<T extends QueryResultRow>(
  db: DataSource,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const result = await poolOf(db).query<T>({ name: statementName(sql), text: sql, values: params });
  return result.rows;
}

/**
 * Runs one statement of a transaction (the manager a unit of work or `db.transaction` gives) as a
 * named prepared statement on the transaction's connection, so PostgreSQL plans it once per
 * connection instead of at every call, as `preparedQuery` does outside transactions. For the
 * statements every filed case runs (its filing, its routing, the audit and outbox rows, the
 * relay's batch): their texts do not depend on the data (lists are bound as arrays), so each is
 * one statement, and they find their rows by key, which one plan serves whatever the values.
 * Answers the rows and, for an `UPDATE` or `DELETE`, how many rows it changed.
 */
export async function preparedIn<T extends QueryResultRow>(
  manager: EntityManager,
  sql: string,
  params: unknown[],
): Promise<{ rows: T[]; rowCount: number }> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) {
    throw new Error('preparedIn runs inside a transaction; use preparedQuery outside one');
  }
  // TypeORM's PostgreSQL query runner answers its connection (a pool client) from connect().
  const client = (await runner.connect()) as PoolClient;
  const result = await client.query<T>({ name: statementName(sql), text: sql, values: params });
  return { rows: result.rows, rowCount: result.rowCount ?? 0 };
}

/**
 * Runs one read in a transaction of its own under a planner setting (`SET LOCAL …`, e.g. the
 * list's count), in three round trips instead of four: `BEGIN` and the setting go to
 * PostgreSQL as one simple query, then the read, then `COMMIT`. The read is planned for its
 * parameters (not prepared). A connection that failed midway is closed, not reused.
 */
export async function readWithSetting<T extends QueryResultRow>(
  pool: Pool,
  setting: string,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  if (!/^SET LOCAL [a-z_]+ = [a-z0-9_]+$/.test(setting)) {
    throw new Error(`Not a planner setting: ${setting}`);
  }
  const client = await pool.connect();
  let failed: Error | undefined;
  try {
    await client.query(`BEGIN; ${setting}`);
    const result = await client.query<T>(sql, params);
    await client.query('COMMIT');
    return result.rows;
  } catch (error) {
    failed = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(failed);
  }
}

/** The `pg` pool under a TypeORM data source (the primary's, or the replica's). */
export function poolOf(db: DataSource): Pool {
  return (db.driver as unknown as { master: Pool }).master;
}
