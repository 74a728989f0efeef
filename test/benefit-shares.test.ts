import { DataSource } from 'typeorm';
import { bearer, fileCase } from './support/factories';
import { expectProblem } from './support/problem';
import { startTestApp, TestApp } from './support/test-app';

/** Issue 18, item 1 and acceptance 2: benefit shares, their history, answers and refusals. */
describe('benefit shares', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const MODEL_SHARES = [
    { domainCode: 'energy', basisPoints: 4000 },
    { domainCode: 'energy-poverty', basisPoints: 3000 },
    { domainCode: 'housing', basisPoints: 2000 },
    { domainCode: 'care', basisPoints: 1000 },
  ];

  const put = async (who: string, caseId: string, version: number | null, body: object) =>
    t
      .http()
      .put(`/api/v1/cases/${caseId}/benefit-shares`)
      .set({
        ...(await bearer(t, who)),
        ...(version === null ? {} : { 'If-Match': `"${version}"` }),
      })
      .send(body);

  const answer = async (
    who: string,
    caseId: string,
    domain: string,
    version: number,
    body: object,
  ) =>
    t
      .http()
      .put(`/api/v1/cases/${caseId}/benefit-shares/${domain}/answer`)
      .set({ ...(await bearer(t, who)), 'If-Match': `"${version}"` })
      .send(body);

  const shareOf = (body: { shares: { domainCode: string; basisPoints: number }[] }) =>
    Object.fromEntries(body.shares.map((s) => [s.domainCode, s.basisPoints]));

  it('default: the lead domain 100 % (version 0); staff set them at that version', async () => {
    const c = await fileCase(t);
    const before = await t
      .http()
      .get(`/api/v1/cases/${c.id}/benefit-shares`)
      .set(await bearer(t, 'auditor'))
      .expect(200);
    expect(before.headers.etag).toBe('"0"');
    expect(before.body).toMatchObject({ version: 0, isDefault: true, reasoning: null });
    expect(shareOf(before.body)).toEqual({
      energy: 10_000,
      care: 0,
      'energy-poverty': 0,
      housing: 0,
    });

    expectProblem(await put('staff', c.id, null, { shares: MODEL_SHARES, reasoning: 'x' }), 428);
    const set = await put('staff', c.id, 0, {
      shares: MODEL_SHARES,
      reasoning: 'De dienst helpt vooral huishoudens in energiearmoede.',
    });
    expect(set.status).toBe(200);
    expect(set.headers.etag).toBe('"1"');
    expect(set.body).toMatchObject({ version: 1, isDefault: false, setBy: { role: 'staff' } });
    expect(shareOf(set.body)).toEqual({
      energy: 4000,
      care: 1000,
      'energy-poverty': 3000,
      housing: 2000,
    });
    // Lead first, then by code.
    expect(set.body.shares.map((s: { domainCode: string }) => s.domainCode)).toEqual([
      'energy',
      'care',
      'energy-poverty',
      'housing',
    ]);
    // A second set at the old version loses (412); at the new one it wins, and both are kept.
    expectProblem(await put('staff', c.id, 0, { shares: MODEL_SHARES, reasoning: 'x' }), 412);
    const second = await put('admin', c.id, 1, {
      shares: [
        { domainCode: 'energy', basisPoints: 5000 },
        { domainCode: 'housing', basisPoints: 5000 },
      ],
      reasoning: 'Zorg en energiearmoede hebben geen baat.',
    });
    expect(second.status).toBe(200);
    expect(shareOf(second.body)).toMatchObject({ care: 0, 'energy-poverty': 0 });
    const history = await t
      .http()
      .get(`/api/v1/cases/${c.id}/benefit-shares/history`)
      .set(await bearer(t, 'buyer'))
      .expect(200);
    expect(history.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(history.body.items[1]).toMatchObject({
      shares: expect.arrayContaining(MODEL_SHARES),
      reasoning: 'De dienst helpt vooral huishoudens in energiearmoede.',
    });

    const audit = await db.query<{ action: string; data: string }[]>(
      `SELECT action, data FROM audit_events WHERE case_id = $1 AND action LIKE 'funding.benefit%' ORDER BY seq`,
      [c.id],
    );
    expect(
      audit.map((a) => [a.action, (JSON.parse(a.data) as { version: number }).version]),
    ).toEqual([
      ['funding.benefit_shares_set', 1],
      ['funding.benefit_shares_set', 2],
    ]);
    const events = await db.query<{ type: string }[]>(
      `SELECT type FROM outbox_events WHERE payload->>'caseId' = $1 AND type LIKE 'funding.benefit%'`,
      [c.id],
    );
    expect(events).toHaveLength(2);
    // History is append-only in the database too.
    await expect(
      db.query(`UPDATE benefit_share_versions SET reasoning = 'x' WHERE case_id = $1`, [c.id]),
    ).rejects.toThrow();
  });

  it('acceptance 2: bad shares are a 400 naming the field, and nothing changes', async () => {
    const c = await fileCase(t);
    const cases: [object[], string, string][] = [
      [
        [
          { domainCode: 'energy', basisPoints: 4000 },
          { domainCode: 'housing', basisPoints: 2000 },
        ],
        'shares',
        'shares_not_whole',
      ],
      [
        [
          { domainCode: 'energy', basisPoints: 5000 },
          { domainCode: 'housing', basisPoints: 2500 },
          { domainCode: 'food', basisPoints: 2500 },
        ],
        'shares[2].domainCode',
        'not_on_case',
      ],
      [
        [
          { domainCode: 'energy', basisPoints: 12000 },
          { domainCode: 'housing', basisPoints: -2000 },
        ],
        'shares[1].basisPoints',
        'out_of_range',
      ],
      [
        [
          { domainCode: 'energy', basisPoints: 7000.5 },
          { domainCode: 'housing', basisPoints: 2999.5 },
        ],
        'shares[0].basisPoints',
        'not_an_integer',
      ],
      [
        [
          { domainCode: 'energy', basisPoints: 5000 },
          { domainCode: 'energy', basisPoints: 5000 },
        ],
        'shares[1].domainCode',
        'duplicate',
      ],
    ];
    for (const [shares, field, code] of cases) {
      const problem = expectProblem(await put('staff', c.id, 0, { shares, reasoning: 'r' }), 400);
      expect(problem.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, code })]),
      );
    }
    const stored = await db.query(`SELECT 1 FROM benefit_shares WHERE case_id = $1`, [c.id]);
    expect(stored).toEqual([]);
    // Only staff and admins set shares.
    for (const who of ['buyer', 'budgetEnergy', 'auditor']) {
      expectProblem(await put(who, c.id, 0, { shares: MODEL_SHARES, reasoning: 'r' }), 403);
    }
  });

  it('a budget holder agrees with or disputes their own domain’s share; another’s is 403', async () => {
    const c = await fileCase(t);
    // Nothing to answer while the default holds.
    expectProblem(await answer('budgetEnergy', c.id, 'energy', 0, { answer: 'agreed' }), 422);
    await put('staff', c.id, 0, { shares: MODEL_SHARES, reasoning: 'Model' }).then((r) =>
      expect(r.status).toBe(200),
    );
    const agreed = await answer('budgetEnergy', c.id, 'energy', 1, { answer: 'agreed' });
    expect(agreed.status).toBe(200);
    expect(agreed.body.shares[0]).toMatchObject({
      domainCode: 'energy',
      answer: { answer: 'agreed', reason: null, byName: expect.any(String) },
    });
    // Disputing needs a reason.
    const noReason = expectProblem(
      await answer('budgetHousing', c.id, 'housing', 1, { answer: 'disputed' }),
      400,
    );
    expect(noReason.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    const disputed = await answer('budgetHousing', c.id, 'housing', 1, {
      answer: 'disputed',
      reason: 'Wonen heeft hooguit 10 % baat.',
    });
    expect(disputed.status).toBe(200);
    // Acceptance 2: a budget holder answering for another domain.
    const forbidden = expectProblem(
      await answer('budgetHousing', c.id, 'energy', 1, { answer: 'agreed' }),
      403,
    );
    expect(forbidden.params).toMatchObject({ reason: 'not_budget_holder', domainCode: 'energy' });
    expectProblem(await answer('staff', c.id, 'energy', 1, { answer: 'agreed' }), 403);
    // New shares: the answers lapse with the shares they answered.
    const reset = await put('staff', c.id, 1, { shares: MODEL_SHARES, reasoning: 'Opnieuw' });
    expect(reset.body.shares.every((s: { answer: unknown }) => s.answer === null)).toBe(true);
    const audit = await db.query<{ action: string; actor_name: string }[]>(
      `SELECT action FROM audit_events WHERE case_id = $1 AND action = 'funding.benefit_share_answered'`,
      [c.id],
    );
    expect(audit).toHaveLength(2);
  });
});
