import { expectProblem } from './support/problem';
import { startTestApp, TestApp } from './support/test-app';

describe('catalogue', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let buyer: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    admin = { Authorization: `Bearer ${await t.token('admin')}` };
    buyer = { Authorization: `Bearer ${await t.token('buyer')}` };
  });
  afterAll(() => t.close());

  it('lists the seeded domains and teams to every signed-in user', async () => {
    const domains = await t.http().get('/api/v1/domains').set(buyer).expect(200);
    expect((domains.body.items as { code: string }[]).map((d) => d.code).sort()).toEqual(
      [
        'care',
        'circular',
        'community',
        'education',
        'energy',
        'energy-poverty',
        'food',
        'housing',
        'mobility',
        'solidarity-finance',
      ].sort(),
    );
    expect(domains.body.items).toContainEqual({
      code: 'energy',
      nameNl: 'Schone energie',
      nameEn: 'Clean energy',
      active: true,
      version: 1,
    });
    const teams = await t.http().get('/api/v1/teams').set(buyer).expect(200);
    expect((teams.body.items as { code: string }[]).map((d) => d.code).sort()).toEqual([
      'meentcoop-care',
      'meentcoop-energy',
      'meentcoop-food-circular',
      'meentcoop-housing',
      'meentcoop-intake',
    ]);
    const municipal = await t
      .http()
      .get('/api/v1/organisation-units?kind=municipal')
      .set(buyer)
      .expect(200);
    expect(municipal.body.items.length).toBeGreaterThanOrEqual(2);
    expectProblem(await t.http().get('/api/v1/domains'), 401);
  });

  it('lets an admin add, rename and deactivate a domain; never delete it', async () => {
    await t
      .http()
      .post('/api/v1/domains')
      .set(admin)
      .send({ code: 'culture', nameNl: 'Cultuur', nameEn: 'Culture' })
      .expect(201);
    await t
      .http()
      .patch('/api/v1/domains/culture')
      .set({ ...admin, 'If-Match': '"1"' })
      .send({ nameEn: 'Arts and culture' })
      .expect(200);
    await t
      .http()
      .patch('/api/v1/domains/culture')
      .set({ ...admin, 'If-Match': '"2"' })
      .send({ active: false })
      .expect(200);
    const active = await t.http().get('/api/v1/domains').set(buyer).expect(200);
    expect((active.body.items as { code: string }[]).map((d) => d.code)).not.toContain('culture');
    const all = await t.http().get('/api/v1/domains?includeInactive=true').set(buyer).expect(200);
    expect(all.body.items).toContainEqual({
      code: 'culture',
      nameNl: 'Cultuur',
      nameEn: 'Arts and culture',
      active: false,
      version: 3,
    });
    // A domain is never deleted: its address answers other methods only.
    const deleted = await t.http().delete('/api/v1/domains/culture').set(admin);
    expectProblem(deleted, 405);
    expect(deleted.headers.allow).not.toContain('DELETE');
  });

  it('refuses a duplicate or malformed domain code', async () => {
    expectProblem(
      await t
        .http()
        .post('/api/v1/domains')
        .set(admin)
        .send({ code: 'energy', nameNl: 'E', nameEn: 'E' }),
      409,
    );
    for (const code of ['Energy', 'energy_poverty', '-x', 'a--b', '', 'x'.repeat(65)]) {
      const response = await t
        .http()
        .post('/api/v1/domains')
        .set(admin)
        .send({ code, nameNl: 'N', nameEn: 'N' });
      expect((expectProblem(response, 400).errors as { field: string }[])[0]?.field).toBe('code');
    }
    expectProblem(
      await t.http().patch('/api/v1/domains/nope').set(admin).send({ nameNl: 'x' }),
      404,
    );
  });

  it('lets an admin add and deactivate a team', async () => {
    const team = await t
      .http()
      .post('/api/v1/teams')
      .set(admin)
      .send({ code: 'meentcoop-mobility', name: 'MeentCoop Mobiliteit' })
      .expect(201);
    expect(team.body).toMatchObject({ kind: 'meentcoop_team', active: true });
    await t
      .http()
      .patch(`/api/v1/teams/${team.body.id}`)
      .set({ ...admin, 'If-Match': '"1"' })
      .send({ active: false })
      .expect(200);
    const teams = await t.http().get('/api/v1/teams').set(buyer).expect(200);
    expect((teams.body.items as { code: string }[]).map((x) => x.code)).not.toContain(
      'meentcoop-mobility',
    );
    // A municipal unit is not a team.
    const municipal = await t
      .http()
      .post('/api/v1/organisation-units')
      .set(admin)
      .send({ code: 'inkoop-ict', name: 'Inkoop ICT', kind: 'municipal' })
      .expect(201);
    expectProblem(await t.http().get(`/api/v1/teams/${municipal.body.id}`).set(buyer), 404);
    expectProblem(
      await t
        .http()
        .post('/api/v1/teams')
        .set(admin)
        .send({ code: 'meentcoop-energy', name: 'Dubbel' }),
      409,
    );
  });

  it('finds a team by its code in the case list once it exists, renamed too, never a municipal unit', async () => {
    const staff = { Authorization: `Bearer ${await t.token('staff')}` };
    const list = (code: string) => t.http().get(`/api/v1/cases?team=${code}`).set(staff);
    const unknown = (await list('meentcoop-culture')).body as { code: string; errors: unknown };
    expect(unknown.code).toBe('validation_failed');
    expect(unknown.errors).toEqual([
      expect.objectContaining({ field: 'team', code: 'unknown_team' }),
    ]);
    // Created after a lookup failed: found (an unknown code is not remembered).
    const team = await t
      .http()
      .post('/api/v1/teams')
      .set(admin)
      .send({ code: 'meentcoop-culture', name: 'MeentCoop Cultuur' })
      .expect(201);
    expect((await list('meentcoop-culture').expect(200)).body).toMatchObject({
      items: [],
      total: 0,
    });
    await t
      .http()
      .patch(`/api/v1/teams/${team.body.id}`)
      .set({ ...admin, 'If-Match': '"1"' })
      .send({ name: 'MeentCoop Kunst en Cultuur' })
      .expect(200);
    await list('meentcoop-culture').expect(200);
    // A municipal unit's code names no team, the first time and every time after.
    await t
      .http()
      .post('/api/v1/organisation-units')
      .set(admin)
      .send({ code: 'inkoop-cultuur', name: 'Inkoop Cultuur', kind: 'municipal' })
      .expect(201);
    for (let i = 0; i < 2; i++) {
      expect((await list('inkoop-cultuur')).body).toMatchObject({
        status: 400,
        errors: [{ field: 'team', code: 'unknown_team' }],
      });
    }
  });

  it('keeps catalogue changes for admins', async () => {
    for (const who of ['buyer', 'staff', 'budgetEnergy', 'auditor']) {
      const headers = { Authorization: `Bearer ${await t.token(who)}` };
      expectProblem(
        await t.http().post('/api/v1/teams').set(headers).send({ code: 'x-team', name: 'X' }),
        403,
      );
      expectProblem(
        await t.http().patch('/api/v1/domains/energy').set(headers).send({ active: false }),
        403,
      );
    }
  });
});
