import { types } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// A PostgreSQL `date` is a calendar day, not a moment: keep it as its `YYYY-MM-DD` text instead
// of pg's default (a Date at local midnight, which shifts with the process's time zone).
types.setTypeParser(types.builtins.DATE, (value: string) => value);

export function dataSourceOptions(
  config: Pick<AppConfig, 'databaseUrl'> &
    Partial<Pick<AppConfig, 'databasePoolSize' | 'databaseConnectTimeoutMs'>>,
  extra: { applicationName?: string; poolSize?: number } = {},
): DataSourceOptions {
  const poolSize = extra.poolSize ?? config.databasePoolSize ?? 10;
  return {
    type: 'postgres',
    url: config.databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    // The schema changes only through migrations, in every environment, tests included.
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension, no superuser needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: false,
    applicationName: extra.applicationName ?? 'brug',
    poolSize,
    extra: {
      // A connection once opened stays open (pg's pool keeps up to `min` idle; by default it
      // closes one after 10 s idle). A new PostgreSQL backend fills its catalogue caches and plans
      // every statement again on first use: the first seconds of load after a quiet spell routed
      // cases in 250–350 ms instead of 10–15 ms (docs/benchmarks.md, issue 21). The connection
      // budget is the full pool either way (docs/operations.md, ADR 57).
      min: poolSize,
      // Bounded waits: a stuck database should give errors, not requests that hang forever. A
      // connection not had in time (pool exhausted, server away) is answered 503 with
      // Retry-After (common/infrastructure-errors.ts).
      connectionTimeoutMillis: config.databaseConnectTimeoutMs ?? 5000,
      statement_timeout: 30000,
      idle_in_transaction_session_timeout: 60000,
    },
  };
}
