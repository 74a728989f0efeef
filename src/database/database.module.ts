import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { dataSourceOptions } from './data-source-options';
import { ensureDatabase } from './database-admin';
import { runMigrations } from './migrate';
import { UnitOfWork } from './unit-of-work';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig, role: 'api' | 'worker' | 'cli'): DynamicModule {
    const logger = new Logger('Database');
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(config, { applicationName: `brug-${role}` }),
          dataSourceFactory: async (options) => {
            if (!options) throw new Error('no data source options');
            if (config.databaseCreate && (await ensureDatabase(config.databaseUrl))) {
              logger.log('Created the database named in DATABASE_URL');
            }
            const dataSource = await new DataSource(options).initialize();
            keepErrorListeners(dataSource, logger);
            if (config.migrationsRun) {
              const applied = await runMigrations(dataSource);
              for (const m of applied) logger.log(`Applied migration ${m.name}`);
            }
            return dataSource;
          },
        }),
      ],
      providers: [UnitOfWork],
      exports: [UnitOfWork],
    };
  }
}

/**
 * Every pooled connection keeps an error listener for its whole life. PostgreSQL ending a
 * session (a restart, a failover, `pg_terminate_backend`) while the connection is checked out
 * between two queries is otherwise an unhandled `error` event, which stops the process; with
 * the listener, the request on it fails (503) and the pool drops the connection.
 */
function keepErrorListeners(dataSource: DataSource, logger: Logger): void {
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
