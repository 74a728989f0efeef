import { Clock } from '../src/common/clock';
import { bearer } from './support/factories';
import { expectProblem } from './support/problem';
import { DEMO, DEMO_PASSWORD, startTestApp, TestApp } from './support/test-app';

/**
 * Issue 17, item 2 (ADR 34): the web UI's cookie sessions, kept in PostgreSQL. Acceptance 3 (a
 * cookie-signed change without the CSRF proof, or from another Origin, is 403) and 4 (idle
 * timeout and absolute lifetime end a session, on a fixed clock), with sign-out, "my sessions",
 * an admin ending a user's sessions, and revocation by a role change.
 */
describe('web sessions', () => {
  let t: TestApp;
  let origin: string;
  let now: Date;

  beforeAll(async () => {
    t = await startTestApp({
      env: { SESSION_IDLE_TIMEOUT_SECONDS: '1800', SESSION_ABSOLUTE_LIFETIME_SECONDS: '36000' },
    });
    origin = new URL(t.config.publicUrl).origin;
    now = new Date('2026-12-07T09:00:00Z');
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(now));
  });
  afterAll(() => t.close());

  /** Signs in through `POST /auth/session`: the cookie and the CSRF token. */
  async function signIn(who: string): Promise<{ cookie: string; csrf: string; raw: string }> {
    const response = await t
      .http()
      .post('/api/v1/auth/session')
      .set('Origin', origin)
      .send({ email: who in DEMO ? DEMO[who as keyof typeof DEMO] : who, password: DEMO_PASSWORD })
      .expect(200);
    const raw = ([] as string[]).concat(response.headers['set-cookie'] ?? [])[0] ?? '';
    return {
      cookie: raw.split(';')[0]!,
      raw,
      csrf: (response.body as { csrfToken: string }).csrfToken,
    };
  }

  const note = (s: { cookie: string }, headers: Record<string, string>) =>
    t
      .http()
      .post('/api/v1/me/second-factor')
      .set({ Cookie: s.cookie, ...headers });

  it('sets a __Host- cookie, HttpOnly, Secure, SameSite=Lax, Path=/, and answers no token', async () => {
    const s = await signIn('staff');
    expect(s.raw).toMatch(/^__Host-brug_session=[A-Za-z0-9_-]{43};/);
    expect(s.raw).toMatch(/; HttpOnly/);
    expect(s.raw).toMatch(/; Secure/);
    expect(s.raw).toMatch(/; SameSite=Lax/);
    expect(s.raw).toMatch(/; Path=\//);
    expect(s.raw).not.toMatch(/Domain=/i);
    const me = await t.http().get('/api/v1/me').set('Cookie', s.cookie).expect(200);
    expect(me.body.email).toBe(DEMO.staff);
    const current = await t.http().get('/api/v1/auth/session').set('Cookie', s.cookie).expect(200);
    expect(current.body).toMatchObject({ csrfToken: s.csrf, method: 'password', provider: null });
  });

  it('refuses a sign-in into a cookie from another origin', async () => {
    const response = await t
      .http()
      .post('/api/v1/auth/session')
      .set('Origin', 'https://evil.example')
      .send({ email: DEMO.staff, password: DEMO_PASSWORD });
    expect(expectProblem(response, 403)).toMatchObject({ params: { reason: 'csrf_origin' } });
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('acceptance 3: a cookie-signed change without the CSRF token, or from another Origin, is 403', async () => {
    const s = await signIn('staff');
    const noToken = await note(s, { Origin: origin });
    expect(expectProblem(noToken, 403)).toMatchObject({ params: { reason: 'csrf_token' } });
    const wrongToken = await note(s, { Origin: origin, 'X-CSRF-Token': `${s.csrf.slice(1)}x` });
    expect(expectProblem(wrongToken, 403)).toMatchObject({ params: { reason: 'csrf_token' } });
    const otherOrigin = await note(s, { Origin: 'https://evil.example', 'X-CSRF-Token': s.csrf });
    expect(expectProblem(otherOrigin, 403)).toMatchObject({ params: { reason: 'csrf_origin' } });
    const noOrigin = await note(s, { 'X-CSRF-Token': s.csrf });
    expect(expectProblem(noOrigin, 403)).toMatchObject({ params: { reason: 'csrf_origin' } });
    // Another session's token is no proof for this one.
    const other = await signIn('staff');
    const crossed = await note(s, { Origin: origin, 'X-CSRF-Token': other.csrf });
    expect(expectProblem(crossed, 403)).toMatchObject({ params: { reason: 'csrf_token' } });
    // With both, the change goes through; reads never needed them.
    await note(s, { Origin: origin, 'X-CSRF-Token': s.csrf }).expect(201);
    await t.http().get('/api/v1/cases').set('Cookie', s.cookie).expect(200);
    // Bearer tokens (API clients, the API) need neither.
    await t
      .http()
      .post('/api/v1/me/second-factor')
      .set(await bearer(t, 'buyer'))
      .expect(201);
  });

  it('acceptance 4: the idle timeout ends a session; a request before it keeps it going', async () => {
    const s = await signIn('buyer');
    now = new Date(now.getTime() + 29 * 60_000);
    await t.http().get('/api/v1/me').set('Cookie', s.cookie).expect(200);
    now = new Date(now.getTime() + 29 * 60_000);
    await t.http().get('/api/v1/me').set('Cookie', s.cookie).expect(200);
    now = new Date(now.getTime() + 30 * 60_000 + 1000);
    expectProblem(await t.http().get('/api/v1/me').set('Cookie', s.cookie), 401);
    // Ended for good: going back in time does not revive it.
    now = new Date(now.getTime() - 60 * 60_000);
    expectProblem(await t.http().get('/api/v1/me').set('Cookie', s.cookie), 401);
    now = new Date(now.getTime() + 60 * 60_000);
  });

  it('acceptance 4: the absolute lifetime ends a busy session after 10 hours', async () => {
    const s = await signIn('buyer');
    for (let hour = 0; hour < 9; hour++) {
      now = new Date(now.getTime() + 20 * 60_000);
      await t.http().get('/api/v1/me').set('Cookie', s.cookie).expect(200);
      now = new Date(now.getTime() + 20 * 60_000);
      await t.http().get('/api/v1/me').set('Cookie', s.cookie).expect(200);
      now = new Date(now.getTime() + 20 * 60_000);
      await t.http().get('/api/v1/me').set('Cookie', s.cookie).expect(200);
    }
    now = new Date(now.getTime() + 29 * 60_000);
    await t.http().get('/api/v1/me').set('Cookie', s.cookie).expect(200);
    now = new Date(now.getTime() + 29 * 60_000);
    await t.http().get('/api/v1/me').set('Cookie', s.cookie).expect(200);
    // 10 hours and a minute after it began, a minute after the last request.
    now = new Date(now.getTime() + 3 * 60_000);
    expectProblem(await t.http().get('/api/v1/me').set('Cookie', s.cookie), 401);
  });

  it('signing out ends the session and clears the cookie', async () => {
    const s = await signIn('auditor');
    const out = await t
      .http()
      .delete('/api/v1/auth/session')
      .set({ Cookie: s.cookie, Origin: origin, 'X-CSRF-Token': s.csrf })
      .expect(200);
    expect(out.body).toEqual({ redirectTo: null });
    expect(String(out.headers['set-cookie'])).toMatch(/__Host-brug_session=;/);
    expectProblem(await t.http().get('/api/v1/me').set('Cookie', s.cookie), 401);
    expectProblem(await t.http().get('/api/v1/auth/session').set('Cookie', s.cookie), 401);
  });

  it('my sessions: lists mine, marks this one, and ends another', async () => {
    const email = DEMO.budgetEnergy;
    const a = await signIn(email);
    const b = await signIn(email);
    const list = await t.http().get('/api/v1/me/sessions').set('Cookie', a.cookie).expect(200);
    const items = list.body.items as { id: string; current: boolean }[];
    expect(items.length).toBeGreaterThanOrEqual(2);
    const mine = items.find((i) => i.current)!;
    const other = items.find((i) => !i.current)!;
    expect(mine).toBeDefined();
    await t
      .http()
      .delete(`/api/v1/me/sessions/${other.id}`)
      .set({ Cookie: a.cookie, Origin: origin, 'X-CSRF-Token': a.csrf })
      .expect(204);
    expectProblem(await t.http().get('/api/v1/me').set('Cookie', b.cookie), 401);
    await t.http().get('/api/v1/me').set('Cookie', a.cookie).expect(200);
    // Someone else's session is not found.
    const staff = await signIn('staff2');
    const refused = await t
      .http()
      .delete(`/api/v1/me/sessions/${mine.id}`)
      .set({ Cookie: staff.cookie, Origin: origin, 'X-CSRF-Token': staff.csrf });
    expectProblem(refused, 404);
  });

  it('an admin ends all of a user’s sessions (audited); a role change ends them too', async () => {
    const a = await signIn('buyer2');
    const b = await signIn('buyer2');
    const admin = await bearer(t, 'admin');
    const me = await t.http().get('/api/v1/me').set('Cookie', a.cookie).expect(200);
    const userId = me.body.id as string;
    await t.http().delete(`/api/v1/users/${userId}/sessions`).set(admin).expect(204);
    expectProblem(await t.http().get('/api/v1/me').set('Cookie', a.cookie), 401);
    expectProblem(await t.http().get('/api/v1/me').set('Cookie', b.cookie), 401);
    const events = await t
      .http()
      .get(`/api/v1/audit/events?action=user.sessions_ended`)
      .set(await bearer(t, 'auditor'))
      .expect(200);
    expect(events.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ subjectId: userId })]),
    );

    const c = await signIn('buyer2');
    const user = await t.http().get(`/api/v1/users/${userId}`).set(admin).expect(200);
    await t
      .http()
      .patch(`/api/v1/users/${userId}`)
      .set({ ...admin, 'If-Match': `"${user.body.version as number}"` })
      .send({ role: 'auditor', organisationUnitId: null })
      .expect(200);
    expectProblem(await t.http().get('/api/v1/me').set('Cookie', c.cookie), 401);
  });
});
