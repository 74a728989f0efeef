import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFIG_VARIABLES, ConfigError, loadConfig, runsAuditSequencer } from './config';
import { keptSecret } from './kept-secret';

/** The signing key Brug's source once held (and every forged token of the probe used). */
/** An audit signing key (issue 15): 32 bytes in base64, required in production. */
const AUDIT_KEY = { AUDIT_SIGNING_KEY: Buffer.alloc(32, 7).toString('base64') };
const PUBLISHED_DEV_KEY = 'brug-development-only-secret-never-use-in-production';

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
    expect(config.jwtSecretSource).toBe('process');
    expect(config.jwtSecret).not.toBe(PUBLISHED_DEV_KEY);
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
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

  it('requires JWT_SECRET and AUDIT_SIGNING_KEY in production and names them', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'JWT_SECRET is required when NODE_ENV=production',
      'AUDIT_SIGNING_KEY is required when NODE_ENV=production',
    ]);
    expect(problemsOf({ NODE_ENV: 'production', ...AUDIT_KEY, AUDIT_SIGNING_KEY: 'kort' })).toEqual(
      [
        'JWT_SECRET is required when NODE_ENV=production',
        'AUDIT_SIGNING_KEY must be 32 bytes in base64 (an Ed25519 private key seed)',
      ],
    );
  });

  it('refuses the key once published in the source, even when set on purpose', () => {
    expect(problemsOf({ JWT_SECRET: PUBLISHED_DEV_KEY })).toEqual([
      "JWT_SECRET is a key published in Brug's source: choose a random one",
    ]);
  });

  it('takes TRUST_PROXY digits as a hop count, not an address', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toBe('loopback');
    expect(loadConfig({}).trustProxy).toBe(false);
  });

  describe('without JWT_SECRET', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'brug-secret-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('makes a random key once, keeps it owner-only and uses it again on the next start', () => {
      const file = join(dir, '.brug', 'jwt-secret');
      const env = { NODE_ENV: 'development', JWT_SECRET_FILE: file };
      const first = loadConfig(env, { keptSecret });
      expect(first.jwtSecretSource).toBe('file');
      expect(first.jwtSecret).not.toBe(PUBLISHED_DEV_KEY);
      expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      // A second process (the worker, a restart) reads the same key.
      expect(loadConfig(env, { keptSecret }).jwtSecret).toBe(first.jwtSecret);
      // Another machine (another file) gets another key.
      const other = loadConfig({ ...env, JWT_SECRET_FILE: join(dir, 'other') }, { keptSecret });
      expect(other.jwtSecret).not.toBe(first.jwtSecret);
    });

    it('refuses a key file others may read, or one too short', () => {
      const file = join(dir, 'jwt-secret');
      writeFileSync(file, 'x'.repeat(40), { mode: 0o644 });
      const problems = (() => {
        try {
          loadConfig({ JWT_SECRET_FILE: file }, { keptSecret });
          return [];
        } catch (error) {
          return (error as ConfigError).problems;
        }
      })();
      expect(problems).toEqual([expect.stringContaining('may be read by others')]);
      writeFileSync(join(dir, 'short'), 'short', { mode: 0o600 });
      expect(() => loadConfig({ JWT_SECRET_FILE: join(dir, 'short') }, { keptSecret })).toThrow(
        /at least 32 characters/,
      );
    });

    it('keeps no file in production or tests: production refuses, tests use a process key', () => {
      const file = join(dir, 'jwt-secret');
      expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET_FILE: file, ...AUDIT_KEY })).toEqual([
        'JWT_SECRET is required when NODE_ENV=production',
      ]);
      const test = loadConfig({ NODE_ENV: 'test', JWT_SECRET_FILE: file }, { keptSecret });
      expect(test.jwtSecretSource).toBe('process');
      expect(() => statSync(file)).toThrow();
    });
  });

  it('refuses demo data in production', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      ...AUDIT_KEY,
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
      ...AUDIT_KEY,
      WORKERS: 'off',
    });
    expect(config.workers).toBe(false);
    expect(config.logLevel).toBe('info');
  });
});

describe('runsAuditSequencer', () => {
  const runs = (env: Record<string, string>, role: 'api' | 'worker' | 'cli') =>
    runsAuditSequencer(loadConfig(env), role);

  it('a worker process runs it unless AUDIT_SEQUENCER=off, whatever WORKERS says', () => {
    expect(runs({}, 'worker')).toBe(true);
    expect(runs({ WORKERS: 'off' }, 'worker')).toBe(true);
    expect(runs({ WORKERS: 'off', AUDIT_SEQUENCER: 'on' }, 'worker')).toBe(true);
    expect(runs({ AUDIT_SEQUENCER: 'off' }, 'worker')).toBe(false);
    expect(runs({ WORKERS: 'off', AUDIT_SEQUENCER: 'off' }, 'worker')).toBe(false);
  });

  it('the API process runs it with its embedded workers or when told to', () => {
    expect(runs({}, 'api')).toBe(true);
    expect(runs({ WORKERS: 'on' }, 'api')).toBe(true);
    expect(runs({ WORKERS: 'off' }, 'api')).toBe(false);
    expect(runs({ WORKERS: 'off', AUDIT_SEQUENCER: 'on' }, 'api')).toBe(true);
    expect(runs({ WORKERS: 'on', AUDIT_SEQUENCER: 'off' }, 'api')).toBe(false);
  });

  it('the CLI never runs it', () => {
    expect(runs({ AUDIT_SEQUENCER: 'on' }, 'cli')).toBe(false);
  });

  it('rejects a value that is not a switch', () => {
    expect(problemsOf({ AUDIT_SEQUENCER: 'sometimes' })).toEqual([
      'AUDIT_SEQUENCER must be true or false (got "sometimes")',
    ]);
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
