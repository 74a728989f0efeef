import { DataSource } from 'typeorm';
import { expectProblem } from './support/problem';
import { DEMO_PASSWORD, startTestApp, TestApp } from './support/test-app';

describe('user administration', () => {
  let t: TestApp;
  let admin: string;
  let units: Record<string, string>;
  const auth = () => ({ Authorization: `Bearer ${admin}` });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.token('admin');
    const list = await t.http().get('/api/v1/organisation-units').set(auth()).expect(200);
    units = Object.fromEntries(
      (list.body.items as { code: string; id: string }[]).map((u) => [u.code, u.id]),
    );
  });
  afterAll(() => t.close());

  it('creates a user who can then sign in, with Location', async () => {
    const response = await t
      .http()
      .post('/api/v1/users')
      .set(auth())
      .send({
        email: 'N.Nieuw@Amsterdam.example',
        name: 'Noor Nieuw',
        role: 'buyer',
        organisationUnitId: units['inkoop-sociaal-domein'],
        password: 'a-long-enough-password',
      })
      .expect(201);
    expect(response.body).toMatchObject({
      email: 'n.nieuw@amsterdam.example',
      role: 'buyer',
      active: true,
      domains: [],
      organisationUnit: { code: 'inkoop-sociaal-domein' },
    });
    expect(response.headers.location).toBe(`/api/v1/users/${response.body.id}`);
    expect(JSON.stringify(response.body)).not.toMatch(/password/i);
    await t
      .http()
      .post('/api/v1/auth/token')
      .send({ email: 'n.nieuw@amsterdam.example', password: 'a-long-enough-password' })
      .expect(200);
  });

  it('refuses a second user with the same email in another case (409)', async () => {
    const response = await t
      .http()
      .post('/api/v1/users')
      .set(auth())
      .send({ email: 'BUYER@brug.example', name: 'Dubbel', role: 'auditor' });
    expect(expectProblem(response, 409).errors).toEqual([
      { field: 'email', code: 'in_use', message: 'is already in use' },
    ]);
  });

  it.each([
    [{ email: 'x@y.example', name: 'X', role: 'buyer' }, 'organisationUnitId'],
    [{ email: 'x@y.example', name: 'X', role: 'wizard' }, 'role'],
    [{ email: 'not-an-email', name: 'X', role: 'auditor' }, 'email'],
    [{ email: 'x@y.example', name: '', role: 'auditor' }, 'name'],
    [{ email: 'x@y.example', name: 'X', role: 'budget_holder' }, 'domains'],
    [{ email: 'x@y.example', name: 'X', role: 'budget_holder', domains: ['nope'] }, 'domains[0]'],
    [{ email: 'x@y.example', name: 'X', role: 'auditor', password: 'short' }, 'password'],
    [
      { email: 'x@y.example', name: 'X', role: 'auditor', organisationUnitId: 'abc' },
      'organisationUnitId',
    ],
  ])('refuses %j naming %s', async (body, field) => {
    const response = await t.http().post('/api/v1/users').set(auth()).send(body);
    const problem = expectProblem(response, 400);
    expect((problem.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    const list = await t.http().get('/api/v1/users?pageSize=100').set(auth()).expect(200);
    expect((list.body.items as { email: string }[]).map((u) => u.email)).not.toContain(
      'x@y.example',
    );
  });

  it('updates role, unit and domains together, checking the result', async () => {
    const created = await t
      .http()
      .post('/api/v1/users')
      .set(auth())
      .send({ email: 'wissel@brug.example', name: 'Wissel', role: 'auditor' })
      .expect(201);
    const id = created.body.id as string;
    const updated = await t
      .http()
      .patch(`/api/v1/users/${id}`)
      .set({ ...auth(), 'If-Match': '"1"' })
      .send({
        role: 'budget_holder',
        domains: ['care', 'food'],
        organisationUnitId: units['inkoop-duurzaamheid'],
      })
      .expect(200);
    expect(updated.body).toMatchObject({ role: 'budget_holder', domains: ['care', 'food'] });
    expect(updated.body.version).toBe(2);
    // Becoming staff while still holding domains and sitting in a municipal unit is refused.
    const refused = await t
      .http()
      .patch(`/api/v1/users/${id}`)
      .set({ ...auth(), 'If-Match': '"2"' })
      .send({ role: 'staff' });
    expectProblem(refused, 400);
    const unchanged = await t.http().get(`/api/v1/users/${id}`).set(auth()).expect(200);
    expect(unchanged.body.role).toBe('budget_holder');
  });

  it('deactivating a user ends their sign-in and their tokens; nothing is deleted', async () => {
    await t
      .http()
      .post('/api/v1/users')
      .set(auth())
      .send({ email: 'weg@brug.example', name: 'Weg', role: 'auditor', password: DEMO_PASSWORD })
      .expect(201);
    const token = await t.token('weg@brug.example');
    const me = await t.http().get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(200);
    await t
      .http()
      .patch(`/api/v1/users/${me.body.id}`)
      .set({ ...auth(), 'If-Match': '"1"' })
      .send({ active: false })
      .expect(200);
    expectProblem(await t.http().get('/api/v1/me').set('Authorization', `Bearer ${token}`), 401);
    expectProblem(
      await t
        .http()
        .post('/api/v1/auth/token')
        .send({ email: 'weg@brug.example', password: DEMO_PASSWORD }),
      401,
    );
    const deleted = await t.http().delete(`/api/v1/users/${me.body.id}`).set(auth());
    // There is no way to delete a user: the address answers other methods only.
    expectProblem(deleted, 405);
    expect(deleted.headers.allow).not.toContain('DELETE');
    const still = await t.http().get(`/api/v1/users/${me.body.id}`).set(auth()).expect(200);
    expect(still.body.active).toBe(false);
  });

  it('setting a password ends the tokens issued before it', async () => {
    const created = await t
      .http()
      .post('/api/v1/users')
      .set(auth())
      .send({
        email: 'reset@brug.example',
        name: 'Reset',
        role: 'auditor',
        password: DEMO_PASSWORD,
      })
      .expect(201);
    const old = await t.token('reset@brug.example');
    // Tokens carry whole seconds; make sure the change lands in a later second.
    await new Promise((r) => setTimeout(r, 1100));
    await t
      .http()
      .put(`/api/v1/users/${created.body.id}/password`)
      .set(auth())
      .send({ password: 'a-brand-new-password' })
      .expect(204);
    expectProblem(await t.http().get('/api/v1/me').set('Authorization', `Bearer ${old}`), 401);
    await t
      .http()
      .post('/api/v1/auth/token')
      .send({ email: 'reset@brug.example', password: 'a-brand-new-password' })
      .expect(200);
  });

  it('lets users change their own password only with the current one', async () => {
    await t
      .http()
      .post('/api/v1/users')
      .set(auth())
      .send({
        email: 'zelf@brug.example',
        name: 'Zelf',
        role: 'budget_holder',
        domains: ['care'],
        password: DEMO_PASSWORD,
      })
      .expect(201);
    const token = await t.token('zelf@brug.example');
    const wrong = await t
      .http()
      .put('/api/v1/me/password')
      .set('Authorization', `Bearer ${token}`)
      .send({ currentPassword: 'nope', newPassword: 'another-long-password' });
    expectProblem(wrong, 403);
    await t
      .http()
      .put('/api/v1/me/password')
      .set('Authorization', `Bearer ${token}`)
      .send({ currentPassword: DEMO_PASSWORD, newPassword: 'another-long-password' })
      .expect(204);
    await t
      .http()
      .post('/api/v1/auth/token')
      .send({ email: 'zelf@brug.example', password: 'another-long-password' })
      .expect(200);
  });

  it('lists users in keyset pages that together hold everyone exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/users?pageSize=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await t.http().get(url).set(auth()).expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...(page.body.items as { email: string }[]).map((u) => u.email));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort());
    expect(seen).toEqual(expect.arrayContaining(['admin@brug.example', 'auditor@brug.example']));
    const all = await t.http().get('/api/v1/users?pageSize=100').set(auth()).expect(200);
    expect(seen).toHaveLength(all.body.items.length);
    const budget = await t
      .http()
      .get('/api/v1/users?role=budget_holder&pageSize=100')
      .set(auth())
      .expect(200);
    expect((budget.body.items as { role: string }[]).every((u) => u.role === 'budget_holder')).toBe(
      true,
    );
  });

  it('lists the members of one unit in keyset pages, and finds one user by email', async () => {
    const team = units['meentcoop-energy']!;
    const made: string[] = [];
    for (const n of [1, 2, 3]) {
      const email = `member-${n}@energy.example`;
      await t
        .http()
        .post('/api/v1/users')
        .set(auth())
        .send({ email, name: `Lid ${n}`, role: 'staff', organisationUnitId: team })
        .expect(201);
      made.push(email);
    }
    const seen: { email: string; organisationUnit: { id: string } | null }[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: typeof seen; nextCursor: string | null } } = await t
        .http()
        .get('/api/v1/users')
        .query({ organisationUnitId: team, pageSize: 2, ...(cursor ? { cursor } : {}) })
        .set(auth())
        .expect(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.every((u) => u.organisationUnit?.id === team)).toBe(true);
    expect(seen.map((u) => u.email)).toEqual(expect.arrayContaining(made));
    expect(seen.map((u) => u.email)).toEqual([...seen.map((u) => u.email)].sort());
    const db = t.app.get(DataSource);
    const [counted] = await db.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM users WHERE organisation_unit_id = $1`,
      [team],
    );
    expect(seen).toHaveLength(Number(counted!.n));

    // By email, in any case: exactly that user, or none.
    const one = await t
      .http()
      .get('/api/v1/users')
      .query({ email: 'Member-2@Energy.example' })
      .set(auth())
      .expect(200);
    expect((one.body.items as { email: string }[]).map((u) => u.email)).toEqual([
      'member-2@energy.example',
    ]);
    const none = await t
      .http()
      .get('/api/v1/users')
      .query({ email: 'nobody@energy.example' })
      .set(auth())
      .expect(200);
    expect(none.body.items).toEqual([]);
    expectProblem(await t.http().get('/api/v1/users?organisationUnitId=energy').set(auth()), 400);
  });

  it('reads a unit’s members through an index, in its order (no sort, no scan of users)', async () => {
    const db = t.app.get(DataSource);
    const runner = db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      // Few rows in a test database: forbid the sequential scan to see what the index can serve.
      await runner.query('SET LOCAL enable_seqscan = off');
      const [explained] = (await runner.query(
        `EXPLAIN (FORMAT JSON) SELECT id FROM users
          WHERE organisation_unit_id = $1 AND email > $2 ORDER BY email LIMIT 51`,
        [units['meentcoop-energy'], 'a'],
      )) as { 'QUERY PLAN': unknown[] }[];
      const text = JSON.stringify(explained!['QUERY PLAN']);
      expect(text).toContain('users_unit_email_idx');
      expect(text).not.toContain('"Sort"');
      await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
  });

  it('answers a forged or foreign cursor with 400', async () => {
    const page = await t.http().get('/api/v1/users?pageSize=2').set(auth()).expect(200);
    const cursor = page.body.nextCursor as string;
    expectProblem(await t.http().get(`/api/v1/users?cursor=${cursor}x`).set(auth()), 400);
    // A cursor of one filter does not work for another.
    expectProblem(
      await t.http().get(`/api/v1/users?pageSize=2&role=admin&cursor=${cursor}`).set(auth()),
      400,
    );
    expectProblem(await t.http().get('/api/v1/users?pageSize=1000').set(auth()), 400);
    expectProblem(await t.http().get('/api/v1/users?active=yes').set(auth()), 400);
  });
});
