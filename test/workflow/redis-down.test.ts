import { DataSource } from 'typeorm';
import { bearer, fileCase } from '../support/factories';
import { waitFor } from '../support/processes';
import { PrivateRedis } from '../support/redis-server';
import { startTestApp, TestApp } from '../support/test-app';

describe('when Redis is down', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  beforeAll(async () => {
    redis = await PrivateRedis.start();
    t = await startTestApp({ env: { WORKERS: 'on', RELAY_POLL_MS: '200', REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await t.close();
    await redis.stop();
  });

  it('keeps filing cases, and routes each exactly once when Redis is back', async () => {
    await redis.stop();
    await waitFor(async () => (await t.http().get('/health/ready')).status === 503);
    const filed = [];
    for (let i = 0; i < 20; i++) filed.push(await fileCase(t, i % 2 ? 'buyer' : 'buyer2'));
    expect(filed).toHaveLength(20);
    const db = t.app.get(DataSource);
    const ids = filed.map((c) => c.id);
    // Nothing can be routed meanwhile; the events wait in the outbox.
    await new Promise((r) => setTimeout(r, 1500));
    const [{ waiting }] = await db.query(
      `SELECT count(*)::int AS waiting FROM outbox_events WHERE published_at IS NULL AND type = 'case.filed' AND payload->>'caseId' = ANY($1)`,
      [ids],
    );
    expect(waiting).toBe(20);
    const ready = await t.http().get('/health/ready');
    expect(ready.body.relay?.unpublished).toBeGreaterThanOrEqual(20);

    await redis.start();
    await waitFor(async () => {
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM cases WHERE id = ANY($1) AND status = 'routed'`,
        [ids],
      );
      return n === 20;
    }, 30_000);
    const routedEvents = await db.query<{ case_id: string; n: number }[]>(
      `SELECT case_id, count(*)::int AS n FROM audit_events WHERE action = 'case.transitioned' AND data::jsonb->>'to' = 'routed' AND case_id = ANY($1) GROUP BY case_id`,
      [ids],
    );
    expect(routedEvents).toHaveLength(20);
    expect(routedEvents.every((e) => e.n === 1)).toBe(true);
    const staff = await bearer(t, 'staff');
    const one = await t.http().get(`/api/v1/cases/${ids[0]}/history`).set(staff).expect(200);
    expect(one.body.items.map((h: { to: string }) => h.to)).toEqual(['filed', 'routed']);
  });
});
