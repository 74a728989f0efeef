import { DataSource } from 'typeorm';
import { routeCase } from './support/browser';
import { bearer, fileCase } from './support/factories';
import { expectProblem } from './support/problem';
import { DEMO_PASSWORD, startTestApp, TestApp } from './support/test-app';

type View = {
  id: string;
  name: string;
  builtIn: string | null;
  shared: boolean;
  owner: { id: string; name: string } | null;
  mayChange: boolean;
  filters: Record<string, unknown>;
  sort: string;
  columns: string[];
  version: number;
};

/** Issue 19, item 1 (ADR 38): saved views of the case list, personal or shared, and built-in. */
describe('saved views', () => {
  let t: TestApp;
  let db: DataSource;
  const TEAM_MATE = 'teun.team@brug.example';

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    const admin = await bearer(t, 'admin');
    const units = await t.http().get('/api/v1/organisation-units').set(admin).expect(200);
    const energyTeam = (units.body.items as { code: string; id: string }[]).find(
      (u) => u.code === 'meentcoop-energy',
    )!;
    await t
      .http()
      .post('/api/v1/users')
      .set(admin)
      .send({
        email: TEAM_MATE,
        name: 'Teun Team',
        role: 'staff',
        organisationUnitId: energyTeam.id,
        password: DEMO_PASSWORD,
      })
      .expect(201);
  });
  afterAll(() => t.close());

  const views = async (who: string): Promise<View[]> =>
    (
      await t
        .http()
        .get('/api/v1/views')
        .set(await bearer(t, who))
        .expect(200)
    ).body.items;

  it('a view shared with the team is visible to a team mate, not to another team or a buyer', async () => {
    const staff = await bearer(t, 'staff');
    const created = await t
      .http()
      .post('/api/v1/views')
      .set(staff)
      .send({
        name: 'Energie, verlopen',
        shared: true,
        filters: { domain: 'energy', sla: ['breached'], status: ['routed', 'accepted'] },
        sort: 'deadline',
        columns: ['status', 'sla', 'deadline'],
      })
      .expect(201);
    const view = created.body as View;
    expect(created.headers.location).toBe(`/api/v1/views/${view.id}`);
    expect(created.headers.etag).toBe('"1"');
    expect(view).toMatchObject({
      name: 'Energie, verlopen',
      builtIn: null,
      shared: true,
      mayChange: true,
      filters: { status: ['routed', 'accepted'], domain: 'energy', sla: ['breached'] },
      sort: 'deadline',
      columns: ['status', 'sla', 'deadline'],
      version: 1,
    });
    const personal = (
      await t.http().post('/api/v1/views').set(staff).send({ name: 'Alleen ik' }).expect(201)
    ).body as View;
    expect(personal).toMatchObject({ shared: false, sort: '-filedAt', filters: {} });

    const mates = await views(TEAM_MATE);
    const seen = mates.find((v) => v.id === view.id);
    expect(seen).toMatchObject({ mayChange: false, owner: { name: 'Sanne Meent' } });
    expect(mates.some((v) => v.id === personal.id)).toBe(false);
    await t
      .http()
      .get(`/api/v1/views/${view.id}`)
      .set(await bearer(t, TEAM_MATE))
      .expect(200);

    for (const who of ['staff2', 'buyer', 'budgetEnergy']) {
      expect((await views(who)).some((v) => v.id === view.id || v.id === personal.id)).toBe(false);
      expectProblem(
        await t
          .http()
          .get(`/api/v1/views/${view.id}`)
          .set(await bearer(t, who)),
        404,
      );
    }
    expectProblem(
      await t
        .http()
        .get(`/api/v1/views/${personal.id}`)
        .set(await bearer(t, TEAM_MATE)),
      404,
    );

    // Only the owner changes it, at the version read.
    const mateChange = expectProblem(
      await t
        .http()
        .patch(`/api/v1/views/${view.id}`)
        .set(await bearer(t, TEAM_MATE))
        .set('If-Match', '"1"')
        .send({ name: 'Van mij' }),
      403,
    );
    expect(mateChange).toMatchObject({ code: 'forbidden', params: { reason: 'not_your_view' } });
    expectProblem(
      await t.http().patch(`/api/v1/views/${view.id}`).set(staff).send({ name: 'x' }),
      428,
    );
    const changed = await t
      .http()
      .patch(`/api/v1/views/${view.id}`)
      .set(staff)
      .set('If-Match', '"1"')
      .send({ name: 'Energie, te laat', filters: { domain: 'energy', sla: ['breached'] } })
      .expect(200);
    expect(changed.body).toMatchObject({
      name: 'Energie, te laat',
      filters: { domain: 'energy', sla: ['breached'] },
      version: 2,
    });
    expectProblem(
      await t
        .http()
        .patch(`/api/v1/views/${view.id}`)
        .set(staff)
        .set('If-Match', '"1"')
        .send({ name: 'Verouderd' }),
      412,
    );
    // Unshared: the team mate no longer sees it.
    await t
      .http()
      .patch(`/api/v1/views/${view.id}`)
      .set(staff)
      .set('If-Match', '"2"')
      .send({ shared: false })
      .expect(200);
    expect((await views(TEAM_MATE)).some((v) => v.id === view.id)).toBe(false);

    // Deleted, at its version; audited throughout.
    expectProblem(await t.http().delete(`/api/v1/views/${view.id}`).set(staff), 428);
    await t.http().delete(`/api/v1/views/${view.id}`).set(staff).set('If-Match', '"3"').expect(204);
    expectProblem(await t.http().get(`/api/v1/views/${view.id}`).set(staff), 404);
    const events = await db.query<{ action: string; change: string | null }[]>(
      `SELECT action, data::jsonb->>'change' AS change FROM audit_events
        WHERE subject_type = 'saved_view' AND subject_id = $1 ORDER BY seq`,
      [view.id],
    );
    expect(events).toEqual([
      { action: 'view.saved', change: 'created' },
      { action: 'view.saved', change: 'updated' },
      { action: 'view.saved', change: 'updated' },
      { action: 'view.deleted', change: null },
    ]);
  });

  it('buyers share with their unit; budget holders cannot share, auditors keep no views', async () => {
    const shared = (
      await t
        .http()
        .post('/api/v1/views')
        .set(await bearer(t, 'buyer'))
        .send({ name: 'Voorstellen', shared: true, filters: { status: ['proposed'] } })
        .expect(201)
    ).body as View;
    expect((await views('budgetEnergy')).some((v) => v.id === shared.id)).toBe(true);
    expect((await views('buyer2')).some((v) => v.id === shared.id)).toBe(false);

    const refused = expectProblem(
      await t
        .http()
        .post('/api/v1/views')
        .set(await bearer(t, 'budgetEnergy'))
        .send({ name: 'Gedeeld', shared: true }),
      400,
    );
    expect(refused.errors).toEqual([
      expect.objectContaining({ field: 'shared', code: 'not_shareable' }),
    ]);
    expectProblem(
      await t
        .http()
        .post('/api/v1/views')
        .set(await bearer(t, 'auditor'))
        .send({ name: 'Controle' }),
      403,
    );
  });

  it('refuses filters, sorts and columns the case list does not know, naming the field', async () => {
    const staff = await bearer(t, 'staff');
    const response = await t
      .http()
      .post('/api/v1/views')
      .set(staff)
      .send({
        name: '',
        filters: {
          status: ['nope'],
          sla: 'breached',
          assignee: 'someone',
          filedFrom: '2026-02-30',
        },
        sort: 'title',
        columns: ['status', 'secret'],
      });
    const fields = (expectProblem(response, 400).errors as { field: string }[]).map((e) => e.field);
    expect(fields.sort()).toEqual(
      [
        'name',
        'filters.status',
        'filters.sla',
        'filters.assignee',
        'filters.filedFrom',
        'sort',
        'columns',
      ].sort(),
    );
    const [count] = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM saved_views WHERE name = ''`,
    );
    expect(count!.n).toBe(0);
    expectProblem(await t.http().get('/api/v1/views/not-a-view').set(staff), 404);
    expectProblem(await t.http().get('/api/v1/views/builtin:nope').set(staff), 404);
  });

  it('offers built-in views per role, read-only, that open as case list queries', async () => {
    const staffViews = await views('staff');
    expect(staffViews.filter((v) => v.builtIn).map((v) => v.builtIn)).toEqual([
      'my_cases',
      'waiting_on_me',
      'deadline_due',
      'suspended',
      'unassigned',
    ]);
    expect(staffViews.find((v) => v.builtIn === 'waiting_on_me')!.filters).toEqual({
      status: ['routed'],
      team: 'meentcoop-energy',
    });
    expect((await views('buyer')).filter((v) => v.builtIn).map((v) => v.builtIn)).toEqual([
      'my_cases',
      'waiting_on_me',
      'deadline_due',
      'suspended',
    ]);
    const staff = await bearer(t, 'staff');
    await t.http().get('/api/v1/views/builtin:unassigned').set(staff).expect(200);
    expectProblem(
      await t
        .http()
        .patch('/api/v1/views/builtin:unassigned')
        .set(staff)
        .set('If-Match', '"0"')
        .send({ name: 'Mijn versie' }),
      403,
    );

    // The filters the built-ins need from the list: no handler, and several SLA states at once.
    const late = await fileCase(t, 'buyer', { title: 'Te laat' });
    await routeCase(t, late.id, { acceptInHours: -2 });
    const soon = await fileCase(t, 'buyer', { title: 'Bijna te laat' });
    await routeCase(t, soon.id, { acceptInHours: 5 });
    const later = await fileCase(t, 'buyer', { title: 'Ruim op tijd' });
    await routeCase(t, later.id, { acceptInHours: 200 });
    const ids = async (query: string) =>
      (
        (await t.http().get(`/api/v1/cases?pageSize=100&${query}`).set(staff).expect(200)).body
          .items as { id: string }[]
      ).map((c) => c.id);
    const both = await ids('sla=breached&sla=due_soon');
    expect(both).toEqual(expect.arrayContaining([late.id, soon.id]));
    expect(both).not.toContain(later.id);
    expect(new Set(both)).toEqual(
      new Set([...(await ids('sla=breached')), ...(await ids('sla=due_soon'))]),
    );
    const unassigned = await ids('assignee=none');
    const [expected] = await db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM cases WHERE assignee_id IS NULL',
    );
    expect(unassigned).toHaveLength(expected!.n);
    expectProblem(await t.http().get('/api/v1/cases?assignee=nobody').set(staff), 400);
    expectProblem(await t.http().get('/api/v1/cases?sla=late').set(staff), 400);
  });

  it('keeps at most 50 views per person', async () => {
    const who = await bearer(t, 'staff2');
    for (let i = 0; i < 50; i++) {
      await t
        .http()
        .post('/api/v1/views')
        .set(who)
        .send({ name: `Lijst ${i}` })
        .expect(201);
    }
    const refused = expectProblem(
      await t.http().post('/api/v1/views').set(who).send({ name: 'Nog een' }),
      409,
    );
    expect(refused).toMatchObject({ code: 'view_limit_reached', params: { max: 50 } });
  });
});
