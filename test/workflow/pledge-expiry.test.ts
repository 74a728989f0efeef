import { DataSource } from 'typeorm';
import { QueueService } from '../../src/workflow/queues/queue.service';
import { jobIds } from '../../src/workflow/queues/queues';
import { fileCase } from '../support/factories';
import { EUR, recordEntry } from '../support/funding';
import { MailCatcher } from '../support/mail-catcher';
import { start, waitFor, type Running } from '../support/processes';
import { DEMO, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 18, acceptance 3: pledges that expire, released by a worker process (compiled, as
 * operators run it; `npx nest build` first) through a delayed job that checks the stored state,
 * re-created from the database when a worker starts.
 */
describe('pledges that expire', () => {
  let t: TestApp;
  let db: DataSource;
  const running: Running[] = [];
  const mail = new MailCatcher();

  const worker = async (): Promise<Running> => {
    const w = start('worker', {
      DATABASE_URL: t.config.databaseUrl,
      REDIS_URL: t.config.redisUrl,
      REDIS_PREFIX: t.config.redisPrefix,
      JWT_SECRET: t.config.jwtSecret,
      SMTP_URL: mail.url,
      RELAY_POLL_MS: '200',
      WORKER_LOCK_MS: '2000',
      LOG_LEVEL: 'info',
    });
    running.push(w);
    await waitFor(() => w.output().includes('Brug workers started'));
    return w;
  };

  beforeAll(async () => {
    await mail.start();
    t = await startTestApp(); // the test's own API: WORKERS off
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    for (const r of running) await r.stop('SIGKILL');
    await t.close();
    await mail.stop();
  });

  const expiredReleases = (caseId: string) =>
    db.query<{ domain_code: string; amount_cents: string; actor_role: string }[]>(
      `SELECT domain_code, amount_cents, actor_role FROM funding_entries
        WHERE case_id = $1 AND kind = 'release' AND reason = 'expired' ORDER BY seq`,
      [caseId],
    );
  const done = async (entryId: string) =>
    (
      await db.query<{ done_at: Date | null }[]>(
        `SELECT done_at FROM pledge_expiries WHERE entry_id = $1`,
        [entryId],
      )
    )[0]?.done_at != null;
  const soon = (ms: number) => new Date(Date.now() + ms).toISOString();

  it('releases an expired pledge, and not one committed before its expiry', async () => {
    await worker();
    const c = await fileCase(t);
    const lapsing = await recordEntry(t, 'budgetEnergy', c.id, {
      domainCode: 'energy',
      kind: 'pledge',
      amountCents: 100_000 * EUR,
      expiresAt: soon(2000),
    });
    expect(lapsing.expiresAt).toEqual(expect.any(String));
    const kept = await recordEntry(t, 'budgetHousing', c.id, {
      domainCode: 'housing',
      kind: 'pledge',
      amountCents: 50_000 * EUR,
      // Room for the commit below to land first on a loaded machine.
      expiresAt: soon(8000),
    });
    // Committed before its expiry: the pledge is binding now.
    await recordEntry(t, 'budgetHousing', c.id, {
      domainCode: 'housing',
      kind: 'commit',
      amountCents: 50_000 * EUR,
    });

    await waitFor(async () => (await done(lapsing.id)) && (await done(kept.id)));
    const releases = await expiredReleases(c.id);
    expect(releases).toEqual([
      { domain_code: 'energy', amount_cents: String(100_000 * EUR), actor_role: 'system' },
    ]);
    const funding = await t
      .http()
      .get(`/api/v1/cases/${c.id}/funding`)
      .set({ Authorization: `Bearer ${await t.token('auditor')}` })
      .expect(200);
    expect(funding.body.byDomain).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ domainCode: 'energy', pledgedCents: 0 }),
        expect.objectContaining({
          domainCode: 'housing',
          pledgedCents: 0,
          committedCents: 50_000 * EUR,
        }),
      ]),
    );
    // Audited as Brug's, with the reason, and announced to the team and the budget holder.
    const [audit] = await db.query<{ actor_role: string; data: string }[]>(
      `SELECT actor_role, data FROM audit_events
        WHERE case_id = $1 AND action = 'funding.entry_recorded'
          AND data::jsonb ->> 'kind' = 'release'`,
      [c.id],
    );
    expect(audit!.actor_role).toBe('system');
    expect(JSON.parse(audit!.data)).toMatchObject({ kind: 'release', reason: 'expired' });
    await waitFor(() =>
      mail.mails.some(
        (m) => m.to.includes(DEMO.budgetEnergy) && m.subject.includes(`${c.reference}: toezegging`),
      ),
    );
  });

  it('after a worker restart in between (its job lost meanwhile), the expiry still happens', async () => {
    const first = running[0] ?? (await worker());
    const c = await fileCase(t);
    const pledge = await recordEntry(t, 'budgetEnergy', c.id, {
      domainCode: 'energy',
      kind: 'pledge',
      amountCents: 70_000 * EUR,
      expiresAt: soon(4000),
    });
    const sla = t.app.get(QueueService).queues.sla;
    const jobId = jobIds.expirePledge(pledge.id);
    await waitFor(async () => (await sla.getJob(jobId)) !== undefined);
    await first.stop('SIGTERM');
    // While no worker runs, Redis loses the alarm clock: only the database still knows.
    await (await sla.getJob(jobId))!.remove();
    expect(await sla.getJob(jobId)).toBeUndefined();

    const second = await worker();
    // Re-created from the database: by the start's check, or by the periodic one if it ran first.
    await waitFor(
      () =>
        second.output().includes('pledge expiries: 1 re-created') ||
        second.output().includes('1 deadline jobs were missing from Redis; re-created'),
    );
    await waitFor(async () => (await expiredReleases(c.id)).length === 1);
    expect(await expiredReleases(c.id)).toEqual([
      { domain_code: 'energy', amount_cents: String(70_000 * EUR), actor_role: 'system' },
    ]);
  });
});
