import { Client } from 'pg';

/** Connection settings for the server's maintenance database, taken from a database URL. */
function maintenanceUrl(databaseUrl: string): { url: string; database: string } {
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!database) throw new Error('DATABASE_URL names no database');
  url.pathname = '/postgres';
  return { url: url.toString(), database };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Creates the database named in the URL when it does not exist and the server lets us.
 * Returns true when it created it. Safe against a concurrent creator.
 */
export async function ensureDatabase(databaseUrl: string, template?: string): Promise<boolean> {
  const { url, database } = maintenanceUrl(databaseUrl);
  const client = new Client({ connectionString: url, application_name: 'brug-admin' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount) return false;
    try {
      await client.query(
        `CREATE DATABASE ${quoteIdent(database)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ''}`,
      );
      return true;
    } catch (error) {
      // 42P04: another process created it between our check and our create.
      if ((error as { code?: string }).code === '42P04') return false;
      throw error;
    }
  } finally {
    await client.end();
  }
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const { url, database } = maintenanceUrl(databaseUrl);
  const client = new Client({ connectionString: url, application_name: 'brug-admin' });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
