import type { Logger } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Every pooled connection keeps an error listener for its whole life. PostgreSQL ending a
 * session (a restart, a failover, `pg_terminate_backend`) while the connection is checked out
 * between two queries is otherwise an unhandled `error` event, which stops the process; with
 * the listener, the request on it fails (503) and the pool drops the connection.
 */
export function keepErrorListeners(dataSource: DataSource, logger: Logger): void {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const listen = (client: PoolClient) => {
    client.on('error', (error) => logger.warn(`A database connection was lost: ${error.message}`));
  };
  pool.on('connect', listen);
  // The connections opened while the data source started (pg keeps them in `_clients`).
  for (const client of (pool as unknown as { _clients?: PoolClient[] })._clients ?? []) {
    listen(client);
  }
}
