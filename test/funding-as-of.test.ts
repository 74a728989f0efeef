import { DataSource } from 'typeorm';
import { bearer, fileCase } from './support/factories';
import { EUR, recordEntry, withdrawCase } from './support/funding';
import { expectProblem } from './support/problem';
import { startTestApp, TestApp } from './support/test-app';

const MODEL_SHARES = [
  { domainCode: 'energy', basisPoints: 4000 },
  { domainCode: 'energy-poverty', basisPoints: 3000 },
  { domainCode: 'housing', basisPoints: 2000 },
  { domainCode: 'care', basisPoints: 1000 },
];

type Funding = {
  asOf?: string;
  committedCents: number;
  pledgedCents: number;
  costBasis: string;
  costBasisCents: number;
  byDomain: {
    domainCode: string;
    pledgedCents: number;
    committedCents: number;
    basisPoints: number;
    fairShareCents: number;
    balanceCents: number;
  }[];
};

/** Issue 18, item 7: `GET /cases/{id}/funding?asOf=` answers from the ledger as it stood then. */
describe('case funding as of a moment', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  /** The database's clock now, to the microsecond, between two steps. */
  const moment = async () => {
    const [row] = await db.query<{ t: string }[]>(
      `SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS t`,
    );
    return row!.t;
  };
  const funding = async (caseId: string, asOf?: string) => {
    const response = await t
      .http()
      .get(`/api/v1/cases/${caseId}/funding`)
      .query(asOf === undefined ? {} : { asOf })
      .set(await bearer(t, 'auditor'));
    expect(response.status).toBe(200);
    return response.body as Funding;
  };
  const domains = (f: Funding) =>
    Object.fromEntries(
      f.byDomain.map((d) => [
        d.domainCode,
        [d.pledgedCents, d.committedCents, d.basisPoints, d.fairShareCents],
      ]),
    );

  it('gives the entries, the shares and the status as recorded by each moment', async () => {
    const c = await fileCase(t, 'buyer', {
      initialFunding: [{ domainCode: 'energy', amountCents: 450_000 * EUR }],
    });
    const afterFiling = await moment();
    await t
      .http()
      .put(`/api/v1/cases/${c.id}/benefit-shares`)
      .set({ ...(await bearer(t, 'staff')), 'If-Match': '"0"' })
      .send({ shares: MODEL_SHARES, reasoning: 'Het model uit de koppeltafel' })
      .expect(200);
    const afterShares = await moment();
    await recordEntry(t, 'budgetEnergy', c.id, {
      domainCode: 'energy',
      kind: 'commit',
      amountCents: 1_200_000 * EUR,
    });
    await recordEntry(t, 'staff', c.id, {
      domainCode: 'housing',
      kind: 'pledge',
      amountCents: 100_000 * EUR,
    });
    const afterCommit = await moment();
    await withdrawCase(t, c);

    // Before the case was filed: nothing recorded, the default shares.
    const before = await funding(c.id, '2020-01-01');
    expect(before.asOf).toBe('2020-01-01T22:59:59.999999Z');
    expect(before).toMatchObject({ committedCents: 0, pledgedCents: 0, costBasis: 'estimated' });
    expect(domains(before)).toEqual({
      energy: [0, 0, 10_000, 1_200_000 * EUR],
      housing: [0, 0, 0, 0],
      'energy-poverty': [0, 0, 0, 0],
      care: [0, 0, 0, 0],
    });

    // Filed with a pledge; nobody set shares yet.
    const filed = await funding(c.id, afterFiling);
    expect(filed.asOf).toBe(afterFiling);
    expect(filed).toMatchObject({ pledgedCents: 450_000 * EUR, costBasis: 'estimated' });
    expect(domains(filed).energy).toEqual([450_000 * EUR, 0, 10_000, 1_200_000 * EUR]);

    // The shares set: fair shares of the estimated value, no money committed yet.
    expect(domains(await funding(c.id, afterShares))).toEqual({
      energy: [450_000 * EUR, 0, 4000, 480_000 * EUR],
      'energy-poverty': [0, 0, 3000, 360_000 * EUR],
      housing: [0, 0, 2000, 240_000 * EUR],
      care: [0, 0, 1000, 120_000 * EUR],
    });

    // Committed: the pledge converted, housing pledged, fair shares of what is committed.
    const committed = await funding(c.id, afterCommit);
    expect(committed).toMatchObject({
      committedCents: 1_200_000 * EUR,
      pledgedCents: 100_000 * EUR,
      costBasis: 'committed',
    });
    expect(committed.byDomain.map((d) => [d.domainCode, d.balanceCents])).toEqual([
      ['energy', 720_000 * EUR],
      ['care', -120_000 * EUR],
      ['energy-poverty', -360_000 * EUR],
      ['housing', -240_000 * EUR],
    ]);

    // Now (withdrawn: Brug released the housing pledge) and "today" answer as the plain view.
    const now = await funding(c.id);
    expect(now.asOf).toBeUndefined();
    expect(now.pledgedCents).toBe(0);
    const [today] = await db.query<{ d: string }[]>(
      `SELECT to_char(now() AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD') AS d`,
    );
    const ofToday = await funding(c.id, today!.d);
    expect(ofToday.asOf).toMatch(/T2[12]:59:59\.999999Z$/);
    expect({ ...ofToday, asOf: undefined }).toEqual({ ...now, asOf: undefined });
    // The same instant written with another offset.
    const fraction = afterCommit.slice(19, -1); // .123456
    const plusTwo = new Date(new Date(afterCommit).getTime() + 2 * 3600_000).toISOString();
    const shifted = await funding(c.id, `${plusTwo.slice(0, 19)}${fraction}+02:00`);
    expect(shifted.asOf).toBe(afterCommit);
    expect(domains(shifted)).toEqual(domains(committed));
  });

  it('refuses a moment that is not one, naming asOf; an unseen case stays 404', async () => {
    const c = await fileCase(t);
    for (const asOf of [
      '2026-02-30',
      'gisteren',
      '2026-03-01T12:00:00',
      '2026-03-01T25:00:00Z',
      '2026-W10',
      '1800-01-01',
      '',
    ]) {
      const response = await t
        .http()
        .get(`/api/v1/cases/${c.id}/funding`)
        .query({ asOf })
        .set(await bearer(t, 'staff'));
      const problem = expectProblem(response, 400);
      expect(problem.errors).toEqual([
        expect.objectContaining({ field: 'asOf', code: 'invalid_date' }),
      ]);
    }
    // buyer2 files for another unit: the buyer does not see it, at any moment.
    const other = await fileCase(t, 'buyer2');
    const hidden = await t
      .http()
      .get(`/api/v1/cases/${other.id}/funding`)
      .query({ asOf: '2026-01-01' })
      .set(await bearer(t, 'buyer'));
    expectProblem(hidden, 404);
  });
});
