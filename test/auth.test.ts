import { createHmac } from 'node:crypto';
import { expectProblem } from './support/problem';
import { DEMO, DEMO_PASSWORD, startTestApp, TestApp } from './support/test-app';

const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

function signToken(secret: string, header: object, payload: object): string {
  const body = `${b64(header)}.${b64(payload)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

describe('sign-in and roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const expectedRoles: Record<keyof typeof DEMO, string> = {
    admin: 'admin',
    buyer: 'buyer',
    buyer2: 'buyer',
    staff: 'staff',
    staff2: 'staff',
    budgetEnergy: 'budget_holder',
    budgetHousing: 'budget_holder',
    auditor: 'auditor',
  };

  it.each(Object.entries(expectedRoles))(
    '%s signs in and /me shows the role',
    async (key, role) => {
      const response = await t
        .http()
        .post('/api/v1/auth/token')
        .send({ email: DEMO[key as keyof typeof DEMO], password: DEMO_PASSWORD })
        .expect(200);
      expect(response.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 3600 });
      const me = await t
        .http()
        .get('/api/v1/me')
        .set('Authorization', `Bearer ${response.body.accessToken}`)
        .expect(200);
      expect(me.body).toMatchObject({ email: DEMO[key as keyof typeof DEMO], role });
      expect(Object.keys(me.body).sort()).toEqual(
        ['domains', 'email', 'id', 'name', 'organisationUnit', 'role'].sort(),
      );
    },
  );

  it('shows the units and domains people work for', async () => {
    const me = async (key: keyof typeof DEMO) =>
      (
        await t
          .http()
          .get('/api/v1/me')
          .set('Authorization', `Bearer ${await t.token(key)}`)
      ).body;
    expect((await me('budgetHousing')).domains).toEqual(['energy-poverty', 'housing']);
    expect((await me('budgetEnergy')).domains).toEqual(['energy']);
    expect((await me('staff')).organisationUnit).toMatchObject({
      code: 'meentcoop-energy',
      kind: 'meentcoop_team',
    });
    expect((await me('buyer')).organisationUnit.kind).toBe('municipal');
    expect((await me('buyer')).organisationUnit.id).not.toBe(
      (await me('buyer2')).organisationUnit.id,
    );
  });

  it('accepts the email in any case', async () => {
    await t
      .http()
      .post('/api/v1/auth/token')
      .send({ email: 'Buyer@BRUG.example', password: DEMO_PASSWORD })
      .expect(200);
  });

  it('answers a wrong password or an unknown email alike, with 401 problem+json', async () => {
    const wrong = await t
      .http()
      .post('/api/v1/auth/token')
      .send({ email: DEMO.staff, password: 'not-the-password' });
    const unknown = await t
      .http()
      .post('/api/v1/auth/token')
      .send({ email: 'nobody@brug.example', password: 'whatever' });
    expect(expectProblem(wrong, 401).detail).toBe(expectProblem(unknown, 401).detail);
  });

  it('rate-limits the 11th failed attempt within a minute for one email, with Retry-After', async () => {
    const email = DEMO.staff2;
    for (let i = 1; i <= 10; i++) {
      const response = await t
        .http()
        .post('/api/v1/auth/token')
        .send({ email, password: `wrong-${i}` });
      expectProblem(response, 401);
    }
    const eleventh = await t.http().post('/api/v1/auth/token').send({ email, password: 'wrong' });
    expectProblem(eleventh, 429);
    expect(Number(eleventh.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(eleventh.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Even the right password waits out the window: guessing stops, not just failing.
    const right = await t
      .http()
      .post('/api/v1/auth/token')
      .send({ email, password: DEMO_PASSWORD });
    expectProblem(right, 429);
    // Other people are not locked out by it.
    await t
      .http()
      .post('/api/v1/auth/token')
      .send({ email: DEMO.buyer2, password: DEMO_PASSWORD })
      .expect(200);
  });

  it('rate-limits failed sign-ins per client address across emails', async () => {
    const limited = await startTestApp({
      env: { SIGNIN_MAX_FAILURES_PER_ADDRESS: '5', SIGNIN_MAX_FAILURES_PER_EMAIL: '100' },
    });
    try {
      for (let i = 0; i < 5; i++) {
        expectProblem(
          await limited
            .http()
            .post('/api/v1/auth/token')
            .send({ email: `u${i}@x.example`, password: 'p' }),
          401,
        );
      }
      const response = await limited
        .http()
        .post('/api/v1/auth/token')
        .send({ email: 'another@x.example', password: 'p' });
      expectProblem(response, 429);
    } finally {
      await limited.close();
    }
  });

  describe('tokens', () => {
    const me = (authorization?: string) => {
      const r = t.http().get('/api/v1/me');
      return authorization === undefined ? r : r.set('Authorization', authorization);
    };
    let userId: string;
    beforeAll(async () => {
      userId = (await me(`Bearer ${await t.token('buyer')}`)).body.id;
    });
    const now = () => Math.floor(Date.now() / 1000);
    const claims = () => ({
      sub: userId,
      iat: now(),
      exp: now() + 600,
      iss: 'brug',
      aud: 'brug-api',
    });

    it('401 without a token or with a malformed header', async () => {
      expectProblem(await me(), 401);
      expectProblem(await me('Bearer'), 401);
      expectProblem(await me('Basic dXNlcjpwYXNz'), 401);
      expectProblem(await me('Bearer not.a.token'), 401);
    });

    it('401 for a token signed with another key', async () => {
      const forged = signToken(
        'some-other-secret-that-is-long-enough',
        { alg: 'HS256', typ: 'JWT' },
        claims(),
      );
      expectProblem(await me(`Bearer ${forged}`), 401);
    });

    it('401 for an expired token', async () => {
      const expired = signToken(
        t.config.jwtSecret,
        { alg: 'HS256', typ: 'JWT' },
        { ...claims(), iat: now() - 7200, exp: now() - 3600 },
      );
      expectProblem(await me(`Bearer ${expired}`), 401);
      // The same claims, not expired, are accepted: the refusal above was the expiry.
      const fresh = signToken(t.config.jwtSecret, { alg: 'HS256', typ: 'JWT' }, claims());
      await me(`Bearer ${fresh}`).expect(200);
    });

    it('401 for an unsigned alg:none token', async () => {
      const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`;
      expectProblem(await me(`Bearer ${none}`), 401);
    });

    it('401 for a token of another audience or issuer', async () => {
      const header = { alg: 'HS256', typ: 'JWT' };
      expectProblem(
        await me(`Bearer ${signToken(t.config.jwtSecret, header, { ...claims(), aud: 'x' })}`),
        401,
      );
      expectProblem(
        await me(`Bearer ${signToken(t.config.jwtSecret, header, { ...claims(), iss: 'x' })}`),
        401,
      );
    });
  });

  it('403 for a signed-in user whose role may not call the route', async () => {
    for (const key of ['buyer', 'staff', 'budgetEnergy', 'auditor'] as const) {
      const token = await t.token(key);
      expectProblem(
        await t.http().get('/api/v1/users').set('Authorization', `Bearer ${token}`),
        403,
      );
      expectProblem(
        await t
          .http()
          .post('/api/v1/domains')
          .set('Authorization', `Bearer ${token}`)
          .send({ code: 'x-domain', nameNl: 'X', nameEn: 'X' }),
        403,
      );
    }
  });
});
