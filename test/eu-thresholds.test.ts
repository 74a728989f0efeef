import { DataSource } from 'typeorm';
import { bearer, fileCase } from './support/factories';
import { expectProblem } from './support/problem';
import { startTestApp, TestApp } from './support/test-app';

/** Issue 18, item 6 and acceptance 4: the EU thresholds in force on a case's filing day. */
describe('EU thresholds', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const EUR = 100;
  /**
   * Files a services case of `euros` and sets its filing moment: the API files now, and the
   * thresholds of 2025 need a case filed then (the test database is the test's own).
   */
  const servicesCase = async (euros: number, filedAt: string, tenderReference: string | null) => {
    const c = await fileCase(t, 'buyer', {
      procurementKind: 'services',
      estimatedValueCents: euros * EUR,
      tenderReference,
    });
    await db.query(`UPDATE cases SET filed_at = $2 WHERE id = $1`, [c.id, filedAt]);
    return c.id;
  };
  const flag = async (id: string, who = 'staff') =>
    (
      await t
        .http()
        .get(`/api/v1/cases/${id}`)
        .set(await bearer(t, who))
        .expect(200)
    ).body.euThreshold;

  it('flags a case reaching the threshold in force on its filing day (acceptance 4)', async () => {
    const in2025 = await servicesCase(230_000, '2025-06-02T10:00:00+02:00', null);
    expect(await flag(in2025)).toEqual({
      amountCents: 221_000 * EUR,
      period: '2024-01-01/2025-12-31',
      reached: true,
      group: null,
    });
    const in2026 = await servicesCase(230_000, '2026-03-02T10:00:00+01:00', null);
    expect(await flag(in2026)).toMatchObject({ amountCents: 216_000 * EUR, reached: true });
    const below = await servicesCase(210_000, '2026-03-02T10:00:00+01:00', null);
    expect(await flag(below)).toMatchObject({ amountCents: 216_000 * EUR, reached: false });
    // The filing day is Amsterdam's: 31 December 2025, 23:30 UTC is 1 January 2026 there.
    const newYear = await servicesCase(218_000, '2025-12-31T23:30:00Z', null);
    expect(await flag(newYear)).toMatchObject({ period: '2026-01-01/2027-12-31', reached: true });
    // Without a procurement kind there is no threshold to compare with.
    const unknown = await fileCase(t, 'buyer', { procurementKind: null });
    expect(await flag(unknown.id)).toBeNull();
  });

  it('flags three EUR 80,000 cases with one tender reference as a possible split', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(await servicesCase(80_000, '2026-04-01T10:00:00+02:00', 'TN-2026-SPLIT'));
    }
    for (const id of ids) {
      expect(await flag(id)).toEqual({
        amountCents: 216_000 * EUR,
        period: '2026-01-01/2027-12-31',
        reached: false,
        group: {
          tenderReference: 'TN-2026-SPLIT',
          caseCount: 3,
          totalCents: 240_000 * EUR,
          possibleSplit: true,
        },
      });
      // Shown to staff and auditors; a buyer sees the flag of the case, not the group.
      expect((await flag(id, 'auditor')).group).toMatchObject({ possibleSplit: true });
      expect((await flag(id, 'buyer')).group).toBeNull();
    }
    // The list answers the same, a page of cases in one query.
    const list = await t
      .http()
      .get('/api/v1/cases?q=&pageSize=50')
      .set(await bearer(t, 'staff'))
      .expect(200);
    const listed = (list.body.items as { id: string; euThreshold: { group: unknown } }[]).filter(
      (c) => ids.includes(c.id),
    );
    expect(listed.map((c) => c.euThreshold.group)).toEqual(
      ids.map(() => expect.objectContaining({ possibleSplit: true })),
    );
    // Two of them: EUR 160,000 together stays below; no possible split.
    const two = [
      await servicesCase(80_000, '2026-04-01T10:00:00+02:00', 'TN-2026-TWO'),
      await servicesCase(80_000, '2026-04-01T10:00:00+02:00', 'TN-2026-TWO'),
    ];
    expect((await flag(two[0]!)).group).toMatchObject({ caseCount: 2, possibleSplit: false });
  });

  it('an administrator extends the table; overlaps and other roles are refused', async () => {
    const list = await t
      .http()
      .get('/api/v1/eu-thresholds')
      .set(await bearer(t, 'buyer'))
      .expect(200);
    expect(list.body.items).toHaveLength(8);
    const body = {
      kind: 'services',
      validFrom: '2028-01-01',
      validTo: '2029-12-31',
      amountCents: 210_000 * EUR,
    };
    expectProblem(
      await t
        .http()
        .post('/api/v1/eu-thresholds')
        .set(await bearer(t, 'staff'))
        .send(body),
      403,
    );
    const added = await t
      .http()
      .post('/api/v1/eu-thresholds')
      .set(await bearer(t, 'admin'))
      .send(body)
      .expect(201);
    expect(added.body).toMatchObject(body);
    const overlap = expectProblem(
      await t
        .http()
        .post('/api/v1/eu-thresholds')
        .set(await bearer(t, 'admin'))
        .send({ ...body, validFrom: '2027-06-01' }),
      400,
    );
    expect(overlap.errors).toEqual([
      expect.objectContaining({ field: 'validFrom', code: 'in_use' }),
    ]);
    const bad = expectProblem(
      await t
        .http()
        .post('/api/v1/eu-thresholds')
        .set(await bearer(t, 'admin'))
        .send({ ...body, kind: 'goods', amountCents: -1 }),
      400,
    );
    expect((bad.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'amountCents',
      'kind',
    ]);
  });

  it('the kind is set at filing and changed like the other facts', async () => {
    const c = await fileCase(t, 'buyer', { procurementKind: 'works' });
    expect(c.procurementKind).toBe('works');
    const changed = await t
      .http()
      .patch(`/api/v1/cases/${c.id}`)
      .set({ ...(await bearer(t, 'buyer')), 'If-Match': `"${c.version}"` })
      .send({ procurementKind: 'supplies' })
      .expect(200);
    expect(changed.body).toMatchObject({
      procurementKind: 'supplies',
      euThreshold: { amountCents: 216_000 * EUR, reached: true },
    });
    const bad = expectProblem(
      await t
        .http()
        .post('/api/v1/cases')
        .set(await bearer(t, 'buyer'))
        .send({
          title: 'Aanbesteding energiebespaarservice',
          estimatedValueCents: 100,
          domains: [{ code: 'energy', role: 'lead' }],
          procurementKind: 'goods',
        }),
      400,
    );
    expect(bad.errors).toEqual([expect.objectContaining({ field: 'procurementKind' })]);
  });
});
