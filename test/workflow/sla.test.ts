import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { bearer, fileCase, transition } from '../support/factories';
import { MailCatcher } from '../support/mail-catcher';
import { waitFor } from '../support/processes';
import { PrivateRedis } from '../support/redis-server';
import { createTestDatabase, DEMO, startTestApp, TestApp } from '../support/test-app';

describe('SLA deadlines', () => {
  const mail = new MailCatcher();
  let redis: PrivateRedis;
  let databaseUrl: string;
  let t: TestApp;
  const env = () => ({
    WORKERS: 'on',
    RELAY_POLL_MS: '200',
    SMTP_URL: mail.url,
    REDIS_URL: redis.url,
    DATABASE_URL: databaseUrl,
  });

  beforeAll(async () => {
    await mail.start();
    redis = await PrivateRedis.start();
    databaseUrl = await createTestDatabase();
    t = await startTestApp({ env: env() });
    // A policy of seconds for `high`: accept within 2 s, propose within 60 s, warn 1 s before.
    await t
      .http()
      .patch('/api/v1/sla-policies/high')
      .set({ ...(await bearer(t, 'admin')), 'If-Match': '"1"' })
      .send({ acceptSeconds: 2, proposeSeconds: 60, warnBeforeSeconds: 1 })
      .expect(200);
  });
  afterAll(async () => {
    await t.close();
    await redis.stop();
    await mail.stop();
  });

  /** A stage of the case's SLA clock, as the case answer gives it. */
  const stage = (c: { sla: { stage: string; dueAt: string; state: string }[] }, name: string) =>
    c.sla.find((s) => s.stage === name)!;
  const isBreached = (c: { sla: { stage: string; breachedAt: string | null }[] }, name: string) =>
    c.sla.some((s) => s.stage === name && s.breachedAt !== null);

  const caseOf = async (id: string) =>
    (
      await t
        .http()
        .get(`/api/v1/cases/${id}`)
        .set(await bearer(t, 'staff'))
    ).body;

  it('breaches, escalates, audits and notifies an unaccepted case; leaves an accepted one alone', async () => {
    const late = await fileCase(t, 'buyer', { priority: 'high' });
    const onTime = await fileCase(t, 'buyer', { priority: 'high' });
    await waitFor(
      async () =>
        (await caseOf(late.id)).status === 'routed' &&
        (await caseOf(onTime.id)).status === 'routed',
    );
    const routed = await caseOf(late.id);
    expect(Date.parse(stage(routed, 'accept').dueAt) - Date.parse(routed.filedAt)).toBeLessThan(
      4000,
    );
    await transition(t, 'staff', onTime.id, 2, { to: 'accepted' });

    await waitFor(async () => isBreached(await caseOf(late.id), 'accept'), 10_000);
    const breached = await caseOf(late.id);
    expect(breached.priority).toBe('urgent');
    const audit = await t
      .http()
      .get(`/api/v1/cases/${late.id}/audit`)
      .set(await bearer(t, 'auditor'))
      .expect(200);
    const event = audit.body.items.find(
      (e: { action: string }) => e.action === 'case.sla_breached',
    );
    expect(event).toMatchObject({
      actorRole: 'system',
      data: { stage: 'accept', priority: { old: 'high', new: 'urgent' } },
    });
    await waitFor(() =>
      mail.mails.some(
        (m) =>
          m.to.includes(DEMO.staff) &&
          m.subject.includes('Termijn verstreken') &&
          m.subject.includes(late.reference),
      ),
    );
    // The warning came first, once.
    expect(
      mail.mails.filter(
        (m) =>
          m.subject.includes('Termijn verloopt binnenkort') && m.subject.includes(late.reference),
      ),
    ).toHaveLength(1);

    const kept = await caseOf(onTime.id);
    expect(kept.sla.map((s: { breachedAt: string | null }) => s.breachedAt)).toEqual([null, null]);
    expect(kept.priority).toBe('high');
  });

  it('still fires deadlines after Redis lost its data, once the workers restart', async () => {
    const c = await fileCase(t, 'buyer', { priority: 'high' });
    await waitFor(async () => (await caseOf(c.id)).status === 'routed');
    await t.close();
    // Redis loses everything: queued and delayed jobs alike.
    const client = new Redis(redis.url);
    await client.flushall();
    client.disconnect();
    t = await startTestApp({ env: env() });
    await waitFor(async () => isBreached(await caseOf(c.id), 'accept'), 10_000);
    const [{ n }] = await t.app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'case.sla_breached' AND case_id = $1`,
        [c.id],
      );
    expect(n).toBe(1);
  });
});
