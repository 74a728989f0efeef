import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { runSync, start, waitFor } from './support/processes';
import { sparePort } from './support/redis-server';
import { DEMO_PASSWORD } from './support/test-app';
import { databasePrefix, databaseUrl, redisPrefix, TEST_REDIS_URL } from './support/test-env';

/** The entry points as operators run them: compiled, in their own processes. */
describe('entry points', () => {
  const env = (extra: Record<string, string> = {}): Record<string, string> => ({
    DATABASE_URL: databaseUrl(`${databasePrefix()}proc_${randomBytes(3).toString('hex')}`),
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: `${redisPrefix()}-proc`,
    LOG_LEVEL: 'warn',
    ...extra,
  });

  describe('a bad configuration stops the start and names the variable', () => {
    it.each([
      [{ PORT: 'abc' }, 'PORT'],
      [{ DATABASE_URL: 'mysql://localhost/brug' }, 'DATABASE_URL'],
      [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
      [{ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DEMO_DATA: 'true' }, 'DEMO_DATA'],
      [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    ])('%j', (bad, name) => {
      for (const entry of ['main', 'worker'] as const) {
        const result = runSync(entry, [], { ...env(), ...bad });
        expect(result.status).toBe(1);
        expect(result.stderr).toContain(name);
        expect(result.stderr).toContain('Invalid configuration');
      }
    });
  });

  it('main creates and migrates its database, seeds demo data, serves, and stops cleanly', async () => {
    const port = await sparePort();
    const e = env({ PORT: String(port), DEMO_DATA: 'true', DEMO_PASSWORD, HOST: '127.0.0.1' });
    const main = start('main', e);
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitFor(async () => {
        try {
          return (await fetch(`${base}/health/ready`)).status === 200;
        } catch {
          return false;
        }
      });
      const signIn = await fetch(`${base}/api/v1/auth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'staff@brug.example', password: DEMO_PASSWORD }),
      });
      expect(signIn.status).toBe(200);
      await waitFor(() => main.output().includes('Demo sign-ins'));
      expect(main.output()).toContain(`http://localhost:${port}`);
      expect(main.output()).toContain('budget.housing@brug.example');

      // The operators' CLI against the same database: create a user, who can then sign in.
      const created = runSync(
        'cli',
        [
          'users:create',
          '--email',
          'ops@brug.example',
          '--name',
          'Ops',
          '--role',
          'staff',
          '--unit',
          'meentcoop-care',
        ],
        e,
        'an-operator-password\n',
      );
      expect(created.stderr).toBe('');
      expect(created.stdout).toMatch(/Created staff ops@brug\.example/);
      // The CLI ran longer than the server's keep-alive (5 s): the kept socket may be closing
      // just as it is reused ("other side closed"), so this sign-in is tried once more then.
      const opsSignIn = await fetchOnceMore(`${base}/api/v1/auth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'ops@brug.example', password: 'an-operator-password' }),
      });
      expect(opsSignIn.status).toBe(200);

      const refused = runSync(
        'cli',
        ['users:create', '--email', 'x@brug.example', '--name', 'X', '--role', 'buyer'],
        e,
        'long-enough-password\n',
      );
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain('organisationUnitId');

      // Seeding again creates nothing: the seed is idempotent.
      const seed = runSync('cli', ['seed'], e);
      expect(seed.status).toBe(0);
      expect(seed.stdout).toContain('Seeded 0 domains, 0 units, 0 demo users.');
    } finally {
      expect(await main.stop('SIGTERM')).toBe(0);
    }
  });

  it('the worker process starts and stops on SIGTERM', async () => {
    const worker = start('worker', env({ LOG_LEVEL: 'info' }));
    try {
      await waitFor(() => worker.output().includes('Brug workers started'));
    } finally {
      expect(await worker.stop('SIGTERM')).toBe(0);
    }
  });

  it('the CLI explains itself', () => {
    const help = runSync('cli', ['help'], {});
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('users:create');
    const unknown = runSync('cli', ['nonsense'], env());
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Unknown command');
  });

  afterAll(async () => {
    const redis = new Redis(TEST_REDIS_URL);
    const keys = await redis.keys(`${redisPrefix()}-proc*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });
});

/** A fetch tried once more when the connection it reused was closed under it. */
async function fetchOnceMore(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    return fetch(url, init);
  }
}
