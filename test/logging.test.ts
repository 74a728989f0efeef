import { DEMO, DEMO_PASSWORD, startTestApp, TestApp } from './support/test-app';

describe('logs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ captureLogs: true });
  });
  afterAll(() => t.close());

  it('are JSON lines with request ids, and never hold passwords or tokens', async () => {
    const signIn = await t
      .http()
      .post('/api/v1/auth/token')
      .set('X-Request-Id', 'log-test-1')
      .send({ email: DEMO.buyer, password: DEMO_PASSWORD })
      .expect(200);
    const token = signIn.body.accessToken as string;
    await t.http().get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(200);
    await t
      .http()
      .post('/api/v1/auth/token')
      .send({ email: DEMO.buyer, password: 'my-secret-wrong-guess' })
      .expect(401);
    await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${await t.token('admin')}`)
      .send({
        email: 'log@brug.example',
        name: 'Log',
        role: 'auditor',
        password: 'created-user-password',
      })
      .expect(201);

    const text = t.logs.join('');
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThan(3);
    expect(text).toContain('log-test-1');
    expect(lines.some((l) => l.event === 'sign_in_failed' && l.email === DEMO.buyer)).toBe(true);
    for (const secret of [
      DEMO_PASSWORD,
      'my-secret-wrong-guess',
      'created-user-password',
      token,
      t.config.jwtSecret,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain(token.split('.')[2]);
  });
});
