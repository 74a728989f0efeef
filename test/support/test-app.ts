import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { AppConfig, loadConfig } from '../../src/config/config';
import { ensureDatabase } from '../../src/database/database-admin';
import { createHttpApp } from '../../src/http-app';
import {
  DEMO_PASSWORD,
  TEST_REDIS_URL,
  databasePrefix,
  databaseUrl,
  redisPrefix,
  templateDatabase,
} from './test-env';

export { DEMO_PASSWORD };

export const DEMO = {
  admin: 'admin@brug.example',
  buyer: 'buyer@brug.example',
  buyer2: 'buyer2@brug.example',
  staff: 'staff@brug.example',
  staff2: 'staff2@brug.example',
  budgetEnergy: 'budget.energy@brug.example',
  budgetHousing: 'budget.housing@brug.example',
  auditor: 'auditor@brug.example',
} as const;
export type DemoUserKey = keyof typeof DEMO;

/** A database of its own for one test file: a copy of the run's migrated, seeded template. */
export async function createTestDatabase(): Promise<string> {
  const name = `${databasePrefix()}${randomBytes(4).toString('hex')}`;
  const url = databaseUrl(name);
  for (let attempt = 1; ; attempt++) {
    try {
      await ensureDatabase(url, templateDatabase());
      return url;
    } catch (error) {
      // Copying a template fails while another session is still connected to it.
      if (attempt >= 10) throw error;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

/** The configuration a test app runs with: its own database and Redis prefix. */
export function testConfig(env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: `${redisPrefix()}-${randomBytes(4).toString('hex')}`,
    DEMO_PASSWORD,
    LOG_LEVEL: 'silent',
    WORKERS: 'off',
    JWT_SECRET: randomBytes(32).toString('hex'),
    // The audit sequencer runs in every test app (issue 15), polling often.
    AUDIT_SEQUENCER: 'on',
    AUDIT_SEQUENCER_POLL_MS: '50',
    // Tests that fire many requests at once wait for a pool connection longer than the
    // service's 5 s on a loaded machine; the tests of the 503 itself set their own.
    DATABASE_CONNECT_TIMEOUT_MS: '60000',
    ...env,
  });
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** Log lines the app wrote (when started with captureLogs). */
  logs: string[];
  http: () => TestAgent;
  /** Signs in a demo user and returns a bearer token. */
  token: (who: string) => Promise<string>;
  close: () => Promise<void>;
}

/** Starts the real application (as main.ts does) against a fresh copy of the template. */
export async function startTestApp(
  options: {
    env?: Record<string, string>;
    captureLogs?: boolean;
    /** A database elsewhere (a test's own server) instead of a copy of the template. */
    databaseUrl?: string;
  } = {},
): Promise<TestApp> {
  const config = testConfig({
    DATABASE_URL: options.databaseUrl ?? (await createTestDatabase()),
    ...(options.captureLogs ? { LOG_LEVEL: 'info' } : {}),
    ...options.env,
  });
  const logs: string[] = [];
  const logStream = options.captureLogs
    ? new Writable({
        write(chunk: Buffer, _encoding, done) {
          logs.push(chunk.toString('utf8'));
          done();
        },
      })
    : undefined;
  const app = await createHttpApp(config, { logStream });
  const server = app.getHttpServer();
  const tokens = new Map<string, string>();
  return {
    app,
    config,
    logs,
    http: () => request(server),
    token: async (who) => {
      const email = who in DEMO ? DEMO[who as DemoUserKey] : who;
      const cached = tokens.get(email);
      if (cached) return cached;
      const response = await request(server)
        .post('/api/v1/auth/token')
        .send({ email, password: DEMO_PASSWORD })
        .expect(200);
      const token = (response.body as { accessToken: string }).accessToken;
      tokens.set(email, token);
      return token;
    },
    close: () => app.close(),
  };
}
