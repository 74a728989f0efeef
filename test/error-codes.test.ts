import { bearer, fileCase } from './support/factories';
import { EUR, postEntry, recordEntry } from './support/funding';
import { expectProblem } from './support/problem';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Issue 13, items 1 and 2 (ADR 23): every field error names its rule by a stable `code` with
 * the `params` a sentence needs, one error per field; every domain refusal carries `params`.
 * The web UI words them in Dutch or English from these, never from the English `message`.
 */
describe('error codes and params', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  type FieldErrors = { field: string; code: string; message: string; params?: object }[];
  const byField = (errors: FieldErrors) =>
    Object.fromEntries(errors.map((e) => [e.field, { code: e.code, params: e.params }]));

  it('an empty filing: each field once, `required` (not "must not be greater than")', async () => {
    const response = await t
      .http()
      .post('/api/v1/cases')
      .set(await bearer(t, 'buyer'))
      .send({ title: '', domains: [], initialFunding: [{ domainCode: 'energy' }] });
    const problem = expectProblem(response, 400);
    const errors = problem.errors as FieldErrors;
    expect(byField(errors)).toEqual({
      title: { code: 'required', params: undefined },
      estimatedValueCents: { code: 'required', params: undefined },
      domains: { code: 'too_few_items', params: { min: 1 } },
      'initialFunding[0].amountCents': { code: 'required', params: undefined },
    });
    expect(problem).toMatchObject({ code: 'validation_failed', params: { errorCount: 4 } });
    // The English stays for API users.
    expect(errors.every((e) => typeof e.message === 'string' && e.message.length > 0)).toBe(true);
  });

  it('a wrong value: one code per field with the limit it breaks', async () => {
    const response = await t
      .http()
      .post('/api/v1/cases')
      .set(await bearer(t, 'buyer'))
      .send({
        title: 'Aanbesteding energiebespaarservice',
        estimatedValueCents: '1,2 miljoen',
        domains: [{ code: 'energy', role: 'lead' }],
        tenderReference: 'T'.repeat(101),
      });
    expect(byField(expectProblem(response, 400).errors as FieldErrors)).toEqual({
      estimatedValueCents: { code: 'not_an_integer', params: undefined },
      tenderReference: { code: 'too_long', params: { max: 100 } },
    });
  });

  it('domain codes the catalogue does not know are named with the code', async () => {
    const response = await t
      .http()
      .post('/api/v1/cases')
      .set(await bearer(t, 'buyer'))
      .send({
        title: 'Aanbesteding energiebespaarservice',
        estimatedValueCents: 100,
        domains: [{ code: 'energie', role: 'lead' }],
      });
    expect(byField(expectProblem(response, 400).errors as FieldErrors)).toEqual({
      'domains[0].code': { code: 'unknown_domain', params: { domainCode: 'energie' } },
    });
  });

  it('a transition: the missing reason is `required`, the refusal names from, to and allowed', async () => {
    const c = await fileCase(t);
    const staff = { ...(await bearer(t, 'staff')), 'If-Match': `"${c.version}"` };
    const noReason = await t
      .http()
      .post(`/api/v1/cases/${c.id}/transitions`)
      .set({ ...(await bearer(t, 'buyer')), 'If-Match': `"${c.version}"` })
      .send({ to: 'withdrawn', reason: '' });
    expect(byField(expectProblem(noReason, 400).errors as FieldErrors)).toEqual({
      reason: { code: 'required', params: undefined },
    });
    const refused = await t
      .http()
      .post(`/api/v1/cases/${c.id}/transitions`)
      .set(staff)
      .send({ to: 'resolved', outcome: undefined });
    expect(byField(expectProblem(refused, 400).errors as FieldErrors)).toEqual({
      outcome: { code: 'required', params: undefined },
    });
    const notAllowed = await t
      .http()
      .post(`/api/v1/cases/${c.id}/transitions`)
      .set({ ...(await bearer(t, 'buyer')), 'If-Match': `"${c.version}"` })
      .send({ to: 'proposed', proposal: 'Een voorstel' });
    const problem = expectProblem(notAllowed, notAllowed.status);
    expect(problem.code).toMatch(/^(transition_not_allowed|forbidden)$/);
    if (problem.code === 'transition_not_allowed') {
      expect(problem.params).toEqual({
        from: 'filed',
        to: 'proposed',
        allowed: expect.any(Array),
      });
    }
  });

  it('ledger refusals carry the rule and the amounts in cents', async () => {
    const c = await fileCase(t, 'buyer', {
      initialFunding: [{ domainCode: 'energy', amountCents: 450_000 * EUR }],
    });
    await recordEntry(t, 'budgetEnergy', c.id, {
      domainCode: 'energy',
      kind: 'commit',
      amountCents: 350_000 * EUR,
    });
    const over = await postEntry(t, 'budgetEnergy', c.id, {
      domainCode: 'energy',
      kind: 'disburse',
      amountCents: 350_000 * EUR + 1,
    });
    const problem = expectProblem(over, 422);
    expect(problem).toMatchObject({
      code: 'funding_invariant_broken',
      detail: expect.stringContaining('Disbursing EUR 350,000.01'),
      params: {
        rule: 'disburse_exceeds_committed',
        domainCode: 'energy',
        amountCents: 35_000_001,
        committedCents: 35_000_000,
        disbursedCents: 0,
        availableCents: 35_000_000,
      },
    });
    const release = await postEntry(t, 'budgetEnergy', c.id, {
      domainCode: 'energy',
      kind: 'release',
      releaseFrom: 'pledge',
      amountCents: 100_000 * EUR + 1,
    });
    expect(expectProblem(release, 422).params).toEqual({
      rule: 'release_exceeds_pledged',
      domainCode: 'energy',
      amountCents: 10_000_001,
      pledgedCents: 10_000_000,
      availableCents: 10_000_000,
    });
    const notTheirs = await postEntry(t, 'budgetEnergy', c.id, {
      domainCode: 'housing',
      kind: 'commit',
      amountCents: EUR,
    });
    expect(expectProblem(notTheirs, 403).params).toMatchObject({
      reason: 'not_budget_holder',
      domainCode: 'housing',
    });
    const offCase = await postEntry(t, 'admin', c.id, {
      domainCode: 'food',
      kind: 'pledge',
      amountCents: EUR,
    });
    expect(expectProblem(offCase, 422).params).toEqual({
      domainCode: 'food',
      caseDomains: expect.arrayContaining(['energy']),
    });
  });
});
