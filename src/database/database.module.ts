import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { MetricsService } from '../health/metrics.service';
import { RedisService } from '../redis/redis.service';
import { dataSourceOptions } from './data-source-options';
import { ensureDatabase } from './database-admin';
import { keepErrorListeners } from './error-listeners';
import { runMigrations } from './migrate';
import { ReadReplica } from './read-replica';
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
      providers: [
        {
          // The replica for reads that may be a moment old (ADR 42): opened by the API only;
          // every process marks its people's writes, so their reads see them.
          provide: ReadReplica,
          useFactory: (primary: DataSource, redis: RedisService, metrics: MetricsService) =>
            new ReadReplica(primary, redis, config, role === 'api', metrics),
          inject: [getDataSourceToken(), RedisService, MetricsService],
        },
        UnitOfWork,
      ],
      exports: [UnitOfWork, ReadReplica],
    };
  }
}
