import { DataSource } from 'typeorm';
import { bearer, fileCase, transition } from './support/factories';
import {
  caseAt,
  EUR,
  postEntry,
  recordEntry,
  withdrawCase,
  type FiledCase,
} from './support/funding';
import { expectProblem } from './support/problem';
import { startTestApp, TestApp } from './support/test-app';

type Entry = {
  id: string;
  kind: string;
  releaseFrom: string | null;
  domainCode: string;
  amountCents: number;
  reason: string | null;
  actor: { id: string | null; name: string; role: string };
};
type AuditEvent = {
  action: string;
  subjectId: string;
  actorRole: string;
  actorName: string;
  data: Record<string, unknown>;
};
type Cell = { role: string | null; committedCents: number; pledgedCents: number };

/**
 * Issue 13, item 14: money on a declined or withdrawn case. Brug releases the open pledges
 * itself, in the transition's unit of work; what stays committed can still be released by its
 * budget holder; nothing new is taken; no view counts a pledge of a closed case (ADR 21).
 */
describe('funding of a closed case', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const get = async (who: string, path: string) =>
    t
      .http()
      .get(`/api/v1${path}`)
      .set(await bearer(t, who));
  const entriesOf = async (c: FiledCase) =>
    (await get('auditor', `/cases/${c.id}/funding-entries`)).body.items as Entry[];
  const auditOf = async (c: FiledCase) =>
    (await get('auditor', `/cases/${c.id}/audit`)).body.items as AuditEvent[];
  const matrixRow = async (c: FiledCase) => {
    const matrix = (await get('admin', '/funding/matrix')).body as {
      rows: { caseId: string; cells: Record<string, Cell> }[];
    };
    return matrix.rows.find((r) => r.caseId === c.id)!.cells;
  };

  describe('declined', () => {
    let c: FiledCase;
    beforeAll(async () => {
      // Energy pledges 450,000 and commits 300,000 of it (150,000 stays pledged), pays out
      // 100,000; housing pledges 200,000. Then staff decline the case.
      c = await caseAt(t, 'accepted', {
        initialFunding: [{ domainCode: 'energy', amountCents: 450_000 * EUR }],
      });
      await recordEntry(t, 'staff', c.id, {
        domainCode: 'housing',
        kind: 'pledge',
        amountCents: 200_000 * EUR,
      });
      await recordEntry(t, 'budgetEnergy', c.id, {
        domainCode: 'energy',
        kind: 'commit',
        amountCents: 300_000 * EUR,
      });
      await recordEntry(t, 'budgetEnergy', c.id, {
        domainCode: 'energy',
        kind: 'disburse',
        amountCents: 100_000 * EUR,
      });
      const before = await matrixRow(c);
      expect(before.housing).toMatchObject({ pledgedCents: 200_000 * EUR });
      await transition(t, 'staff', c.id, c.version, { to: 'declined', reason: 'Geen match' });
    });

    it('releases every open pledge itself: system actor, reason case_closed', async () => {
      const entries = await entriesOf(c);
      const released = entries.filter((e) => e.reason === 'case_closed');
      expect(released.map((e) => [e.kind, e.releaseFrom, e.domainCode, e.amountCents])).toEqual([
        ['release', 'pledge', 'energy', 150_000 * EUR],
        ['release', 'pledge', 'housing', 200_000 * EUR],
      ]);
      for (const e of released) {
        expect(e.actor).toEqual({ id: null, name: 'Brug', role: 'system' });
      }
      // The last entries of the log; the people's entries have no reason.
      expect(entries.slice(-2)).toEqual(released);
      expect(entries.slice(0, -2).every((e) => e.reason === null)).toBe(true);
    });

    it('audits and announces each release like every entry, after the transition, in the chain', async () => {
      const released = (await entriesOf(c)).filter((e) => e.reason === 'case_closed');
      const audit = await auditOf(c);
      const declined = audit.findIndex(
        (e) => e.action === 'case.transitioned' && e.data.to === 'declined',
      );
      expect(audit[declined]).toMatchObject({ actorRole: 'staff', actorName: expect.any(String) });
      const after = audit.slice(declined + 1);
      expect(after.map((e) => e.subjectId)).toEqual(released.map((e) => e.id));
      for (const event of after) {
        expect(event).toMatchObject({
          action: 'funding.entry_recorded',
          actorRole: 'system',
          actorName: 'Brug',
          data: { kind: 'release', releaseFrom: 'pledge', reason: 'case_closed' },
        });
      }
      expect(after[1]!.data.balanceAfter).toEqual({
        pledgedCents: 0,
        committedCents: 0,
        disbursedCents: 0,
      });
      const outbox = await db.query<{ payload: { entryId: string } }[]>(
        `SELECT payload FROM outbox_events WHERE type = 'funding.entry_recorded' AND payload->>'caseId' = $1`,
        [c.id],
      );
      expect(outbox.map((o) => o.payload.entryId)).toEqual(
        expect.arrayContaining(released.map((e) => e.id)),
      );
      expect((await get('auditor', '/audit/verify')).body).toMatchObject({ valid: true });
    });

    it('counts nothing as pledged: case funding and matrix', async () => {
      const funding = (await get('buyer', `/cases/${c.id}/funding`)).body;
      expect(funding).toMatchObject({
        pledgedCents: 0,
        committedCents: 300_000 * EUR,
        disbursedCents: 100_000 * EUR,
      });
      // Housing has nothing left: it does not pay for a declined case.
      expect(funding.nonPayingDomains).toContain('housing');
      const cells = await matrixRow(c);
      expect(cells.energy).toMatchObject({ pledgedCents: 0, committedCents: 300_000 * EUR });
      expect(cells.housing).toMatchObject({ pledgedCents: 0, committedCents: 0 });
    });

    it('takes no new pledge, commitment or disbursement (422)', async () => {
      for (const [who, body] of [
        ['staff', { domainCode: 'housing', kind: 'pledge', amountCents: 1 }],
        ['budgetEnergy', { domainCode: 'energy', kind: 'pledge', amountCents: 1 }],
        ['budgetEnergy', { domainCode: 'energy', kind: 'commit', amountCents: 1 }],
        ['budgetEnergy', { domainCode: 'energy', kind: 'disburse', amountCents: 1 }],
      ] as const) {
        expect(expectProblem(await postEntry(t, who, c.id, body), 422)).toMatchObject({
          code: 'case_closed_for_funding',
          currentStatus: 'declined',
        });
      }
    });

    it('lets the budget holder release what stays committed and not disbursed, no more', async () => {
      const tooMuch = await postEntry(t, 'budgetEnergy', c.id, {
        domainCode: 'energy',
        kind: 'release',
        releaseFrom: 'commitment',
        amountCents: 200_000 * EUR + 1,
      });
      expect(expectProblem(tooMuch, 422)).toMatchObject({ code: 'funding_invariant_broken' });
      // Still only the domain's own budget holder (403 for another domain's).
      const other = await postEntry(t, 'budgetHousing', c.id, {
        domainCode: 'energy',
        kind: 'release',
        releaseFrom: 'commitment',
        amountCents: 1,
      });
      expectProblem(other, 403);
      const entry = await recordEntry(t, 'budgetEnergy', c.id, {
        domainCode: 'energy',
        kind: 'release',
        releaseFrom: 'commitment',
        amountCents: 200_000 * EUR,
        note: 'Zaak afgewezen; budget terug naar de kostenplaats',
      });
      expect(entry).toMatchObject({ reason: null, actor: { role: 'budget_holder' } });
      expect((await get('buyer', `/cases/${c.id}/funding`)).body).toMatchObject({
        committedCents: 100_000 * EUR,
        disbursedCents: 100_000 * EUR,
        pledgedCents: 0,
      });
    });

    it('never counts a pledge left open on a closed case (from before this rule)', async () => {
      // Written as an older Brug could have left it: a pledge on a case that is now declined.
      await db.query(
        `INSERT INTO funding_entries (case_id, domain_code, kind, amount_cents, actor_role, actor_name)
         VALUES ($1, 'care', 'pledge', 77700, 'staff', 'Vroeger')`,
        [c.id],
      );
      expect((await get('buyer', `/cases/${c.id}/funding`)).body).toMatchObject({
        pledgedCents: 0,
      });
      expect((await matrixRow(c)).care).toMatchObject({ pledgedCents: 0 });
      const totals = (await get('admin', '/funding/matrix?status=declined')).body.totals as Record<
        string,
        { pledgedCents: number; payingCases: number }
      >;
      expect(totals.care).toMatchObject({ pledgedCents: 0, payingCases: 0 });
    });
  });

  describe('withdrawn', () => {
    it('releases the open pledges the same way, and takes no new pledge', async () => {
      const c = await fileCase(t, 'buyer', {
        initialFunding: [
          { domainCode: 'energy', amountCents: 12_345 },
          { domainCode: 'care', amountCents: 500 },
        ],
      });
      await withdrawCase(t, c);
      const released = (await entriesOf(c)).filter((e) => e.reason === 'case_closed');
      expect(released.map((e) => [e.domainCode, e.amountCents, e.actor.role])).toEqual([
        ['energy', 12_345, 'system'],
        ['care', 500, 'system'],
      ]);
      const audit = await auditOf(c);
      expect(audit.map((e) => [e.action, e.actorRole])).toEqual([
        ['case.filed', 'buyer'],
        ['funding.entry_recorded', 'buyer'],
        ['funding.entry_recorded', 'buyer'],
        ['case.transitioned', 'buyer'],
        ['funding.entry_recorded', 'system'],
        ['funding.entry_recorded', 'system'],
      ]);
      for (const cell of Object.values(await matrixRow(c))) expect(cell.pledgedCents).toBe(0);
      const refused = await postEntry(t, 'buyer', c.id, {
        domainCode: 'energy',
        kind: 'pledge',
        amountCents: 1,
      });
      expect(expectProblem(refused, 422)).toMatchObject({ code: 'case_closed_for_funding' });
    });

    it('records nothing when there is no open pledge', async () => {
      const c = await fileCase(t);
      await withdrawCase(t, c);
      expect(await entriesOf(c)).toEqual([]);
    });
  });
});
