import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
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
