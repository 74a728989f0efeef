import type { ChainedAuditEvent } from '../src/audit/hash-chain';
import { CasesService } from '../src/cases/cases.service';
import { CatalogueService } from '../src/catalogue/catalogue.service';
import { UsersService } from '../src/auth/users.service';
import { bearer, fileCase, MODEL_CASE, transition } from './support/factories';
import { expectProblem } from './support/problem';
import { listRoutes } from './support/routes';
import { DEMO, DEMO_PASSWORD, startTestApp, TestApp } from './support/test-app';

type Event = ChainedAuditEvent;

describe('audit trail', () => {
  let t: TestApp;
  let auditor: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    auditor = await bearer(t, 'auditor');
  });
  afterAll(async () => {
    await t.close();
  });

  async function allEvents(query = ''): Promise<Event[]> {
    const items: Event[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/audit/events?pageSize=500${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await t.http().get(url).set(auditor).expect(200);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return items;
  }

  async function route(caseId: string): Promise<void> {
    const team = await t.app.get(CatalogueService).findUnitByCode('meentcoop-energy');
    const staffId = await t.app.get(UsersService).findIdByEmail(DEMO.staff);
    await t.app.get(CasesService).route(caseId, {
      teamId: team!.id,
      koppelMeentcoopId: staffId!,
      acceptBy: new Date(Date.now() + 86400_000),
      proposeBy: new Date(Date.now() + 10 * 86400_000),
    });
  }

  it('records every action with its actor, subject and data', async () => {
    const c = await fileCase(t);
    const buyer = await bearer(t, 'buyer');
    const staff = await bearer(t, 'staff');
    await t
      .http()
      .patch(`/api/v1/cases/${c.id}`)
      .set({ ...buyer, 'If-Match': '"1"' })
      .send({ title: 'Energiebespaarservice, herzien' })
      .expect(200);
    await route(c.id);
    const staff2Id = await t.app.get(UsersService).findIdByEmail(DEMO.staff2);
    await t
      .http()
      .patch(`/api/v1/cases/${c.id}`)
      .set({ ...staff, 'If-Match': '"3"' })
      .send({ assigneeId: staff2Id })
      .expect(200);
    await t
      .http()
      .post(`/api/v1/cases/${c.id}/notes`)
      .set(staff)
      .send({ body: 'Eerste gesprek gepland', visibility: 'internal' })
      .expect(201);
    await transition(t, 'staff', c.id, 4, { to: 'accepted' });
    const admin = await bearer(t, 'admin');
    const user = await t
      .http()
      .post('/api/v1/users')
      .set(admin)
      .send({
        email: 'nieuw@brug.example',
        name: 'Nieuw',
        role: 'auditor',
        password: DEMO_PASSWORD,
      })
      .expect(201);
    await t
      .http()
      .patch(`/api/v1/users/${user.body.id}`)
      .set({ ...admin, 'If-Match': '"1"' })
      .send({ name: 'Nieuwe Naam' })
      .expect(200);
    await t
      .http()
      .put(`/api/v1/users/${user.body.id}/password`)
      .set(admin)
      .send({ password: 'another-password-1' })
      .expect(204);
    await t
      .http()
      .patch('/api/v1/domains/mobility')
      .set({ ...admin, 'If-Match': '"1"' })
      .send({ nameEn: 'Mobility and transport' })
      .expect(200);

    const caseEvents = (
      await t.http().get(`/api/v1/cases/${c.reference}/audit`).set(auditor).expect(200)
    ).body.items as Event[];
    const byAction = (a: string) => caseEvents.filter((e) => e.action === a);
    expect(caseEvents.map((e) => e.action)).toEqual([
      'case.filed',
      'case.updated',
      'case.transitioned',
      'case.assigned',
      'note.added',
      'case.transitioned',
    ]);
    expect(byAction('case.filed')[0]).toMatchObject({
      actorId: c.filedBy && (c.filedBy as { id: string }).id,
      actorRole: 'buyer',
      actorName: 'Bo Inkoper',
      subjectType: 'case',
      subjectId: c.id,
      caseId: c.id,
      data: { reference: c.reference, title: MODEL_CASE.title, to: 'filed' },
    });
    expect(byAction('case.updated')[0]!.data).toEqual({
      changes: { title: { old: MODEL_CASE.title, new: 'Energiebespaarservice, herzien' } },
    });
    // Routing is a transition like any other (issue 14): one action, `case.transitioned`.
    expect(byAction('case.transitioned')[0]).toMatchObject({
      actorId: null,
      actorRole: 'system',
      data: { from: 'filed', to: 'routed', reason: null },
    });
    expect(byAction('case.assigned')[0]).toMatchObject({
      actorRole: 'staff',
      data: { from: null, to: staff2Id },
    });
    expect(byAction('note.added')[0]).toMatchObject({
      subjectType: 'note',
      data: { visibility: 'internal', body: 'Eerste gesprek gepland' },
    });
    expect(byAction('case.transitioned')[1]).toMatchObject({
      actorName: 'Sanne Meent',
      data: { from: 'routed', to: 'accepted', reason: null },
    });

    const userEvents = await allEvents(`&subjectType=user&subjectId=${user.body.id}`);
    expect(userEvents.map((e) => e.action)).toEqual([
      'user.created',
      'user.updated',
      'user.password_set',
    ]);
    expect(userEvents[0]).toMatchObject({
      actorRole: 'admin',
      actorName: 'Ada Beheerder',
      data: { email: 'nieuw@brug.example', role: 'auditor', passwordSet: true },
    });
    expect(userEvents[1]!.data).toMatchObject({
      changes: { name: { old: 'Nieuw', new: 'Nieuwe Naam' } },
    });
    const domainEvents = await allEvents('&action=catalogue.changed&subjectId=mobility');
    expect(domainEvents.at(-1)).toMatchObject({
      subjectType: 'domain',
      data: {
        change: 'updated',
        changes: { nameEn: { old: 'Mobility', new: 'Mobility and transport' } },
      },
    });
    // Never a password or its hash, anywhere in the trail.
    const everything = JSON.stringify(await allEvents());
    expect(everything).not.toContain(DEMO_PASSWORD);
    expect(everything).not.toContain('another-password-1');
    expect(everything).not.toMatch(/\$argon2/);
  });

  it('never disagrees with the status history of a case', async () => {
    for (let i = 0; i < 3; i++) {
      const c = await fileCase(t);
      await route(c.id);
      await transition(t, 'staff', c.id, 2, { to: 'accepted' });
      if (i > 0) {
        await transition(t, 'staff', c.id, 3, { to: 'declined', reason: `Reden ${i}` });
      }
      const history = (await t.http().get(`/api/v1/cases/${c.id}/history`).set(auditor).expect(200))
        .body.items as {
        from: string | null;
        to: string;
        actor: { id: string | null; role: string };
        reason: string | null;
      }[];
      const trail = (
        (await t.http().get(`/api/v1/cases/${c.id}/audit`).set(auditor).expect(200)).body
          .items as Event[]
      )
        .filter((e) => ['case.filed', 'case.transitioned'].includes(e.action))
        .map((e) => ({
          from: e.action === 'case.filed' ? null : e.data.from,
          to: e.data.to,
          actor: { id: e.actorId, role: e.actorRole },
          reason: e.action === 'case.transitioned' ? e.data.reason : null,
        }));
      expect(trail).toEqual(
        history.map((h) => ({
          from: h.from,
          to: h.to,
          actor: { id: h.actor.id, role: h.actor.role },
          reason: h.reason,
        })),
      );
    }
  });

  // The trail as a verifiable log (issue 15): test/audit-log.test.ts (1,000 changes, bundles,
  // erasure), test/audit-log-tamper.test.ts (tampering), test/audit-sequencer.test.ts.

  it('is read-only for auditors: every mutating route answers 403', async () => {
    // A person's own second factor is part of signing in, not a record: an auditor may be
    // required to have one (MFA_REQUIRED_ROLES, ADR 35), so they set it up themselves.
    // Their own web sessions too (issue 17, ADR 34): signing out, ending one of their sessions.
    const ownSecondFactor = (path: string): boolean =>
      path.startsWith('/me/second-factor') ||
      path === '/auth/session' ||
      path.startsWith('/me/sessions');
    const mutating = listRoutes(t.app).filter(
      (r) =>
        !['GET', 'HEAD', 'OPTIONS'].includes(r.method) &&
        r.rule !== 'public' &&
        !ownSecondFactor(r.path),
    );
    expect(mutating.length).toBeGreaterThan(10);
    for (const route of mutating) {
      const path = `/api/v1${route.path.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000')}`;
      const call = t
        .http()
        [route.method.toLowerCase() as 'post' | 'patch' | 'put' | 'delete'](path);
      const response = await call.set(auditor).set('If-Match', '"1"').send({});
      expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 403,
      });
      expectProblem(response, 403);
    }
  });

  it('answers bad audit queries with 400', async () => {
    expectProblem(await t.http().get('/api/v1/audit/verify?expectHead=12').set(auditor), 400);
    expectProblem(await t.http().get('/api/v1/audit/events?actorId=x').set(auditor), 400);
    expectProblem(await t.http().get('/api/v1/audit/events?cursor=abc').set(auditor), 400);
    expectProblem(await t.http().get('/api/v1/audit/export?fromSeq=0').set(auditor), 400);
    expectProblem(
      await t
        .http()
        .get('/api/v1/audit/events')
        .set(await bearer(t, 'staff')),
      403,
    );
  });
});
