import { Secret, TOTP } from 'otpauth';
import { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock';
import { expectProblem } from './support/problem';
import { DEMO, DEMO_PASSWORD, startTestApp, TestApp } from './support/test-app';

/**
 * Issue 17, item 4 and acceptance 6 (ADR 35): with MFA_REQUIRED_ROLES=admin an administrator
 * without a second factor may do nothing but set one up; sign-in becomes two steps for anyone
 * with one; five wrong codes lock the second step; codes and recovery codes work once each.
 */
describe('second factor (TOTP)', () => {
  let t: TestApp;
  let now: number;
  let adminSecret: string | undefined;

  beforeAll(async () => {
    t = await startTestApp({ env: { MFA_REQUIRED_ROLES: 'admin' } });
    // Brug's clock, moved on by the tests: a code is accepted once per 30-second step.
    now = Date.now();
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(now));
  });
  afterAll(() => t.close());

  const codeAt = (secret: string, at = now) =>
    new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at });
  const nextStep = () => {
    now += 30_000;
  };

  const passwordStep = (email: string) =>
    t.http().post('/api/v1/auth/token').send({ email, password: DEMO_PASSWORD });

  /** Signs in with a password only (the person has no second factor yet). */
  async function signIn(email: string): Promise<Record<string, string>> {
    const response = await passwordStep(email).expect(200);
    return { Authorization: `Bearer ${response.body.accessToken as string}` };
  }

  async function enrol(auth: Record<string, string>) {
    const started = await t.http().post('/api/v1/me/second-factor').set(auth).expect(201);
    const secret = started.body.secret as string;
    const confirmed = await t
      .http()
      .post('/api/v1/me/second-factor/confirmation')
      .set(auth)
      .send({ code: codeAt(secret) })
      .expect(200);
    nextStep();
    return {
      secret,
      uri: started.body.uri as string,
      recovery: confirmed.body.recoveryCodes as string[],
    };
  }

  async function challengeOf(email: string): Promise<string> {
    const problem = expectProblem(await passwordStep(email), 401);
    expect(problem).toMatchObject({
      code: 'second_factor_required',
      challenge: expect.any(String),
      expiresIn: 300,
    });
    return problem.challenge as string;
  }

  const secondStep = (challenge: string, code: string) =>
    t.http().post('/api/v1/auth/second-factor').send({ challenge, code });

  it('asks an admin without a second factor to set one up before anything else', async () => {
    const auth = await signIn(DEMO.admin);
    const refused = await t.http().get('/api/v1/users').set(auth);
    expect(expectProblem(refused, 403).code).toBe('second_factor_setup_required');
    expectProblem(await t.http().get('/api/v1/api-clients').set(auth), 403);
    await t.http().get('/api/v1/me').set(auth).expect(200);
    const status = await t.http().get('/api/v1/me/second-factor').set(auth).expect(200);
    expect(status.body).toEqual({ enabled: false, required: true, recoveryCodesLeft: 0 });

    const started = await t.http().post('/api/v1/me/second-factor').set(auth).expect(201);
    expect(started.body.uri).toMatch(/^otpauth:\/\/totp\/Brug:admin%40brug\.example\?/);
    expect(started.body.uri).toContain(`secret=${started.body.secret as string}`);
    // Not yet: a wrong code confirms nothing.
    const wrong = await t
      .http()
      .post('/api/v1/me/second-factor/confirmation')
      .set(auth)
      .send({ code: codeAt(started.body.secret as string, now - 3_600_000) });
    expect(expectProblem(wrong, 422).code).toBe('second_factor_code_wrong');
    expectProblem(await t.http().get('/api/v1/users').set(auth), 403);

    const confirmed = await t
      .http()
      .post('/api/v1/me/second-factor/confirmation')
      .set(auth)
      .send({ code: codeAt(started.body.secret as string) })
      .expect(200);
    nextStep();
    adminSecret = started.body.secret as string;
    const codes = confirmed.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    await t.http().get('/api/v1/users').set(auth).expect(200);

    // The secret is encrypted at rest, the recovery codes kept as digests.
    const db = t.app.get(DataSource);
    const [row] = await db.query<{ secret_encrypted: string }[]>(
      `SELECT f.secret_encrypted FROM user_second_factors f JOIN users u ON u.id = f.user_id
        WHERE u.email = $1`,
      [DEMO.admin],
    );
    expect(row!.secret_encrypted).toMatch(/^v1\./);
    expect(row!.secret_encrypted).not.toContain(started.body.secret);
    const digests = await db.query<{ code_digest: string }[]>(
      `SELECT code_digest FROM user_recovery_codes r JOIN users u ON u.id = r.user_id
        WHERE u.email = $1`,
      [DEMO.admin],
    );
    expect(digests).toHaveLength(10);
    expect(JSON.stringify(digests)).not.toContain(codes[0]!.replace(/-/g, ''));
  });

  it('makes sign-in two steps for a person with a second factor; each code works once', async () => {
    const staff = await signIn(DEMO.staff2);
    const { secret } = await enrol(staff);

    const challenge = await challengeOf(DEMO.staff2);
    // The challenge opens nothing but the second step.
    await t.http().get('/api/v1/me').set('Authorization', `Bearer ${challenge}`).expect(401);
    const code = codeAt(secret);
    const done = await secondStep(challenge, code).expect(200);
    expect(done.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 3600 });
    const me = await t
      .http()
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${done.body.accessToken as string}`)
      .expect(200);
    expect(me.body.email).toBe(DEMO.staff2);
    // The same code again, within its 30 seconds: refused (RFC 6238 §5.2).
    expect(expectProblem(await secondStep(challenge, code), 422).code).toBe(
      'second_factor_code_wrong',
    );
    nextStep();
    await secondStep(await challengeOf(DEMO.staff2), codeAt(secret)).expect(200);
    expectProblem(await secondStep('not-a-challenge', codeAt(secret)), 401);
  });

  it('locks the second step after five wrong codes, even for the right one', async () => {
    const buyer = await signIn(DEMO.buyer2);
    const { secret } = await enrol(buyer);
    const challenge = await challengeOf(DEMO.buyer2);
    for (let i = 0; i < 5; i++) {
      expectProblem(await secondStep(challenge, '000000'), 422);
    }
    nextStep();
    const locked = await secondStep(challenge, codeAt(secret));
    expect(expectProblem(locked, 429)).toMatchObject({
      code: 'too_many_second_factor_attempts',
      params: { retryAfterSeconds: expect.any(Number) },
    });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
  });

  it('takes recovery codes, each once, and audits enrolment, use and removal', async () => {
    const auth = await signIn(DEMO.budgetHousing);
    const { secret, recovery } = await enrol(auth);

    const first = await secondStep(
      await challengeOf(DEMO.budgetHousing),
      recovery[0]!.toLowerCase(),
    );
    expect(first.status).toBe(200);
    const again = await secondStep(await challengeOf(DEMO.budgetHousing), recovery[0]!);
    expect(expectProblem(again, 422).code).toBe('second_factor_code_wrong');
    const signedIn = {
      Authorization: `Bearer ${(first.body as { accessToken: string }).accessToken}`,
    };
    const status = await t.http().get('/api/v1/me/second-factor').set(signedIn).expect(200);
    expect(status.body).toEqual({ enabled: true, required: false, recoveryCodesLeft: 9 });

    // A person whose role does not need one may remove it, proving it with a current code.
    await t
      .http()
      .post('/api/v1/me/second-factor/removal')
      .set(signedIn)
      .send({ code: codeAt(secret) })
      .expect(204);
    nextStep();
    await passwordStep(DEMO.budgetHousing).expect(200);

    const me = (await t.http().get('/api/v1/me').set(signedIn).expect(200)).body as { id: string };
    const events = await t
      .http()
      .get(`/api/v1/audit/events?subjectId=${me.id}`)
      .set(await auditor())
      .expect(200);
    const actions = (events.body.items as { action: string; data: object }[]).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'user.second_factor_enrolled',
        'user.recovery_code_used',
        'user.second_factor_removed',
      ]),
    );
  });

  it('an admin may not remove their own required factor; an admin removes another’s (lost phone)', async () => {
    const adminAuth = await adminSignIn();
    const removal = await t
      .http()
      .post('/api/v1/me/second-factor/removal')
      .set(adminAuth)
      .send({ code: '123456' });
    expect(expectProblem(removal, 403).params).toEqual({ reason: 'second_factor_required' });

    const staff = await signIn(DEMO.staff);
    await enrol(staff);
    const { id } = (await t.http().get('/api/v1/me').set(staff).expect(200)).body as { id: string };
    await t.http().delete(`/api/v1/users/${id}/second-factor`).set(adminAuth).expect(204);
    await passwordStep(DEMO.staff).expect(200);
    expectProblem(await t.http().delete(`/api/v1/users/${id}/second-factor`).set(adminAuth), 404);
  });

  /** The admin enrolled in the first test: both steps. */
  async function adminSignIn(): Promise<Record<string, string>> {
    nextStep();
    const done = await secondStep(await challengeOf(DEMO.admin), codeAt(adminSecret!)).expect(200);
    return { Authorization: `Bearer ${(done.body as { accessToken: string }).accessToken}` };
  }

  async function auditor(): Promise<Record<string, string>> {
    return signIn(DEMO.auditor);
  }
});
