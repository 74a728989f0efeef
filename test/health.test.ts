import { expectProblem } from './support/problem';
import { PrivateRedis } from './support/redis-server';
import { startTestApp, TestApp } from './support/test-app';

async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('health', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  beforeAll(async () => {
    redis = await PrivateRedis.start();
    t = await startTestApp({ env: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await t.close();
    await redis.stop();
  });

  it('is live and ready while PostgreSQL and Redis answer', async () => {
    await t.http().get('/health/live').expect(200, { status: 'live' });
    const ready = await t.http().get('/health/ready').expect(200);
    expect(ready.body).toEqual({
      status: 'ready',
      checks: { database: 'up', redis: 'up' },
      replica: { state: 'off', reason: null, lagSeconds: null },
      relay: { unpublished: 0, oldestSeconds: 0 },
    });
  });

  it('turns 503 when Redis stops, and 200 again when it is back', async () => {
    await redis.stop();
    let down: Awaited<ReturnType<ReturnType<TestApp['http']>['get']>> | undefined;
    await eventually(async () => {
      down = await t.http().get('/health/ready');
      return down.status === 503;
    });
    const problem = expectProblem(down!, 503);
    expect(problem.checks).toEqual({ database: 'up', redis: 'down' });
    await t.http().get('/health/live').expect(200);

    await redis.start();
    await eventually(async () => (await t.http().get('/health/ready')).status === 200);
  });

  it('exposes Prometheus metrics', async () => {
    const metrics = await t.http().get('/metrics').expect(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    expect(metrics.text).toContain('brug_http_request_duration_seconds');
    expect(metrics.text).toContain('brug_process_resident_memory_bytes');
  });
});
