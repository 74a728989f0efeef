import { parse } from 'csv-parse/sync';
import { bearer, fileCase } from './support/factories';
import { EUR, recordEntry, type FiledCase } from './support/funding';
import { startTestApp, TestApp } from './support/test-app';

type Flows = {
  domains: string[];
  flows: { payer: string; beneficiary: string; committedCents: number; disbursedCents: number }[];
  byDomain: Record<
    string,
    {
      paidCommittedCents: number;
      paidDisbursedCents: number;
      receivedCommittedCents: number;
      receivedDisbursedCents: number;
    }
  >;
  committedCents: number;
  disbursedCents: number;
  caseCount: number;
};

/** Issue 18, item 5 and acceptance 1 (the flows sentence): who pays for whose goals. */
describe('funding flows', () => {
  let t: TestApp;
  let model: FiledCase;

  beforeAll(async () => {
    t = await startTestApp();
    await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    // The model case: EUR 1,200,000; energy 40 %, energy poverty 30 %, housing 20 %, care 10 %;
    // energy commits EUR 1,200,000.
    model = await fileCase(t, 'buyer', { estimatedValueCents: 1_200_000 * EUR });
    await setShares(model.id, 0, {
      energy: 4000,
      'energy-poverty': 3000,
      housing: 2000,
      care: 1000,
    });
    await recordEntry(t, 'budgetEnergy', model.id, {
      domainCode: 'energy',
      kind: 'commit',
      amountCents: 1_200_000 * EUR,
    });
  });
  afterAll(() => t.close());

  const setShares = async (caseId: string, version: number, shares: Record<string, number>) => {
    const response = await t
      .http()
      .put(`/api/v1/cases/${caseId}/benefit-shares`)
      .set({ ...(await bearer(t, 'staff')), 'If-Match': `"${version}"` })
      .send({
        shares: Object.entries(shares).map(([domainCode, basisPoints]) => ({
          domainCode,
          basisPoints,
        })),
        reasoning: 'Verdeeld naar wie er baat bij heeft',
      });
    expect(response.status).toBe(200);
  };

  const flows = async (who: string, query: Record<string, unknown> = {}): Promise<Flows> => {
    const response = await t
      .http()
      .get('/api/v1/funding/flows')
      .query(query)
      .set(await bearer(t, who));
    expect(response.status).toBe(200);
    return response.body as Flows;
  };

  it('shows energy paying EUR 360,000 for energy poverty, and so on, to the cent', async () => {
    const body = await flows('staff');
    expect(body.flows).toEqual([
      { payer: 'energy', beneficiary: 'care', committedCents: 120_000 * EUR, disbursedCents: 0 },
      { payer: 'energy', beneficiary: 'energy', committedCents: 480_000 * EUR, disbursedCents: 0 },
      {
        payer: 'energy',
        beneficiary: 'energy-poverty',
        committedCents: 360_000 * EUR,
        disbursedCents: 0,
      },
      { payer: 'energy', beneficiary: 'housing', committedCents: 240_000 * EUR, disbursedCents: 0 },
    ]);
    expect(body.byDomain.energy).toEqual({
      paidCommittedCents: 1_200_000 * EUR,
      paidDisbursedCents: 0,
      receivedCommittedCents: 480_000 * EUR,
      receivedDisbursedCents: 0,
    });
    expect(body.byDomain['energy-poverty']!.receivedCommittedCents).toBe(360_000 * EUR);
    expect(body.byDomain['energy-poverty']!.paidCommittedCents).toBe(0);
    expect(body).toMatchObject({
      domains: ['care', 'energy', 'energy-poverty', 'housing'],
      committedCents: 1_200_000 * EUR,
      disbursedCents: 0,
      caseCount: 1,
    });
  });

  it('gives the same pairs as CSV, an export', async () => {
    const response = await t
      .http()
      .get('/api/v1/funding/flows')
      .set({ ...(await bearer(t, 'staff')), Accept: 'text/csv' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const body = await flows('staff');
    expect(parse(response.text)).toEqual([
      ['payer', 'beneficiary', 'committedCents', 'disbursedCents'],
      ...body.flows.map((f) => [
        f.payer,
        f.beneficiary,
        String(f.committedCents),
        String(f.disbursedCents),
      ]),
    ]);
  });

  it('splits by the largest remainder, so every payer’s parts add up to the cent', async () => {
    const c = await fileCase(t, 'buyer2', {
      estimatedValueCents: 1000 * EUR,
      domains: [
        { code: 'care', role: 'lead' },
        { code: 'food', role: 'affected' },
        { code: 'housing', role: 'affected' },
      ],
    });
    await setShares(c.id, 0, { care: 3333, food: 3333, housing: 3334 });
    // 1.00 EUR committed: 33.33 + 33.33 + 33.34 cents; the one cent left goes to housing.
    await recordEntry(t, 'admin', c.id, { domainCode: 'food', kind: 'commit', amountCents: 100 });
    // 0.02 EUR disbursed: 0.6666, 0.6666, 0.6668 cents; care and food by remainder... and code.
    await recordEntry(t, 'admin', c.id, { domainCode: 'food', kind: 'disburse', amountCents: 2 });
    const body = await flows('buyer2');
    expect(body.flows).toEqual([
      { payer: 'food', beneficiary: 'care', committedCents: 33, disbursedCents: 1 },
      { payer: 'food', beneficiary: 'food', committedCents: 33, disbursedCents: 0 },
      { payer: 'food', beneficiary: 'housing', committedCents: 34, disbursedCents: 1 },
    ]);
    expect(body.caseCount).toBe(1);

    // New shares move the money at once: all of it to care now.
    await setShares(c.id, 1, { care: 10000, food: 0, housing: 0 });
    expect((await flows('buyer2')).flows).toEqual([
      { payer: 'food', beneficiary: 'care', committedCents: 100, disbursedCents: 2 },
    ]);
  });

  it('takes the case list’s filters and visibility', async () => {
    // Buyer 2 sees only their unit's case, not the model case.
    expect((await flows('buyer2')).flows.map((f) => f.payer)).toEqual(['food']);
    expect((await flows('buyer')).committedCents).toBe(1_200_000 * EUR);
    expect((await flows('staff', { domain: 'food' })).committedCents).toBe(100);
    expect((await flows('staff', { status: ['withdrawn'] })).flows).toEqual([]);
    // A budget holder of energy sees the cases touching energy: the model case.
    expect((await flows('budgetEnergy')).caseCount).toBe(1);
    // With a filing period the flows are summed per case: the same answer.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
      new Date(),
    );
    expect(await flows('staff', { filedFrom: today })).toEqual(await flows('staff'));
    expect((await flows('staff', { filedTo: '2001-01-01' })).caseCount).toBe(0);
  });
});
