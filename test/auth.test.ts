import { createHmac } from 'node:crypto';
import type { Response } from 'supertest';
import { expectProblem } from './support/problem';
import { waitFor } from './support/processes';
import { PrivateRedis } from './support/redis-server';
import { DEMO, DEMO_PASSWORD, startTestApp, TestApp } from './support/test-app';
import { QueueService } from '../src/workflow/queues/queue.service';

/** The signing key Brug's source once held: the probe forged an admin token with it. */
const PUBLISHED_DEV_KEY = 'brug-development-only-secret-never-use-in-production';

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
      tv: 0,
    });
    const header = { alg: 'HS256', typ: 'JWT' };
    const signed = (payload: object) => `Bearer ${signToken(t.config.jwtSecret, header, payload)}`;

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

    it('401 for a token issued in the future (beyond 30 s of clock skew)', async () => {
      expectProblem(await me(signed({ ...claims(), iat: now() + 3600, exp: now() + 3900 })), 401);
      expectProblem(await me(signed({ ...claims(), iat: now() + 120, exp: now() + 600 })), 401);
      // A clock a few seconds fast is no reason to refuse.
      await me(signed({ ...claims(), iat: now() + 5, exp: now() + 600 })).expect(200);
    });

    it('401 for a token that lives longer than tokens are issued for', async () => {
      const tenYears = 10 * 365 * 24 * 3600;
      expectProblem(await me(signed({ ...claims(), exp: now() + tenYears })), 401);
      expectProblem(await me(signed({ ...claims(), iat: now() - 60, exp: now() + 3600 })), 401);
      // Exactly the configured lifetime (JWT_TTL_SECONDS, 3600) is what Brug issues.
      await me(signed({ ...claims(), exp: now() + 3600 })).expect(200);
    });

    it('401 (not 500) for a token whose subject is not a user id', async () => {
      for (const sub of [
        'not-a-uuid',
        "1' OR '1'='1",
        '',
        '00000000-0000-0000-0000-00000000000g',
      ]) {
        expectProblem(await me(signed({ ...claims(), sub })), 401);
      }
      // A well-formed id of nobody.
      expectProblem(
        await me(signed({ ...claims(), sub: '00000000-0000-4000-8000-000000000000' })),
        401,
      );
    });

    it('401 for a token without iat, exp or token version, or with another version', async () => {
      const { iat: _iat, ...noIat } = claims();
      const { exp: _exp, ...noExp } = claims();
      const { tv: _tv, ...noVersion } = claims();
      expectProblem(await me(signed(noIat)), 401);
      expectProblem(await me(signed(noExp)), 401);
      expectProblem(await me(signed(noVersion)), 401);
      expectProblem(await me(signed({ ...claims(), tv: 1 })), 401);
      expectProblem(await me(signed({ ...claims(), tv: '0' })), 401);
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

describe('without JWT_SECRET', () => {
  let t: TestApp;
  beforeAll(async () => {
    // As a development machine without a key runs (the probe's setup), minus the key file.
    t = await startTestApp({ env: { NODE_ENV: 'development', JWT_SECRET: '' } });
  });
  afterAll(() => t.close());

  it('signs with a random key, so a token forged with the once-published key is refused', async () => {
    expect(t.config.jwtSecretSource).toBe('process');
    expect(t.config.jwtSecret).not.toBe(PUBLISHED_DEV_KEY);
    const token = await t.token('admin');
    const me = await t.http().get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(200);
    const now = Math.floor(Date.now() / 1000);
    const forged = signToken(
      PUBLISHED_DEV_KEY,
      { alg: 'HS256', typ: 'JWT' },
      { sub: me.body.id, iat: now, exp: now + 600, iss: 'brug', aud: 'brug-api', tv: 0 },
    );
    expectProblem(
      await t.http().get('/api/v1/users').set('Authorization', `Bearer ${forged}`),
      401,
    );
  });
});

/**
 * The throttle, seen from several client addresses: the app trusts one proxy, so each request
 * names its address in X-Forwarded-For, as a load balancer would.
 */
describe('sign-in throttle', () => {
  const signIn = (t: TestApp, address: string, email: string, password: string) =>
    t.http().post('/api/v1/auth/token').set('X-Forwarded-For', address).send({ email, password });
  const statuses = (responses: Response[]) =>
    responses.reduce<Record<number, number>>((count, r) => {
      count[r.status] = (count[r.status] ?? 0) + 1;
      return count;
    }, {});

  /** 32 wrong passwords at once: at most the limit (10) reach the password check (401). */
  async function race(t: TestApp, address: string, email: string): Promise<void> {
    const answers = await Promise.all(
      Array.from({ length: 32 }, (_, i) => signIn(t, address, email, `wrong-${i}`)),
    );
    const count = statuses(answers);
    expect(count[401] ?? 0).toBeLessThanOrEqual(10);
    expect(count[401] ?? 0).toBeGreaterThan(0);
    expect((count[401] ?? 0) + (count[429] ?? 0)).toBe(32);
    for (const r of answers.filter((a) => a.status === 429)) {
      expect(expectProblem(r, 429).code).toBe('too_many_sign_in_attempts');
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    }
  }

  describe('with Redis', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ env: { TRUST_PROXY: '1' } });
    });
    afterAll(() => t.close());

    it('checks at most the limit of 32 concurrent wrong passwords', async () => {
      await race(t, '203.0.113.10', DEMO.staff);
    });

    it('locks out the guessing address only: the person signs in from elsewhere', async () => {
      for (let i = 0; i < 10; i++) {
        expectProblem(await signIn(t, '203.0.113.20', DEMO.buyer, `wrong-${i}`), 401);
      }
      expectProblem(await signIn(t, '203.0.113.20', DEMO.buyer, 'wrong'), 429);
      // From the guessing address even the right password waits out the window...
      expectProblem(await signIn(t, '203.0.113.20', DEMO.buyer, DEMO_PASSWORD), 429);
      // ...but the person, elsewhere, is not locked out.
      await signIn(t, '198.51.100.7', DEMO.buyer, DEMO_PASSWORD).expect(200);
      await signIn(t, '2001:db8:1::1', DEMO.buyer, DEMO_PASSWORD).expect(200);
    });

    it('counts an IPv6 address by its /64, so a fresh address per guess does not help', async () => {
      for (let i = 0; i < 10; i++) {
        expectProblem(await signIn(t, `2001:db8:2::${i + 1}`, DEMO.staff2, `wrong-${i}`), 401);
      }
      expectProblem(await signIn(t, '2001:db8:2::ffff', DEMO.staff2, 'wrong'), 429);
      await signIn(t, '2001:db8:3::1', DEMO.staff2, DEMO_PASSWORD).expect(200);
    });

    it('a right password gives its attempt back and clears the count', async () => {
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < 9; i++) {
          expectProblem(await signIn(t, '203.0.113.30', DEMO.auditor, `wrong-${i}`), 401);
        }
        await signIn(t, '203.0.113.30', DEMO.auditor, DEMO_PASSWORD).expect(200);
      }
    });

    it('throttles wrong current passwords in PUT /me/password the same way', async () => {
      const address = '203.0.113.40';
      const token = (await signIn(t, address, DEMO.budgetEnergy, DEMO_PASSWORD).expect(200)).body
        .accessToken as string;
      const change = (currentPassword: string) =>
        t
          .http()
          .put('/api/v1/me/password')
          .set('X-Forwarded-For', address)
          .set('Authorization', `Bearer ${token}`)
          .send({ currentPassword, newPassword: 'a-new-long-password' });
      for (let i = 0; i < 10; i++) expectProblem(await change(`wrong-${i}`), 403);
      const limited = await change('wrong');
      expect(expectProblem(limited, 429).code).toBe('too_many_sign_in_attempts');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expectProblem(await change(DEMO_PASSWORD), 429);
      // One count for both doors: signing in from that address waits too.
      expectProblem(await signIn(t, address, DEMO.budgetEnergy, DEMO_PASSWORD), 429);
      await signIn(t, '198.51.100.8', DEMO.budgetEnergy, DEMO_PASSWORD).expect(200);
    });
  });

  describe('while Redis is down', () => {
    let redis: PrivateRedis;
    let t: TestApp;
    beforeAll(async () => {
      redis = await PrivateRedis.start();
      t = await startTestApp({ env: { TRUST_PROXY: '1', REDIS_URL: redis.url } });
      await redis.stop();
    });
    afterAll(async () => {
      // Redis back and every queue connection with it first: closed while Redis is away, the
      // queues' connections would go on retrying and keep Jest from exiting.
      await redis.start();
      const queues = Object.values(t.app.get(QueueService).queues);
      await waitFor(() =>
        Promise.all(queues.map((q) => q.getJobCounts())).then(
          () => true,
          () => false,
        ),
      );
      await t.close();
      await redis.stop();
    });

    it('still signs people in, and still limits guessing (in this process)', async () => {
      await signIn(t, '203.0.113.50', DEMO.admin, DEMO_PASSWORD).expect(200);
      await race(t, '203.0.113.51', DEMO.staff);
      expectProblem(await signIn(t, '203.0.113.51', DEMO.staff, DEMO_PASSWORD), 429);
      await signIn(t, '203.0.113.52', DEMO.staff, DEMO_PASSWORD).expect(200);
      for (let i = 0; i < 10; i++) {
        expectProblem(await signIn(t, '203.0.113.53', DEMO.buyer, `wrong-${i}`), 401);
      }
      expectProblem(await signIn(t, '203.0.113.53', DEMO.buyer, 'wrong'), 429);
    });
  });
});
