import { DataSource } from 'typeorm';
import { bearer, fileCase, MODEL_CASE } from './support/factories';
import {
  EUR,
  modelCaseWithFunding,
  postEntry,
  recordEntry,
  withdrawCase,
  type FiledCase,
} from './support/funding';
import { expectProblem } from './support/problem';
import { listRoutes } from './support/routes';
import { startTestApp, TestApp } from './support/test-app';

/** Issue 6, acceptance items 1, 2 and 4, and `initialFunding` on filing. */
describe('funding ledger', () => {
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

  describe('1. the model case, to the cent', () => {
    let c: FiledCase;
    beforeAll(async () => {
      c = await modelCaseWithFunding(t);
    });

    it('shows per domain what is pledged, committed and disbursed, the gap and the non-paying domains', async () => {
      const funding = await get('buyer', `/cases/${c.id}/funding`);
      expect(funding.status).toBe(200);
      expect(funding.body).toEqual({
        caseId: c.id,
        reference: c.reference,
        estimatedValueCents: 120_000_000,
        committedCents: 600_000 * EUR,
        pledgedCents: 0,
        disbursedCents: 100_000 * EUR,
        gapCents: 120_000_000 - 600_000 * EUR,
        // Issue 18: nobody set benefit shares, so the lead has 100 % of the committed 600,000.
        costBasisCents: 600_000 * EUR,
        costBasis: 'committed',
        byDomain: [
          {
            domainCode: 'energy',
            role: 'lead',
            pledgedCents: 0,
            committedCents: 450_000 * EUR,
            disbursedCents: 100_000 * EUR,
            basisPoints: 10_000,
            fairShareCents: 600_000 * EUR,
            balanceCents: -150_000 * EUR,
          },
          {
            domainCode: 'care',
            role: 'affected',
            pledgedCents: 0,
            committedCents: 0,
            disbursedCents: 0,
            basisPoints: 0,
            fairShareCents: 0,
            balanceCents: 0,
          },
          {
            domainCode: 'energy-poverty',
            role: 'affected',
            pledgedCents: 0,
            committedCents: 0,
            disbursedCents: 0,
            basisPoints: 0,
            fairShareCents: 0,
            balanceCents: 0,
          },
          {
            domainCode: 'housing',
            role: 'affected',
            pledgedCents: 0,
            committedCents: 150_000 * EUR,
            disbursedCents: 0,
            basisPoints: 0,
            fairShareCents: 0,
            balanceCents: 150_000 * EUR,
          },
        ],
        nonPayingDomains: ['care', 'energy-poverty'],
      });
      // The same by reference, and for everyone who may see the case.
      for (const who of ['staff', 'budgetEnergy', 'budgetHousing', 'auditor', 'admin']) {
        const other = await get(who, `/cases/${c.reference}/funding`);
        expect(other.body).toEqual(funding.body);
      }
    });

    it('lists the entries oldest first, with who recorded them', async () => {
      const list = await get('auditor', `/cases/${c.id}/funding-entries`);
      expect(list.status).toBe(200);
      const items = list.body.items as Record<string, unknown>[];
      expect(
        items.map((e) => [
          e.kind,
          e.releaseFrom,
          e.domainCode,
          e.amountCents,
          e.pledgeConvertedCents,
          (e.actor as { name: string; role: string }).role,
        ]),
      ).toEqual([
        ['pledge', null, 'energy', 450_000 * EUR, 0, 'buyer'],
        ['pledge', null, 'housing', 200_000 * EUR, 0, 'staff'],
        ['commit', null, 'energy', 450_000 * EUR, 450_000 * EUR, 'budget_holder'],
        ['disburse', null, 'energy', 100_000 * EUR, 0, 'budget_holder'],
        ['commit', null, 'housing', 150_000 * EUR, 150_000 * EUR, 'budget_holder'],
        ['release', 'pledge', 'housing', 50_000 * EUR, 0, 'budget_holder'],
      ]);
      expect(items[0]).toMatchObject({
        caseId: c.id,
        budgetLine: 'KP-ENERGIE-7710',
        note: null,
        actor: { name: 'Bo Inkoper', role: 'buyer', id: expect.any(String) },
        recordedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      });
      expect(items[1]).toMatchObject({ note: 'Toegezegd in het koppelgesprek met Wonen' });
      expect(items[2]!.actor).toMatchObject({ name: 'Eva Budget' });
      expect(items[4]!.actor).toMatchObject({ name: 'Hanna Budget' });
      const seqs = items.map((e) => e.seq as number);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);

      const one = await get('buyer', `/cases/${c.id}/funding-entries/${items[3]!.id as string}`);
      expect(one.status).toBe(200);
      expect(one.body).toEqual(items[3]);
    });

    it('appends an audit event and an outbox event for every entry, in the chain', async () => {
      const audit = await get('auditor', `/cases/${c.id}/audit`);
      const events = (
        audit.body.items as { action: string; subjectId: string; data: unknown }[]
      ).filter((e) => e.action === 'funding.entry_recorded');
      const entries = (await get('auditor', `/cases/${c.id}/funding-entries`)).body.items as {
        id: string;
      }[];
      expect(events.map((e) => e.subjectId)).toEqual(entries.map((e) => e.id));
      expect(events[3]).toMatchObject({
        subjectType: 'funding_entry',
        actorRole: 'budget_holder',
        caseId: c.id,
        data: {
          domainCode: 'energy',
          kind: 'disburse',
          amountCents: 100_000 * EUR,
          balanceAfter: {
            pledgedCents: 0,
            committedCents: 450_000 * EUR,
            disbursedCents: 100_000 * EUR,
          },
        },
      });
      const outbox = await db.query<{ payload: { caseId: string; entryId: string } }[]>(
        `SELECT payload FROM outbox_events WHERE type = 'funding.entry_recorded' AND payload->>'caseId' = $1`,
        [c.id],
      );
      expect(outbox.map((o) => o.payload.entryId).sort()).toEqual(entries.map((e) => e.id).sort());
      expect(Object.keys(outbox[0]!.payload).sort()).toEqual(['caseId', 'entryId']);
      const verify = await get('auditor', '/audit/verify');
      expect(verify.body).toMatchObject({ valid: true });
    });
  });

  describe('2. refusals', () => {
    let c: FiledCase;
    beforeAll(async () => {
      c = await modelCaseWithFunding(t);
    });

    it('refuses disbursing beyond the commitment with 422 and the reason', async () => {
      // Energy: 450,000 committed, 100,000 disbursed: 350,000 left, not 350,000.01.
      const refused = await postEntry(t, 'budgetEnergy', c.id, {
        domainCode: 'energy',
        kind: 'disburse',
        amountCents: 350_000 * EUR + 1,
      });
      const problem = expectProblem(refused, 422);
      expect(problem).toMatchObject({
        code: 'funding_invariant_broken',
        domainCode: 'energy',
        balance: { committedCents: 450_000 * EUR, disbursedCents: 100_000 * EUR },
      });
      expect(problem.detail).toContain('EUR 350,000.00 can be disbursed');
      await recordEntry(t, 'budgetEnergy', c.id, {
        domainCode: 'energy',
        kind: 'disburse',
        amountCents: 350_000 * EUR,
      });
    });

    it('refuses releasing more than is open, from a pledge and from a commitment', async () => {
      await recordEntry(t, 'staff', c.id, {
        domainCode: 'housing',
        kind: 'pledge',
        amountCents: 1_000 * EUR,
      });
      const pledge = await postEntry(t, 'staff', c.id, {
        domainCode: 'housing',
        kind: 'release',
        releaseFrom: 'pledge',
        amountCents: 1_000 * EUR + 1,
      });
      expect(expectProblem(pledge, 422).detail).toContain('more than the EUR 1,000.00 pledged');
      // Energy is fully disbursed now: nothing of its commitment can be released.
      const commitment = await postEntry(t, 'budgetEnergy', c.id, {
        domainCode: 'energy',
        kind: 'release',
        releaseFrom: 'commitment',
        amountCents: 1,
      });
      expect(expectProblem(commitment, 422).detail).toContain('below disbursed');
      await recordEntry(t, 'staff', c.id, {
        domainCode: 'housing',
        kind: 'release',
        releaseFrom: 'pledge',
        amountCents: 1_000 * EUR,
      });
    });

    it.each([0, -1, -45_000_000])('refuses the amount %p with 422', async (amountCents) => {
      const refused = await postEntry(t, 'staff', c.id, {
        domainCode: 'housing',
        kind: 'pledge',
        amountCents,
      });
      expect(expectProblem(refused, 422)).toMatchObject({
        code: 'funding_invariant_broken',
        detail: 'The amount must be a positive whole number of cents.',
      });
    });

    it('refuses an entry for a domain the case does not touch (422)', async () => {
      const refused = await postEntry(t, 'admin', c.id, {
        domainCode: 'food',
        kind: 'pledge',
        amountCents: 100,
      });
      expect(expectProblem(refused, 422)).toMatchObject({
        code: 'domain_not_on_case',
        domainCode: 'food',
        caseDomains: expect.arrayContaining(['energy', 'housing', 'care', 'energy-poverty']),
      });
    });

    it.each([
      [
        'a budget holder for a domain they do not hold',
        'budgetEnergy',
        { domainCode: 'housing', kind: 'commit' },
        403,
      ],
      [
        'a budget holder pledging for a domain they do not hold',
        'budgetHousing',
        { domainCode: 'energy', kind: 'pledge' },
        403,
      ],
      ['staff committing', 'staff', { domainCode: 'housing', kind: 'commit' }, 403],
      ['staff disbursing', 'staff', { domainCode: 'energy', kind: 'disburse' }, 403],
      [
        'staff releasing a commitment',
        'staff',
        { domainCode: 'housing', kind: 'release', releaseFrom: 'commitment' },
        403,
      ],
      ['a buyer committing', 'buyer', { domainCode: 'energy', kind: 'commit' }, 403],
      ['an auditor', 'auditor', { domainCode: 'energy', kind: 'pledge' }, 403],
      ['a buyer of another unit', 'buyer2', { domainCode: 'energy', kind: 'pledge' }, 404],
    ])('refuses %s', async (_, who, body, status) => {
      const before = (await get('admin', `/cases/${c.id}/funding-entries`)).body.items.length;
      const refused = await postEntry(t, who, c.id, { ...body, amountCents: 100 * EUR });
      expectProblem(refused, status);
      const after = (await get('admin', `/cases/${c.id}/funding-entries`)).body.items.length;
      expect(after).toBe(before);
    });

    it('hides the funding of a case from those who may not see it (404)', async () => {
      for (const path of ['funding', 'funding-entries']) {
        expectProblem(await get('buyer2', `/cases/${c.id}/${path}`), 404);
      }
      const energyOnly = await fileCase(t, 'buyer', {
        domains: [{ code: 'energy', role: 'lead' }],
      });
      expectProblem(await get('budgetHousing', `/cases/${energyOnly.id}/funding`), 404);
      expectProblem(
        await postEntry(t, 'budgetHousing', energyOnly.id, {
          domainCode: 'housing',
          kind: 'pledge',
          amountCents: 100,
        }),
        404,
      );
    });

    it('lets a buyer pledge on a case of their unit, and staff and admins too', async () => {
      for (const who of ['buyer', 'staff', 'admin', 'budgetHousing']) {
        await recordEntry(t, who, c.id, { domainCode: 'housing', kind: 'pledge', amountCents: 1 });
      }
      await recordEntry(t, 'staff', c.id, {
        domainCode: 'housing',
        kind: 'release',
        releaseFrom: 'pledge',
        amountCents: 4,
      });
      await recordEntry(t, 'admin', c.id, { domainCode: 'care', kind: 'commit', amountCents: 1 });
    });

    it('takes no new money on a withdrawn case (422), and keeps its ledger readable', async () => {
      const w = await fileCase(t, 'buyer', {
        initialFunding: [{ domainCode: 'housing', amountCents: 500 }],
      });
      await withdrawCase(t, w);
      const refused = await postEntry(t, 'budgetHousing', w.id, {
        domainCode: 'housing',
        kind: 'pledge',
        amountCents: 500,
      });
      expect(expectProblem(refused, 422)).toMatchObject({
        code: 'case_closed_for_funding',
        currentStatus: 'withdrawn',
      });
      // The pledge was released when the case was withdrawn (test/funding-closed.test.ts).
      const funding = await get('buyer', `/cases/${w.id}/funding`);
      expect(funding.body).toMatchObject({ pledgedCents: 0 });
      expect((await get('buyer', `/cases/${w.id}/funding-entries`)).body.items).toHaveLength(2);
    });

    it.each([
      ['a release without releaseFrom', { kind: 'release', amountCents: 1 }, 'releaseFrom'],
      [
        'releaseFrom on a pledge',
        { kind: 'pledge', releaseFrom: 'pledge', amountCents: 1 },
        'releaseFrom',
      ],
      [
        'an unknown releaseFrom',
        { kind: 'release', releaseFrom: 'budget', amountCents: 1 },
        'releaseFrom',
      ],
      ['an unknown kind', { kind: 'refund', amountCents: 1 }, 'kind'],
      ['a fractional amount', { kind: 'pledge', amountCents: 1.5 }, 'amountCents'],
      ['an amount as text', { kind: 'pledge', amountCents: '100' }, 'amountCents'],
      ['an unknown field', { kind: 'pledge', amountCents: 1, domain: 'x' }, 'domain'],
      ['an empty budget line', { kind: 'pledge', amountCents: 1, budgetLine: '' }, 'budgetLine'],
    ])('answers %s with 400 naming the field', async (_, body, field) => {
      const refused = await postEntry(t, 'admin', c.id, { domainCode: 'housing', ...body });
      const problem = expectProblem(refused, 400);
      expect((problem.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    });

    it('answers a malformed entry id with 400 and an unknown one with 404', async () => {
      expectProblem(await get('admin', `/cases/${c.id}/funding-entries/not-a-uuid`), 400);
      expectProblem(
        await get('admin', `/cases/${c.id}/funding-entries/00000000-0000-4000-8000-000000000000`),
        404,
      );
    });
  });

  describe('4. append-only', () => {
    let c: FiledCase;
    let entryId: string;
    beforeAll(async () => {
      c = await modelCaseWithFunding(t);
      entryId = (
        (await get('admin', `/cases/${c.id}/funding-entries`)).body.items[0] as {
          id: string;
        }
      ).id;
    });

    it('offers no route that changes or deletes an entry', async () => {
      const routes = listRoutes(t.app).filter(
        (r) => r.path.includes('funding') && !r.path.includes('cofunding'),
      );
      expect(routes.filter((r) => !['GET', 'POST'].includes(r.method))).toEqual([]);
      expect(routes.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([
        '/cases/:id/funding-entries',
      ]);
      const admin = await bearer(t, 'admin');
      const path = `/api/v1/cases/${c.id}/funding-entries/${entryId}`;
      for (const response of [
        await t.http().patch(path).set(admin).send({ amountCents: 1 }),
        await t.http().put(path).set(admin).send({ amountCents: 1 }),
        await t.http().delete(path).set(admin),
      ]) {
        expect([404, 405]).toContain(response.status);
      }
    });

    it.each([
      ['UPDATE', (id: string) => `UPDATE funding_entries SET amount_cents = 1 WHERE id = '${id}'`],
      ['DELETE', (id: string) => `DELETE FROM funding_entries WHERE id = '${id}'`],
      ['TRUNCATE', () => 'TRUNCATE funding_entries'],
      ['TRUNCATE CASCADE', () => 'TRUNCATE funding_entries CASCADE'],
    ])('refuses %s as the application’s database user', async (op, sql) => {
      // A plain TRUNCATE is refused by the tables that refer to entries (pledge_expiries,
      // cofunding_proposal_items) before the trigger is asked; CASCADE reaches the trigger.
      await expect(db.query(sql(entryId))).rejects.toThrow(
        op === 'TRUNCATE'
          ? /TRUNCATE on funding_entries is not allowed|referenced in a foreign key constraint/
          : new RegExp(`${op.split(' ')[0]} on funding_entries is not allowed`),
      );
      const [count] = await db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM funding_entries WHERE case_id = $1`,
        [c.id],
      );
      expect(count!.n).toBe(6);
      const [first] = await db.query<{ amount_cents: string }[]>(
        'SELECT amount_cents FROM funding_entries WHERE id = $1',
        [entryId],
      );
      expect(first!.amount_cents).toBe(String(450_000 * EUR));
    });
  });

  describe('initialFunding on filing', () => {
    const countCases = async () =>
      (await db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM cases'))[0]!.n;

    it('refuses a domain that is not one of the case’s, naming initialFunding[i].domainCode', async () => {
      const before = await countCases();
      const refused = await t
        .http()
        .post('/api/v1/cases')
        .set(await bearer(t, 'buyer'))
        .send({
          ...MODEL_CASE,
          initialFunding: [
            { domainCode: 'energy', amountCents: 100 },
            { domainCode: 'food', amountCents: 100 },
          ],
        });
      const problem = expectProblem(refused, 400);
      expect(problem.errors).toEqual([
        {
          field: 'initialFunding[1].domainCode',
          code: 'not_on_case',
          message: expect.stringContaining('domains'),
          params: { domainCode: 'food', caseDomains: expect.arrayContaining(['energy']) },
        },
      ]);
      expect(await countCases()).toBe(before);
    });

    it.each([
      [{ domainCode: 'energy', amountCents: 0 }, 'initialFunding[0].amountCents'],
      [{ domainCode: 'energy' }, 'initialFunding[0].amountCents'],
      [{ domainCode: 'energy', amountCents: 1, kind: 'commit' }, 'initialFunding[0].kind'],
      ['energy', 'initialFunding[0]'],
    ])('refuses %p with 400 naming %s', async (element, field) => {
      const refused = await t
        .http()
        .post('/api/v1/cases')
        .set(await bearer(t, 'buyer'))
        .send({ ...MODEL_CASE, initialFunding: [element] });
      const problem = expectProblem(refused, 400);
      expect((problem.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    });

    it('records every element as a pledge in the filing’s transaction, once for a replay', async () => {
      const headers = { ...(await bearer(t, 'buyer')), 'Idempotency-Key': 'funding-replay-1' };
      const body = {
        ...MODEL_CASE,
        initialFunding: [
          { domainCode: 'energy', amountCents: 450_000 * EUR, budgetLine: 'KP-ENERGIE-7710' },
          { domainCode: 'care', amountCents: 12_345 },
        ],
      };
      const first = await t.http().post('/api/v1/cases').set(headers).send(body).expect(201);
      const second = await t.http().post('/api/v1/cases').set(headers).send(body).expect(201);
      expect(second.body).toEqual(first.body);
      const entries = (await get('buyer', `/cases/${first.body.id}/funding-entries`)).body.items;
      expect(
        entries.map((e: Record<string, unknown>) => [
          e.kind,
          e.domainCode,
          e.amountCents,
          e.budgetLine,
        ]),
      ).toEqual([
        ['pledge', 'energy', 450_000 * EUR, 'KP-ENERGIE-7710'],
        ['pledge', 'care', 12_345, null],
      ]);
      const audit = (await get('auditor', `/cases/${first.body.id}/audit`)).body.items as {
        action: string;
      }[];
      expect(audit.map((e) => e.action)).toEqual([
        'case.filed',
        'funding.entry_recorded',
        'funding.entry_recorded',
      ]);
    });

    it('files without initialFunding as before (no entries)', async () => {
      const c = await fileCase(t);
      expect((await get('buyer', `/cases/${c.id}/funding-entries`)).body.items).toEqual([]);
      const funding = await get('buyer', `/cases/${c.id}/funding`);
      expect(funding.body).toMatchObject({
        committedCents: 0,
        pledgedCents: 0,
        gapCents: 120_000_000,
        nonPayingDomains: ['energy', 'care', 'energy-poverty', 'housing'],
      });
    });
  });
});
