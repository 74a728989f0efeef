import { createHmac, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ActorCache } from '../src/auth/actor-cache';
import { expectProblem } from './support/problem';
import { DEMO_PASSWORD, startTestApp, type TestApp } from './support/test-app';

const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * The actor is kept per API process between changes (ADR 47). What must hold: a change takes
 * effect on the next request after its commit, made through the API or by SQL directly (the
 * triggers' notifications), in another API process on the same database too; and while the
 * listening connection is down nothing kept is used.
 */
describe('actor cache', () => {
  let a: TestApp;
  let b: TestApp;
  let sql: Client;
  let admin: Record<string, string>;

  beforeAll(async () => {
    a = await startTestApp();
    // A second API process on the same database (its own cache, its own listener).
    b = await startTestApp({
      databaseUrl: a.config.databaseUrl,
      env: { JWT_SECRET: a.config.jwtSecret },
    });
    sql = new Client({ connectionString: a.config.databaseUrl });
    await sql.connect();
    admin = { Authorization: `Bearer ${await a.token('admin')}` };
    // The listeners start with the first request that authenticates.
    await b.http().get('/api/v1/me').set(admin).expect(200);
    for (const t of [a, b]) expect(await t.app.get(ActorCache).whenListening(10_000)).toBe(true);
  });
  afterAll(async () => {
    await sql.end();
    await b.close();
    await a.close();
  });

  const usersPage = (t: TestApp, token: string) =>
    t.http().get('/api/v1/users?pageSize=1').set('Authorization', `Bearer ${token}`);
  const me = (t: TestApp, token: string) =>
    t.http().get('/api/v1/me').set('Authorization', `Bearer ${token}`);

  /** A token as Brug issues it, at a version of the test's choosing. */
  function tokenFor(sub: string, tv: number): string {
    const iat = Math.floor(Date.now() / 1000);
    const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub, iat, exp: iat + 600, iss: 'brug', aud: 'brug-api', tv })}`;
    return `${body}.${createHmac('sha256', a.config.jwtSecret).update(body).digest('base64url')}`;
  }

  /** A new auditor with a token, already kept by both processes' caches. */
  async function keptAuditor(): Promise<{ id: string; token: string }> {
    const email = `c-${randomBytes(4).toString('hex')}@brug.example`;
    const created = await a
      .http()
      .post('/api/v1/users')
      .set(admin)
      .send({ email, name: 'Kept', role: 'auditor', password: DEMO_PASSWORD })
      .expect(201);
    const token = await a.token(email);
    for (const t of [a, b]) {
      await me(t, token).expect(200);
      expectProblem(await usersPage(t, token), 403);
    }
    return { id: created.body.id as string, token };
  }

  const stats = (t: TestApp) => t.app.get(ActorCache).stats();
  const lookups = (t: TestApp, result: 'hit' | 'miss' | 'bypass'): number => stats(t)[result];
  const invalidations = (t: TestApp): number => stats(t).invalidations;

  /**
   * Makes a change and waits (at most 5 s) until each process has received a notification
   * after it: the window ADR 47 accepts is the notification's way from the commit to the
   * process, and a change that notifies no one fails here.
   */
  async function changeAndDeliver(
    change: () => Promise<unknown>,
    processes: TestApp[] = [a, b],
  ): Promise<void> {
    const before = processes.map(invalidations);
    await change();
    const deadline = Date.now() + 5000;
    for (const [i, t] of processes.entries()) {
      while (invalidations(t) === before[i] && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 2));
      }
      expect(invalidations(t)).toBeGreaterThan(before[i]!);
    }
  }

  it('keeps the actor: repeated requests with one token are hits, not reads', async () => {
    const user = await keptAuditor();
    const [hits, misses] = [lookups(a, 'hit'), lookups(a, 'miss')];
    for (let i = 0; i < 3; i++) await me(a, user.token).expect(200);
    expect(lookups(a, 'hit')).toBe(hits + 3);
    expect(lookups(a, 'miss')).toBe(misses);
    const metrics = (await a.http().get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/^brug_actor_cache_listening 1$/m);
    expect(metrics).toMatch(/^brug_actor_cache_lookups_total\{result="hit"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^brug_actor_cache_entries [1-9]\d*$/m);
  });

  it('a deactivation through the API refuses the next request, in both processes', async () => {
    const user = await keptAuditor();
    const current = await a.http().get(`/api/v1/users/${user.id}`).set(admin).expect(200);
    const patch = () =>
      a
        .http()
        .patch(`/api/v1/users/${user.id}`)
        .set({ ...admin, 'If-Match': String(current.headers.etag) })
        .send({ active: false })
        .expect(200);
    await changeAndDeliver(async () => {
      await patch();
      // The process that made the change forgets the actor once the change has committed,
      // before it answers: it needs no notification.
      expectProblem(await me(a, user.token), 401);
    }, [b]);
    // The other process learns it from the notification.
    expectProblem(await me(b, user.token), 401);
  });

  it('a deactivation by SQL alone (no new token version) refuses the next request once notified', async () => {
    const user = await keptAuditor();
    await changeAndDeliver(() =>
      sql.query('UPDATE users SET active = false WHERE id = $1', [user.id]),
    );
    expectProblem(await me(a, user.token), 401);
    expectProblem(await me(b, user.token), 401);
  });

  it('a role change by SQL alone gives the new role once notified', async () => {
    const user = await keptAuditor();
    await changeAndDeliver(() =>
      sql.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [user.id]),
    );
    await usersPage(a, user.token).expect(200);
    await usersPage(b, user.token).expect(200);
    await changeAndDeliver(() =>
      sql.query(`UPDATE users SET role = 'auditor' WHERE id = $1`, [user.id]),
    );
    expectProblem(await usersPage(b, user.token), 403);
    expectProblem(await usersPage(a, user.token), 403);
  });

  it('a password reset by SQL ends the token once notified; a token of the new version works at once', async () => {
    const user = await keptAuditor();
    await changeAndDeliver(() =>
      sql.query('UPDATE users SET token_version = token_version + 1 WHERE id = $1', [user.id]),
    );
    expectProblem(await me(a, user.token), 401);
    expectProblem(await me(b, user.token), 401);
    await me(a, tokenFor(user.id, 1)).expect(200);
    await me(b, tokenFor(user.id, 1)).expect(200);
  });

  it('a password reset through the API: the old token is refused, a new one works at once', async () => {
    const user = await keptAuditor();
    await a
      .http()
      .put(`/api/v1/users/${user.id}/password`)
      .set(admin)
      .send({ password: 'a-brand-new-password' })
      .expect(204);
    // The other process still keeps version 0: the new token's version is read, not refused.
    await me(b, tokenFor(user.id, 1)).expect(200);
    expectProblem(await me(b, user.token), 401);
    expectProblem(await me(a, user.token), 401);
  });

  it('a change of the domains notifies (the user_domains trigger), committed only', async () => {
    const user = await keptAuditor();
    const listener = new Client({ connectionString: a.config.databaseUrl });
    await listener.connect();
    try {
      const heard: string[] = [];
      listener.on('notification', (m) => heard.push(m.payload ?? ''));
      await listener.query('LISTEN brug_actor_changed');
      await sql.query('BEGIN');
      await sql.query(`INSERT INTO user_domains (user_id, domain_code) VALUES ($1, 'energy')`, [
        user.id,
      ]);
      await sql.query('ROLLBACK');
      await sql.query(`INSERT INTO user_domains (user_id, domain_code) VALUES ($1, 'energy')`, [
        user.id,
      ]);
      await sql.query(`DELETE FROM user_domains WHERE user_id = $1`, [user.id]);
      // A change the actor does not hold notifies nobody.
      await sql.query(`UPDATE users SET password_hash = password_hash WHERE id = $1`, [user.id]);
      await listener.query('SELECT 1');
      const deadline = Date.now() + 5000;
      while (heard.length < 2 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      await new Promise((r) => setTimeout(r, 200));
      expect(heard).toEqual([user.id, user.id]);
    } finally {
      await listener.end();
    }
  });

  it('with the listening connection ended, nothing kept is used; then it listens and keeps again', async () => {
    const user = await keptAuditor();
    const cache = a.app.get(ActorCache);
    const pid = await cache.listenerPid();
    expect(pid).not.toBeNull();
    // The deactivation commits after the listener is gone: its notification reaches no one,
    // so only dropping everything kept when the connection drops can refuse the next request.
    const drops = cache.stats().drops;
    await sql.query('BEGIN');
    await sql.query('UPDATE users SET active = false WHERE id = $1', [user.id]);
    await sql.query('SELECT pg_terminate_backend($1, 5000)', [pid]);
    await sql.query('COMMIT');
    const deadline = Date.now() + 5000;
    while (cache.stats().drops === drops && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(cache.stats().drops).toBe(drops + 1);
    expectProblem(await me(a, user.token), 401);
    expect(await cache.whenListening(15_000)).toBe(true);
    expect(await cache.listenerPid()).not.toBe(pid);
    // Keeping again: a second request of a valid token is a hit.
    const other = await keptAuditor();
    const hits = lookups(a, 'hit');
    await me(a, other.token).expect(200);
    expect(lookups(a, 'hit')).toBe(hits + 1);
    expectProblem(await me(a, user.token), 401);
  });
});
