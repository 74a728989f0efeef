import { TEXT_MESSAGES } from '../src/common/text';
import { bearer, fileCase } from './support/factories';
import { expectProblem } from './support/problem';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Issue 12, item 3: the probe's texts. A lone surrogate gave 500 in a note, a funding note, a
 * description edit, a withdrawal reason, a user and a team name (canonical JSON refuses it) and
 * was stored as U+FFFD in titles; invisible text withdrew a case. Now one policy (ADR 15).
 */
describe('the text policy (issue 12)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const LONE = 'Tekst met \ud800 erin';

  /** Expects a 400 whose errors name `field` with a message starting with `message`. */
  function expectRefused(
    response: Awaited<ReturnType<ReturnType<TestApp['http']>['get']>>,
    field: string,
    message: string,
  ): void {
    const problem = expectProblem(response, 400);
    expect(problem.code).toBe('validation_failed');
    const errors = problem.errors as { field: string; message: string }[];
    expect(errors.find((e) => e.field === field)?.message.startsWith(message)).toBe(true);
  }

  describe('a lone surrogate is a 400 naming the field, never a 500', () => {
    it('in a note', async () => {
      const c = await fileCase(t);
      const response = await t
        .http()
        .post(`/api/v1/cases/${c.id}/notes`)
        .set(await bearer(t, 'buyer'))
        .send({ body: LONE, visibility: 'shared' });
      expectRefused(response, 'body', TEXT_MESSAGES.loneSurrogate);
    });

    it('in a funding note', async () => {
      const c = await fileCase(t);
      const response = await t
        .http()
        .post(`/api/v1/cases/${c.id}/funding-entries`)
        .set(await bearer(t, 'budgetEnergy'))
        .send({ domainCode: 'energy', kind: 'pledge', amountCents: 100_000, note: LONE });
      expectRefused(response, 'note', TEXT_MESSAGES.loneSurrogate);
    });

    it('in a description edit', async () => {
      const c = await fileCase(t);
      const response = await t
        .http()
        .patch(`/api/v1/cases/${c.id}`)
        .set({ ...(await bearer(t, 'buyer')), 'If-Match': `"${c.version}"` })
        .send({ description: LONE });
      expectRefused(response, 'description', TEXT_MESSAGES.loneSurrogate);
    });

    it('in a withdrawal reason', async () => {
      const c = await fileCase(t);
      const response = await t
        .http()
        .post(`/api/v1/cases/${c.id}/transitions`)
        .set({ ...(await bearer(t, 'buyer')), 'If-Match': `"${c.version}"` })
        .send({ to: 'withdrawn', reason: LONE });
      expectRefused(response, 'reason', TEXT_MESSAGES.loneSurrogate);
    });

    it('in a user name', async () => {
      const response = await t
        .http()
        .post('/api/v1/users')
        .set(await bearer(t, 'admin'))
        .send({ email: 'surrogaat@brug.example', name: LONE, role: 'auditor' });
      expectRefused(response, 'name', TEXT_MESSAGES.loneSurrogate);
    });

    it('in a team name', async () => {
      const response = await t
        .http()
        .post('/api/v1/teams')
        .set(await bearer(t, 'admin'))
        .send({ code: 'meentcoop-surrogaat', name: LONE });
      expectRefused(response, 'name', TEXT_MESSAGES.loneSurrogate);
    });

    it('in a title (it is not stored as U+FFFD)', async () => {
      const auth = await bearer(t, 'buyer');
      const title = `Aanbesteding ${'\udc00'} zonder paar`;
      const response = await t
        .http()
        .post('/api/v1/cases')
        .set(auth)
        .send({
          title,
          estimatedValueCents: 1,
          domains: [{ code: 'energy', role: 'lead' }],
        });
      expectRefused(response, 'title', TEXT_MESSAGES.loneSurrogate);
      const found = await t
        .http()
        .get(`/api/v1/cases?q=${encodeURIComponent('zonder paar')}`)
        .set(auth)
        .expect(200);
      expect(found.body.items).toEqual([]);
    });
  });

  it('a withdrawal with the reason "\\u200b" is refused and the case stays filed', async () => {
    const c = await fileCase(t);
    const auth = await bearer(t, 'buyer');
    const response = await t
      .http()
      .post(`/api/v1/cases/${c.id}/transitions`)
      .set({ ...auth, 'If-Match': `"${c.version}"` })
      .send({ to: 'withdrawn', reason: '\u200b' });
    expectRefused(response, 'reason', TEXT_MESSAGES.blank);
    const after = await t.http().get(`/api/v1/cases/${c.id}`).set(auth).expect(200);
    expect(after.body.status).toBe('filed');
  });

  it.each([
    ['zero-width spaces only', '\u200b'.repeat(8), TEXT_MESSAGES.blank],
    ['a right-to-left override', 'Aanbesteding \u202Egpj.exe', TEXT_MESSAGES.bidi],
    ['a zero-width space inside', 'Aanbesteding\u200bzorg', TEXT_MESSAGES.invisible],
    ['a line break', 'Aanbesteding\nzorg', TEXT_MESSAGES.lineBreak],
  ])('a title of %s is refused', async (_, title, message) => {
    const response = await t
      .http()
      .post('/api/v1/cases')
      .set(await bearer(t, 'buyer'))
      .send({ title, estimatedValueCents: 1, domains: [{ code: 'energy', role: 'lead' }] });
    expectRefused(response, 'title', message);
  });

  it('stores a decomposed "e\\u0301" as NFC "é"', async () => {
    const c = await fileCase(t, 'buyer', {
      title: 'Cafe\u0301 De Brug aanbesteding',
      description: 'Re\u0301sume\u0301\nTweede regel',
    });
    expect(c.title).toBe('Café De Brug aanbesteding');
    const read = await t
      .http()
      .get(`/api/v1/cases/${c.id}`)
      .set(await bearer(t, 'buyer'))
      .expect(200);
    expect(read.body.title).toBe('Caf\u00e9 De Brug aanbesteding');
    expect(read.body.description).toBe('R\u00e9sum\u00e9\nTweede regel');
    // Searching with either spelling finds it.
    const found = await t
      .http()
      .get(`/api/v1/cases?q=${encodeURIComponent('Cafe\u0301')}`)
      .set(await bearer(t, 'buyer'))
      .expect(200);
    expect((found.body.items as { id: string }[]).map((i) => i.id)).toContain(c.id);
  });
});
