import { createHash } from 'node:crypto';
import type { Pool, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';

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
  const result = await pool.query<T>({ name: statementName(sql), text: sql, values: params });
  return result.rows;
}
