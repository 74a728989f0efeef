import { DataSource } from 'typeorm';
import { bearer, fileCase } from './support/factories';
import { expectProblem } from './support/problem';
import { routeCase } from './support/browser';
import { DEMO, startTestApp, TestApp } from './support/test-app';

/** Issue 13, items 12 and 13: what a person may edit, and the koppel as a model (ADR 24). */
describe('editing a case and its koppel', () => {
  let t: TestApp;
  let db: DataSource;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    const people = await db.query<{ id: string; email: string }[]>(
      'SELECT id, email FROM users WHERE email = ANY($1)',
      [Object.values(DEMO)],
    );
    for (const [key, email] of Object.entries(DEMO)) {
      ids[key] = people.find((p) => p.email === email)!.id;
    }
  });
  afterAll(() => t.close());

  const get = async (who: string, id: string) =>
    (
      await t
        .http()
        .get(`/api/v1/cases/${id}`)
        .set(await bearer(t, who))
        .expect(200)
    ).body as Record<string, unknown> & { version: number };

  const patch = async (who: string, id: string, version: number, body: object) =>
    t
      .http()
      .patch(`/api/v1/cases/${id}`)
      .set({ ...(await bearer(t, who)), 'If-Match': `"${version}"` })
      .send(body);

  const accept = async (who: string, id: string, version: number, body: object = {}) =>
    t
      .http()
      .post(`/api/v1/cases/${id}/transitions`)
      .set({ ...(await bearer(t, who)), 'If-Match': `"${version}"` })
      .send({ to: 'accepted', ...body });

  const putKoppel = async (who: string, id: string, version: number | null, body: object) =>
    t
      .http()
      .put(`/api/v1/cases/${id}/koppel`)
      .set({
        ...(await bearer(t, who)),
        ...(version === null ? {} : { 'If-Match': `"${version}"` }),
      })
      .send(body);

  /** What a refused request must not have written. */
  const traces = async (caseId: string) => {
    const [row] = await db.query<
      { version: number; koppel: number; audit: number; outbox: number; status: number }[]
    >(
      `SELECT c.version,
              (SELECT count(*)::int FROM case_koppel_changes k WHERE k.case_id = c.id) AS koppel,
              (SELECT count(*)::int FROM audit_events a WHERE a.case_id = c.id) AS audit,
              (SELECT count(*)::int FROM outbox_events o WHERE o.payload->>'caseId' = c.id::text) AS outbox,
              (SELECT count(*)::int FROM case_status_changes s WHERE s.case_id = c.id) AS status
         FROM cases c WHERE c.id = $1`,
      [caseId],
    );
    return row!;
  };

  describe('editableFields, from the rule PATCH enforces', () => {
    it('offers the buyer the content while filed or routed, staff value and deadline while open', async () => {
      const c = await fileCase(t, 'buyer');
      expect((await get('buyer', c.id)).editableFields).toEqual([
        'title',
        'description',
        'tenderReference',
        'procurementStage',
        'procurementKind',
        'estimatedValueCents',
        'deadline',
        'domains',
      ]);
      expect((await get('budgetEnergy', c.id)).editableFields).toEqual([]);
      expect((await get('auditor', c.id)).editableFields).toEqual([]);
      await routeCase(t, c.id);
      const routed = await get('staff', c.id);
      expect(routed.editableFields).toEqual([
        'procurementKind',
        'estimatedValueCents',
        'deadline',
        'priority',
        'assigneeId',
      ]);
      expect(routed.mayChangeKoppel).toBe(true);
      expect((await get('buyer', c.id)).mayChangeKoppel).toBe(false);

      // A buyer who forgot a domain adds it while the case is routed.
      const added = await patch('buyer', c.id, routed.version, {
        domains: [
          { code: 'energy', role: 'lead' },
          { code: 'housing', role: 'affected' },
          { code: 'energy-poverty', role: 'affected' },
          { code: 'care', role: 'affected' },
          { code: 'food', role: 'affected' },
        ],
      });
      expect(added.status).toBe(200);

      const accepted = await accept('staff', c.id, added.body.version);
      expect(accepted.status).toBe(200);
      expect((accepted.body as { editableFields: string[] }).editableFields).toEqual([
        'procurementKind',
        'estimatedValueCents',
        'deadline',
        'priority',
        'assigneeId',
      ]);
      expect((await get('buyer', c.id)).editableFields).toEqual([]);

      // Staff fix the value and the deadline of an accepted case…
      const fixed = await patch('staff', c.id, accepted.body.version, {
        estimatedValueCents: 150_000_000,
        deadline: '2027-06-01',
      });
      expect(fixed.status).toBe(200);
      expect(fixed.body).toMatchObject({
        estimatedValueCents: 150_000_000,
        deadline: '2027-06-01',
      });
      // …but not its title (never theirs: 403); the buyer no longer edits (409, with params).
      expectProblem(
        await patch('staff', c.id, fixed.body.version, { title: 'Een andere titel' }),
        403,
      );
      const late = expectProblem(
        await patch('buyer', c.id, fixed.body.version, { estimatedValueCents: 1 }),
        409,
      );
      expect(late).toMatchObject({ code: 'case_not_editable', currentStatus: 'accepted' });
      // A stale version: 412 with the current one.
      const stale = expectProblem(
        await patch('staff', c.id, accepted.body.version, { deadline: '2027-07-01' }),
        412,
      );
      expect(stale).toMatchObject({
        code: 'precondition_failed',
        currentVersion: fixed.body.version,
      });
    });
  });

  describe('taking on a case of another team', () => {
    it('accepting without moveKoppel is refused (409 koppel_team_mismatch), nothing written', async () => {
      const c = await fileCase(t, 'buyer');
      await routeCase(t, c.id, { team: 'meentcoop-housing', koppel: DEMO.staff2 });
      const before = await traces(c.id);
      const refused = expectProblem(await accept('staff', c.id, 2), 409);
      expect(refused).toMatchObject({ code: 'koppel_team_mismatch' });
      expect(String(refused.detail)).toContain('MeentCoop Wonen');
      if (refused.params !== undefined) {
        expect(refused.params).toMatchObject({ team: 'MeentCoop Wonen' });
      }
      expect(await traces(c.id)).toEqual(before);

      // The housing team's own member takes it on without a word about the koppel.
      const own = await fileCase(t, 'buyer');
      await routeCase(t, own.id, { team: 'meentcoop-housing', koppel: DEMO.staff2 });
      expect((await accept('staff2', own.id, 2)).status).toBe(200);
    });

    it('with moveKoppel the team and the MeentCoop half move, recorded, audited and announced', async () => {
      const c = await fileCase(t, 'buyer');
      await routeCase(t, c.id, { team: 'meentcoop-housing', koppel: DEMO.staff2 });
      const taken = await accept('staff', c.id, 2, {
        moveKoppel: true,
        reason: 'Past bij energie',
      });
      expect(taken.status).toBe(200);
      expect(taken.body).toMatchObject({
        status: 'accepted',
        version: 3,
        team: { name: 'MeentCoop Energie' },
        koppel: { meentcoop: { id: ids.staff }, municipal: { id: ids.buyer } },
      });
      const history = await t
        .http()
        .get(`/api/v1/cases/${c.id}/koppel-history`)
        .set(await bearer(t, 'staff'))
        .expect(200);
      expect(history.body.items).toEqual([
        expect.objectContaining({
          kind: 'routed',
          to: expect.objectContaining({ meentcoop: { id: ids.staff2, name: 'Samir Koppel' } }),
          actor: expect.objectContaining({ role: 'system' }),
        }),
        expect.objectContaining({
          kind: 'taken_on',
          from: {
            meentcoop: { id: ids.staff2, name: 'Samir Koppel' },
            municipal: { id: ids.buyer, name: 'Bo Inkoper' },
            team: expect.objectContaining({ name: 'MeentCoop Wonen' }),
          },
          to: {
            meentcoop: { id: ids.staff, name: 'Sanne Meent' },
            municipal: { id: ids.buyer, name: 'Bo Inkoper' },
            team: expect.objectContaining({ name: 'MeentCoop Energie' }),
          },
          reason: 'Past bij energie',
          actor: { id: ids.staff, name: 'Sanne Meent', role: 'staff' },
        }),
      ]);
      const [audit] = await db.query<{ data: string }[]>(
        `SELECT data FROM audit_events WHERE case_id = $1 AND action = 'case.koppel_changed'`,
        [c.id],
      );
      expect(JSON.parse(audit!.data)).toMatchObject({
        kind: 'taken_on',
        changes: { koppelMeentcoopId: { old: ids.staff2, new: ids.staff } },
      });
      const [event] = await db.query<{ payload: Record<string, unknown> }[]>(
        `SELECT payload FROM outbox_events WHERE type = 'case.koppel_changed' AND payload->>'caseId' = $1`,
        [c.id],
      );
      expect(event!.payload).toMatchObject({ version: 3, kind: 'taken_on' });
    });

    it('assigning to oneself asks the same, and moves the koppel when told', async () => {
      const c = await fileCase(t, 'buyer');
      await routeCase(t, c.id, { team: 'meentcoop-housing', koppel: DEMO.staff2 });
      const before = await traces(c.id);
      const refused = expectProblem(await patch('staff', c.id, 2, { assigneeId: ids.staff }), 409);
      expect(refused).toMatchObject({ code: 'koppel_team_mismatch' });
      expect(await traces(c.id)).toEqual(before);
      // Assigning a colleague of that team is not taking it on.
      const other = await patch('staff', c.id, 2, { assigneeId: ids.staff2 });
      expect(other.status).toBe(200);
      const moved = await patch('staff', c.id, 3, { assigneeId: ids.staff, moveKoppel: true });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({
        version: 4,
        assignee: { id: ids.staff },
        team: { name: 'MeentCoop Energie' },
        koppel: { meentcoop: { id: ids.staff } },
      });
      // moveKoppel belongs to accepting only (here: declining a routed case).
      expectProblem(
        await t
          .http()
          .post(`/api/v1/cases/${c.id}/transitions`)
          .set({ ...(await bearer(t, 'staff')), 'If-Match': '"4"' })
          .send({ to: 'declined', reason: 'Past niet', moveKoppel: true }),
        400,
      );
    });
  });

  describe('PUT /cases/{id}/koppel', () => {
    const valid = () => ({
      meentcoopId: ids.staff2,
      municipalId: ids.budgetEnergy,
      reason: 'Samir kent de woningcorporaties; Eva beheert het energiebudget.',
    });

    it('refuses what is not a koppel, with codes and fields, and writes nothing', async () => {
      const c = await fileCase(t, 'buyer');
      // Not routed yet: no team works on it.
      const early = expectProblem(await putKoppel('staff', c.id, 1, valid()), 409);
      expect(early).toMatchObject({ code: 'koppel_not_changeable' });
      await routeCase(t, c.id);
      const before = await traces(c.id);

      expectProblem(await putKoppel('buyer', c.id, 2, valid()), 403);
      expectProblem(await putKoppel('staff', c.id, null, valid()), 428);
      const short = expectProblem(
        await putKoppel('staff', c.id, 2, { ...valid(), reason: 'kort' }),
        400,
      );
      expect(short).toMatchObject({ errors: [expect.objectContaining({ field: 'reason' })] });
      const wrong = expectProblem(
        await putKoppel('staff', c.id, 2, {
          ...valid(),
          meentcoopId: ids.buyer,
          municipalId: ids.buyer2, // a buyer of another unit: cannot see the case
        }),
        400,
      );
      expect(wrong).toMatchObject({
        code: 'koppel_person_invalid',
        errors: [
          expect.objectContaining({ field: 'meentcoopId', code: 'not_meentcoop_staff' }),
          expect.objectContaining({ field: 'municipalId', code: 'not_municipal_person' }),
        ],
      });
      // Staff cannot be the municipal half.
      const staffAsMunicipal = expectProblem(
        await putKoppel('staff', c.id, 2, { ...valid(), municipalId: ids.staff }),
        400,
      );
      expect(staffAsMunicipal).toMatchObject({
        errors: [expect.objectContaining({ field: 'municipalId' })],
      });
      const stale = expectProblem(await putKoppel('staff', c.id, 1, valid()), 412);
      expect(stale).toMatchObject({ currentVersion: 2 });
      expect(await traces(c.id)).toEqual(before);
    });

    it('sets both halves and the team, keeps the history, audits it', async () => {
      const c = await fileCase(t, 'buyer');
      await routeCase(t, c.id);
      const changed = await putKoppel('staff', c.id, 2, valid());
      expect(changed.status).toBe(200);
      expect(changed.headers.etag).toBe('"3"');
      expect(changed.body).toMatchObject({
        version: 3,
        team: { name: 'MeentCoop Wonen' },
        koppel: {
          meentcoop: { id: ids.staff2, name: 'Samir Koppel' },
          municipal: { id: ids.budgetEnergy, name: 'Eva Budget' },
        },
      });
      // Eva is a colleague in the buyer's unit who holds the lead domain: one change, audited.
      const [colleagueCheck] = await db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM audit_events WHERE case_id = $1 AND action = 'case.koppel_changed'`,
        [c.id],
      );
      expect(colleagueCheck!.n).toBe(1);

      for (const who of ['staff', 'auditor', 'admin']) {
        const history = await t
          .http()
          .get(`/api/v1/cases/${c.id}/koppel-history`)
          .set(await bearer(t, who))
          .expect(200);
        expect(history.body.items.map((i: { kind: string }) => i.kind)).toEqual([
          'routed',
          'changed',
        ]);
        expect(history.body.items[1]).toMatchObject({ reason: valid().reason });
      }
      // Buyers and budget holders see the current koppel, not the history with its reasons.
      for (const who of ['buyer', 'budgetEnergy']) {
        expectProblem(
          await t
            .http()
            .get(`/api/v1/cases/${c.id}/koppel-history`)
            .set(await bearer(t, who)),
          403,
        );
      }
      expect((await get('buyer', c.id)).koppel).toMatchObject({
        municipal: { name: 'Eva Budget' },
        meentcoop: { name: 'Samir Koppel' },
      });
      // The history cannot be rewritten.
      await expect(
        db.query('DELETE FROM case_koppel_changes WHERE case_id = $1', [c.id]),
      ).rejects.toThrow();
    });

    it('lists who may be either half (staff only)', async () => {
      const c = await fileCase(t, 'buyer');
      await routeCase(t, c.id);
      const candidates = await t
        .http()
        .get(`/api/v1/cases/${c.id}/koppel-candidates`)
        .set(await bearer(t, 'staff'))
        .expect(200);
      const names = (list: { name: string }[]) => list.map((p) => p.name);
      expect(names(candidates.body.meentcoop)).toEqual(
        expect.arrayContaining(['Sanne Meent', 'Samir Koppel']),
      );
      expect(names(candidates.body.municipal)).toEqual(
        expect.arrayContaining(['Bo Inkoper', 'Eva Budget']),
      );
      expect(names(candidates.body.municipal)).not.toContain('Bram de Vries');
      // A budget holder of one of its domains (housing) may speak for it; a buyer of another unit not.
      expect(names(candidates.body.municipal)).toContain('Hanna Budget');
      expectProblem(
        await t
          .http()
          .get(`/api/v1/cases/${c.id}/koppel-candidates`)
          .set(await bearer(t, 'buyer')),
        403,
      );
    });
  });
});
