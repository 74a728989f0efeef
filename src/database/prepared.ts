import { createHash } from 'node:crypto';
import type { Pool, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Runs a read outside any transaction as a named prepared statement, so PostgreSQL plans it
 * once per connection instead of on every request (planning costs more than executing most of
 * Brug's hot reads). The name is derived from the SQL, so each distinct query is one statement.
 */
export async function preparedQuery<T extends QueryResultRow>(
  db: DataSource,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const pool = (db.driver as unknown as { master: Pool }).master;
  const name = `brug_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
  const result = await pool.query<T>({ name, text: sql, values: params });
  return result.rows;
}
