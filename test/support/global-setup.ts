import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module';
import { loadConfig } from '../../src/config/config';
import { ensureDatabase } from '../../src/database/database-admin';
import { DemoDataService } from '../../src/demo/demo-data.service';
import {
  DEMO_PASSWORD,
  TEST_REDIS_URL,
  databaseUrl,
  newRunId,
  redisPrefix,
  templateDatabase,
} from './test-env';

/**
 * Builds this run's template database once (all migrations, the catalogue, the demo users);
 * each test file then gets its own copy of it in milliseconds (CREATE DATABASE … TEMPLATE).
 */
export default async function globalSetup(): Promise<void> {
  const id = newRunId();
  process.env.BRUG_TEST_RUN_ID = id;
  const url = databaseUrl(templateDatabase(id));
  await ensureDatabase(url);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: redisPrefix(id),
    DEMO_PASSWORD,
    LOG_LEVEL: 'silent',
    WORKERS: 'off',
  });
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot(config, { role: 'cli' }),
    { logger: ['error'] },
  );
  try {
    await app.get(DemoDataService).seed();
  } finally {
    await app.close();
  }
}
