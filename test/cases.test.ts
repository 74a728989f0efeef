import { DataSource } from 'typeorm';
import { CasesService } from '../src/cases/cases.service';
import { CatalogueService } from '../src/catalogue/catalogue.service';
import { UsersService } from '../src/auth/users.service';
import { bearer, fileCase, MODEL_CASE } from './support/factories';
import { expectProblem } from './support/problem';
import { DEMO, startTestApp, TestApp } from './support/test-app';

describe('cases', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** Routes a filed case as the workflow would (the API does not offer filed → routed). */
  async function route(caseId: string): Promise<void> {
    const team = await t.app.get(CatalogueService).findUnitByCode('meentcoop-energy');
    const staffId = await t.app.get(UsersService).findIdByEmail(DEMO.staff);
    const now = Date.now();
    const routed = await t.app.get(CasesService).route(caseId, {
      teamId: team!.id,
      koppelMeentcoopId: staffId!,
      acceptBy: new Date(now + 2 * 86400_000),
      proposeBy: new Date(now + 15 * 86400_000),
    });
    expect(routed).toBe(true);
  }

  it('files the model case, finds it by id and by reference, with its history', async () => {
    const response = await t
      .http()
      .post('/api/v1/cases')
      .set(await bearer(t, 'buyer'))
      .send(MODEL_CASE)
      .expect(201);
    const body = response.body;
    expect(response.headers.location).toBe(`/api/v1/cases/${body.id}`);
    expect(response.headers.etag).toBe('"1"');
    expect(body).toMatchObject({
      reference: expect.stringMatching(/^BRUG-\d{4}-\d{6}$/),
      title: MODEL_CASE.title,
      status: 'filed',
      crossDomain: true,
      estimatedValueCents: 120_000_000,
      priority: 'high',
      deadline: '2027-03-01',
      procurementStage: 'planning',
      tenderReference: 'TN-2026-0815',
      team: null,
      assignee: null,
      koppel: null,
      sla: [],
      version: 1,
      filedBy: { name: 'Bo Inkoper' },
      organisationUnit: { name: 'Inkoop Duurzaamheid en Energie' },
    });
    expect(body.domains).toEqual(expect.arrayContaining(MODEL_CASE.domains));
    expect(body.domains[0]).toEqual({ code: 'energy', role: 'lead' });

    const byId = await t
      .http()
      .get(`/api/v1/cases/${body.id}`)
      .set(await bearer(t, 'buyer'))
      .expect(200);
    expect(byId.headers.etag).toBe('"1"');
    const byRef = await t
      .http()
      .get(`/api/v1/cases/${body.reference}`)
      .set(await bearer(t, 'staff'))
      .expect(200);
    expect(byRef.body.id).toBe(body.id);
    expect(byId.body).toEqual({ ...body });

    const history = await t
      .http()
      .get(`/api/v1/cases/${body.reference}/history`)
      .set(await bearer(t, 'buyer'))
      .expect(200);
    expect(history.body.items).toEqual([
      {
        from: null,
        to: 'filed',
        at: expect.any(String),
        actor: { id: body.filedBy.id, name: 'Bo Inkoper', role: 'buyer' },
        reason: null,
      },
    ]);
  });

  it('numbers references per year without gaps between filings', async () => {
    const a = await fileCase(t);
    const b = await fileCase(t);
    const n = (ref: string) => Number(ref.split('-')[2]);
    expect(n(b.reference)).toBe(n(a.reference) + 1);
    expect(a.reference.split('-')[1]).toBe(
      new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(
        new Date(),
      ),
    );
  });

  it('lets an admin file for a named municipal unit, and no one else file at all', async () => {
    const units = await t
      .http()
      .get('/api/v1/organisation-units?kind=municipal')
      .set(await bearer(t, 'admin'));
    const unitId = units.body.items[0].id;
    const filed = await fileCase(t, 'admin', { organisationUnitId: unitId });
    expect(filed.organisationUnit).toMatchObject({ id: unitId });
    expectProblem(
      await t
        .http()
        .post('/api/v1/cases')
        .set(await bearer(t, 'admin'))
        .send(MODEL_CASE),
      400,
    );
    for (const who of ['staff', 'budgetEnergy', 'auditor']) {
      expectProblem(
        await t
          .http()
          .post('/api/v1/cases')
          .set(await bearer(t, who))
          .send(MODEL_CASE),
        403,
      );
    }
    const otherUnit = units.body.items.find(
      (u: { id: string; name: string }) => u.name !== 'Inkoop Duurzaamheid en Energie',
    ).id;
    expectProblem(
      await t
        .http()
        .post('/api/v1/cases')
        .set(await bearer(t, 'buyer'))
        .send({ ...MODEL_CASE, organisationUnitId: otherUnit }),
      403,
    );
  });

  describe('idempotency', () => {
    it('returns the first response for a replay with the same key and body', async () => {
      const headers = { ...(await bearer(t, 'buyer')), 'Idempotency-Key': 'replay-1' };
      const first = await t.http().post('/api/v1/cases').set(headers).send(MODEL_CASE).expect(201);
      const second = await t.http().post('/api/v1/cases').set(headers).send(MODEL_CASE).expect(201);
      expect(second.body).toEqual(first.body);
      expect(second.headers.location).toBe(first.headers.location);
      const db = t.app.get(DataSource);
      const [{ n }] = await db.query('SELECT count(*)::int AS n FROM cases WHERE id = $1', [
        first.body.id,
      ]);
      expect(n).toBe(1);
      const [{ m }] = await db.query(
        `SELECT count(*)::int AS m FROM outbox_events WHERE type = 'case.filed' AND payload->>'caseId' = $1`,
        [first.body.id],
      );
      expect(m).toBe(1);
    });

    it('refuses the same key with another body (422)', async () => {
      const headers = { ...(await bearer(t, 'buyer')), 'Idempotency-Key': 'replay-2' };
      await t.http().post('/api/v1/cases').set(headers).send(MODEL_CASE).expect(201);
      const other = await t
        .http()
        .post('/api/v1/cases')
        .set(headers)
        .send({ ...MODEL_CASE, title: 'Een andere vraag' });
      expectProblem(other, 422);
    });

    it('files once when the same key arrives twice at the same moment', async () => {
      const headers = { ...(await bearer(t, 'buyer')), 'Idempotency-Key': 'race-1' };
      const [a, b] = await Promise.all([
        t.http().post('/api/v1/cases').set(headers).send(MODEL_CASE),
        t.http().post('/api/v1/cases').set(headers).send(MODEL_CASE),
      ]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.id).toBe(b.body.id);
    });

    it('keeps keys per caller: another buyer may use the same key', async () => {
      const key = { 'Idempotency-Key': 'shared-key' };
      const a = await t
        .http()
        .post('/api/v1/cases')
        .set({ ...(await bearer(t, 'buyer')), ...key })
        .send(MODEL_CASE)
        .expect(201);
      const b = await t
        .http()
        .post('/api/v1/cases')
        .set({ ...(await bearer(t, 'buyer2')), ...key })
        .send(MODEL_CASE)
        .expect(201);
      expect(a.body.id).not.toBe(b.body.id);
    });
  });

  describe('optimistic locking', () => {
    it('asks for If-Match (428) and refuses a stale one (412)', async () => {
      const c = await fileCase(t);
      const buyer = await bearer(t, 'buyer');
      expectProblem(
        await t.http().patch(`/api/v1/cases/${c.id}`).set(buyer).send({ title: 'Nieuwe titel' }),
        428,
      );
      const ok = await t
        .http()
        .patch(`/api/v1/cases/${c.id}`)
        .set({ ...buyer, 'If-Match': '"1"' })
        .send({ title: 'Nieuwe titel' })
        .expect(200);
      expect(ok.headers.etag).toBe('"2"');
      expect(ok.body).toMatchObject({ title: 'Nieuwe titel', version: 2 });
      const stale = await t
        .http()
        .patch(`/api/v1/cases/${c.id}`)
        .set({ ...buyer, 'If-Match': '"1"' })
        .send({ title: 'Nog een titel' });
      expect(expectProblem(stale, 412).currentVersion).toBe(2);
      expectProblem(
        await t
          .http()
          .patch(`/api/v1/cases/${c.id}`)
          .set({ ...buyer, 'If-Match': 'abc' })
          .send({ title: 'Titel x' }),
        400,
      );
      expectProblem(
        await t
          .http()
          .post(`/api/v1/cases/${c.id}/transitions`)
          .set(buyer)
          .send({ to: 'withdrawn', reason: 'x' }),
        428,
      );
    });

    it('lets exactly one of two concurrent PATCHes of one version through', async () => {
      const c = await fileCase(t);
      const headers = { ...(await bearer(t, 'buyer')), 'If-Match': '"1"' };
      const results = await Promise.all([
        t.http().patch(`/api/v1/cases/${c.id}`).set(headers).send({ title: 'Titel van A' }),
        t.http().patch(`/api/v1/cases/${c.id}`).set(headers).send({ title: 'Titel van B' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
      const winner = results.find((r) => r.status === 200)!;
      const now = await t
        .http()
        .get(`/api/v1/cases/${c.id}`)
        .set(await bearer(t, 'buyer'));
      expect(now.body.title).toBe(winner.body.title);
      expect(now.body.version).toBe(2);
    });

    it('lets exactly one of two concurrent transitions from one state through', async () => {
      const c = await fileCase(t);
      await route(c.id);
      const staff = { ...(await bearer(t, 'staff')), 'If-Match': '"2"' };
      const results = await Promise.all([
        t.http().post(`/api/v1/cases/${c.id}/transitions`).set(staff).send({ to: 'accepted' }),
        t
          .http()
          .post(`/api/v1/cases/${c.id}/transitions`)
          .set(staff)
          .send({ to: 'declined', reason: 'Past niet' }),
      ]);
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.status === 412)).toHaveLength(1);
      const history = await t
        .http()
        .get(`/api/v1/cases/${c.id}/history`)
        .set(await bearer(t, 'staff'));
      expect(history.body.items).toHaveLength(3);
    });
  });

  describe('editing', () => {
    it('records only real changes and bumps the version once', async () => {
      const c = await fileCase(t);
      const buyer = await bearer(t, 'buyer');
      const unchanged = await t
        .http()
        .patch(`/api/v1/cases/${c.id}`)
        .set({ ...buyer, 'If-Match': '"1"' })
        .send({ title: MODEL_CASE.title })
        .expect(200);
      expect(unchanged.body.version).toBe(1);
      const changed = await t
        .http()
        .patch(`/api/v1/cases/${c.id}`)
        .set({ ...buyer, 'If-Match': '"1"' })
        .send({
          estimatedValueCents: 150_000_000,
          deadline: null,
          domains: [
            { code: 'housing', role: 'lead' },
            { code: 'energy', role: 'affected' },
          ],
        })
        .expect(200);
      expect(changed.body).toMatchObject({
        version: 2,
        estimatedValueCents: 150_000_000,
        deadline: null,
      });
      expect(changed.body.domains).toEqual([
        { code: 'housing', role: 'lead' },
        { code: 'energy', role: 'affected' },
      ]);
    });

    it('lets staff assign and prioritise, but not rewrite the question; buyers the reverse', async () => {
      const c = await fileCase(t);
      const staffId = await t.app.get(UsersService).findIdByEmail(DEMO.staff2);
      const staff = await bearer(t, 'staff');
      const assigned = await t
        .http()
        .patch(`/api/v1/cases/${c.id}`)
        .set({ ...staff, 'If-Match': '"1"' })
        .send({ assigneeId: staffId, priority: 'urgent' })
        .expect(200);
      expect(assigned.body).toMatchObject({
        assignee: { id: staffId, name: 'Samir Koppel' },
        priority: 'urgent',
      });
      expectProblem(
        await t
          .http()
          .patch(`/api/v1/cases/${c.id}`)
          .set({ ...staff, 'If-Match': '"2"' })
          .send({ title: 'Door staf' }),
        403,
      );
      expectProblem(
        await t
          .http()
          .patch(`/api/v1/cases/${c.id}`)
          .set({ ...(await bearer(t, 'buyer')), 'If-Match': '"2"' })
          .send({ priority: 'low' }),
        403,
      );
      const buyerId = await t.app.get(UsersService).findIdByEmail(DEMO.buyer);
      const notStaff = await t
        .http()
        .patch(`/api/v1/cases/${c.id}`)
        .set({ ...staff, 'If-Match': '"2"' })
        .send({ assigneeId: buyerId });
      expect(expectProblem(notStaff, 400).errors).toEqual([
        {
          field: 'assigneeId',
          code: 'not_staff',
          message: 'must be an active MeentCoop staff member',
        },
      ]);
      expectProblem(
        await t
          .http()
          .patch(`/api/v1/cases/${c.id}`)
          .set({ ...(await bearer(t, 'auditor')), 'If-Match': '"2"' })
          .send({ priority: 'low' }),
        403,
      );
    });

    it('refuses to remove a domain that still has money on the case (409)', async () => {
      const c = await fileCase(t, 'buyer', {
        initialFunding: [{ domainCode: 'housing', amountCents: 5_000_000 }],
      });
      const buyer = { ...(await bearer(t, 'buyer')), 'If-Match': '"1"' };
      const refused = await t
        .http()
        .patch(`/api/v1/cases/${c.id}`)
        .set(buyer)
        .send({ domains: [{ code: 'energy', role: 'lead' }] });
      expect(expectProblem(refused, 409).errors).toEqual([
        {
          field: 'domains',
          code: 'still_funded',
          message: 'still funded: housing',
          params: { domainCodes: ['housing'] },
        },
      ]);
      const kept = await t
        .http()
        .patch(`/api/v1/cases/${c.id}`)
        .set(buyer)
        .send({
          domains: [
            { code: 'energy', role: 'lead' },
            { code: 'housing', role: 'affected' },
          ],
        })
        .expect(200);
      expect(kept.body.domains).toHaveLength(2);
    });

    it('refuses content edits once the case is accepted (409)', async () => {
      const c = await fileCase(t);
      await route(c.id);
      await t
        .http()
        .post(`/api/v1/cases/${c.id}/transitions`)
        .set({ ...(await bearer(t, 'staff')), 'If-Match': '"2"' })
        .send({ to: 'accepted' })
        .expect(200);
      const late = await t
        .http()
        .patch(`/api/v1/cases/${c.id}`)
        .set({ ...(await bearer(t, 'buyer')), 'If-Match': '"3"' })
        .send({ title: 'Te laat gewijzigd' });
      expectProblem(late, 409);
    });
  });

  describe('notes', () => {
    it('keeps internal notes from buyers and budget holders', async () => {
      const c = await fileCase(t);
      const staff = await bearer(t, 'staff');
      await t
        .http()
        .post(`/api/v1/cases/${c.id}/notes`)
        .set(staff)
        .send({ body: 'Intern: bel de coöperatie', visibility: 'internal' })
        .expect(201);
      await t
        .http()
        .post(`/api/v1/cases/${c.id}/notes`)
        .set(staff)
        .send({ body: 'Gedeeld: we kijken mee', visibility: 'shared' })
        .expect(201);
      const buyerNote = await t
        .http()
        .post(`/api/v1/cases/${c.id}/notes`)
        .set(await bearer(t, 'buyer'))
        .send({ body: 'Dank, graag', visibility: 'shared' })
        .expect(201);
      expect(buyerNote.body.author.name).toBe('Bo Inkoper');
      expectProblem(
        await t
          .http()
          .post(`/api/v1/cases/${c.id}/notes`)
          .set(await bearer(t, 'buyer'))
          .send({ body: 'Stiekem', visibility: 'internal' }),
        403,
      );
      for (const who of ['buyer', 'budgetHousing']) {
        const list = await t
          .http()
          .get(`/api/v1/cases/${c.id}/notes`)
          .set(await bearer(t, who))
          .expect(200);
        expect(list.body.items.map((n: { body: string }) => n.body)).toEqual([
          'Gedeeld: we kijken mee',
          'Dank, graag',
        ]);
      }
      for (const who of ['staff', 'auditor', 'admin']) {
        const list = await t
          .http()
          .get(`/api/v1/cases/${c.id}/notes`)
          .set(await bearer(t, who))
          .expect(200);
        expect(list.body.items).toHaveLength(3);
      }
      expectProblem(
        await t
          .http()
          .post(`/api/v1/cases/${c.id}/notes`)
          .set(await bearer(t, 'auditor'))
          .send({ body: 'x', visibility: 'shared' }),
        403,
      );
    });
  });
});
