import { createHmac, randomBytes } from 'node:crypto';
import { expectProblem } from './support/problem';
import { DEMO_PASSWORD, startTestApp, TestApp } from './support/test-app';

const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Every token carries its user's token version; a password change or reset, deactivation and a
 * role change count it up, ending every token issued before, whatever second they were issued in.
 */
describe('token revocation', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    admin = { Authorization: `Bearer ${await t.token('admin')}` };
  });
  afterAll(() => t.close());

  const me = (token: string) => t.http().get('/api/v1/me').set('Authorization', `Bearer ${token}`);

  /** A new auditor (no unit, no domains) who has signed in; returns their id and token. */
  async function signedInAuditor(): Promise<{ id: string; email: string; token: string }> {
    const email = `r-${randomBytes(4).toString('hex')}@brug.example`;
    const created = await t
      .http()
      .post('/api/v1/users')
      .set(admin)
      .send({ email, name: 'Revocable', role: 'auditor', password: DEMO_PASSWORD })
      .expect(201);
    const token = await t.token(email);
    await me(token).expect(200);
    return { id: created.body.id as string, email, token };
  }

  /** PATCH at the version just read (If-Match), as an administrator's screen would. */
  async function patchUser(id: string, body: object): Promise<void> {
    const current = await t.http().get(`/api/v1/users/${id}`).set(admin).expect(200);
    await t
      .http()
      .patch(`/api/v1/users/${id}`)
      .set({ ...admin, 'If-Match': String(current.headers.etag) })
      .send(body)
      .expect(200);
  }

  /** A token as Brug issues it, for a moment and version of the test's choosing. */
  function tokenFor(sub: string, tv: number, iat = Math.floor(Date.now() / 1000)): string {
    const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub, iat, exp: iat + 600, iss: 'brug', aud: 'brug-api', tv })}`;
    return `${body}.${createHmac('sha256', t.config.jwtSecret).update(body).digest('base64url')}`;
  }

  it('a password reset ends a token issued in the same second', async () => {
    const user = await signedInAuditor();
    await t
      .http()
      .put(`/api/v1/users/${user.id}/password`)
      .set(admin)
      .send({ password: 'a-brand-new-password' })
      .expect(204);
    expectProblem(await me(user.token), 401);
    // Issued this very second (or later) with the version from before: a time check would pass.
    const sameSecond = tokenFor(user.id, 0, Math.floor(Date.now() / 1000));
    expectProblem(await me(sameSecond), 401);
    const fresh = (
      await t
        .http()
        .post('/api/v1/auth/token')
        .send({ email: user.email, password: 'a-brand-new-password' })
        .expect(200)
    ).body.accessToken as string;
    await me(fresh).expect(200);
    await me(tokenFor(user.id, 1)).expect(200);
  });

  it('changing one’s own password ends every token of the person, this one too', async () => {
    const user = await signedInAuditor();
    await patchUser(user.id, { role: 'admin' });
    const token = (
      await t
        .http()
        .post('/api/v1/auth/token')
        .send({ email: user.email, password: DEMO_PASSWORD })
        .expect(200)
    ).body.accessToken as string;
    const other = (
      await t
        .http()
        .post('/api/v1/auth/token')
        .send({ email: user.email, password: DEMO_PASSWORD })
        .expect(200)
    ).body.accessToken as string;
    await t
      .http()
      .put('/api/v1/me/password')
      .set('Authorization', `Bearer ${token}`)
      .send({ currentPassword: DEMO_PASSWORD, newPassword: 'another-long-password' })
      .expect(204);
    expectProblem(await me(token), 401);
    expectProblem(await me(other), 401);
  });

  it('deactivation ends tokens, and reactivation does not revive them', async () => {
    const user = await signedInAuditor();
    await patchUser(user.id, { active: false });
    expectProblem(await me(user.token), 401);
    await patchUser(user.id, { active: true });
    expectProblem(await me(user.token), 401);
    expectProblem(await me(tokenFor(user.id, 0)), 401);
    const fresh = (
      await t
        .http()
        .post('/api/v1/auth/token')
        .send({ email: user.email, password: DEMO_PASSWORD })
        .expect(200)
    ).body.accessToken as string;
    await me(fresh).expect(200);
  });

  it('a role change ends tokens; a new name does not', async () => {
    const user = await signedInAuditor();
    await patchUser(user.id, { name: 'Renamed' });
    const renamed = await me(user.token).expect(200);
    expect(renamed.body.name).toBe('Renamed');
    await patchUser(user.id, { role: 'admin' });
    expectProblem(await me(user.token), 401);
    // An admin route with the token from the auditor's days: refused, not served as admin.
    expectProblem(
      await t.http().get('/api/v1/users').set('Authorization', `Bearer ${user.token}`),
      401,
    );
  });
});
