import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES, ConfigError, DEV_JWT_SECRET, loadConfig } from './config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('gives working defaults for a development machine', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/brug');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.jwtSecret).toBe(DEV_JWT_SECRET);
    expect(config.jwtSecretIsDevDefault).toBe(true);
    expect(config.demoData).toBe(false);
    expect(config.demoPassword).toBe('brug-demo-2026');
    expect(config.workers).toBe(true);
    expect(config.bodyLimitBytes).toBe(1024 * 1024);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/brug'],
    ['DATABASE_URL', 'not a url'],
    ['REDIS_URL', 'http://localhost:6379'],
    ['LOG_LEVEL', 'loud'],
    ['DEMO_DATA', 'maybe'],
    ['WORKERS', 'sometimes'],
    ['NODE_ENV', 'staging'],
    ['JWT_SECRET', 'short'],
    ['REDIS_PREFIX', 'has spaces'],
    ['JWT_TTL_SECONDS', '5'],
  ])('names %s when it is malformed (%s)', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(name);
  });

  it('requires JWT_SECRET in production and names it', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'JWT_SECRET is required when NODE_ENV=production',
    ]);
  });

  it('refuses demo data in production', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      DEMO_DATA: 'true',
    });
    expect(problems).toEqual(['DEMO_DATA=true is not allowed when NODE_ENV=production']);
  });

  it('reports every bad variable at once', () => {
    expect(problemsOf({ PORT: 'x', LOG_LEVEL: 'y', WORKERS: 'z' })).toHaveLength(3);
  });

  it('never echoes a database URL that may hold a password', () => {
    const problems = problemsOf({ DATABASE_URL: 'postgres://u:s3cret@host:port/db' });
    expect(problems.join(' ')).not.toContain('s3cret');
  });

  it('accepts WORKERS=off and a production setup', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      WORKERS: 'off',
    });
    expect(config.workers).toBe(false);
    expect(config.logLevel).toBe('info');
  });
});

describe('configuration documentation', () => {
  const root = join(__dirname, '..', '..');
  it.each(['docs/configuration.md', '.env.example'])('%s documents every variable', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const missing = CONFIG_VARIABLES.filter((name) => !text.includes(name));
    expect(missing).toEqual([]);
  });
});
