import { DataSource } from 'typeorm';
import { UsersService } from '../src/auth/users.service';
import { CasesService } from '../src/cases/cases.service';
import { CatalogueService } from '../src/catalogue/catalogue.service';
import { Clock } from '../src/common/clock';
import { bearer, fileCase, transition } from './support/factories';
import { expectProblem } from './support/problem';
import { DEMO, startTestApp, TestApp } from './support/test-app';

/**
 * Issue 14, items 1-3 (ADR 26): one writer of a case's status and of its SLA clock, and the
 * clock's suspension and extension, against the real database, with a fixed clock.
 */
describe('the case lifecycle and its SLA clock', () => {
  let t: TestApp;
  let db: DataSource;
  /** What the app's Clock says now: the tests set it. */
  let now = new Date();
  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(now.getTime()));
  });
  afterAll(() => t.close());

  /** Amsterdam wall time in April and May 2026 (CEST, UTC+2). */
  const cest = (iso: string) => new Date(`${iso}+02:00`);

  async function route(caseId: string, acceptBy: Date, proposeBy: Date): Promise<void> {
    const team = await t.app.get(CatalogueService).findUnitByCode('meentcoop-energy');
    const staffId = await t.app.get(UsersService).findIdByEmail(DEMO.staff);
    const routed = await t.app.get(CasesService).route(caseId, {
      teamId: team!.id,
      koppelMeentcoopId: staffId!,
      acceptBy,
      proposeBy,
    });
    expect(routed).toBe(true);
  }

  const getCase = async (id: string, who = 'staff') =>
    (
      await t
        .http()
        .get(`/api/v1/cases/${id}`)
        .set(await bearer(t, who))
        .expect(200)
    ).body;

  const post = async (who: string, path: string, version: number | null, body: object = {}) =>
    t
      .http()
      .post(`/api/v1/cases/${path}`)
      .set({
        ...(await bearer(t, who)),
        ...(version === null ? {} : { 'If-Match': `"${version}"` }),
      })
      .send(body);

  /** Rows of the case's status and deadline journals, its audit events and outbox events. */
  async function counts(caseId: string) {
    const [row] = await db.query<
      { status: number; deadlines: number; audit: number; outbox: number; suspensions: number }[]
    >(
      `SELECT (SELECT count(*)::int FROM case_status_changes WHERE case_id = $1::uuid) AS status,
              (SELECT count(*)::int FROM case_deadline_changes WHERE case_id = $1::uuid) AS deadlines,
              (SELECT count(*)::int FROM audit_events WHERE case_id = $1::uuid) AS audit,
              (SELECT count(*)::int FROM outbox_events WHERE payload->>'caseId' = $1::text) AS outbox,
              (SELECT count(*)::int FROM case_suspensions WHERE case_id = $1::uuid) AS suspensions`,
      [caseId],
    );
    return row!;
  }
  const actionsSince = async (caseId: string, seq: number) =>
    (
      await db.query<{ action: string; seq: string }[]>(
        `SELECT action, seq FROM audit_events WHERE case_id = $1 AND seq > $2 ORDER BY seq`,
        [caseId, seq],
      )
    ).map((r) => r.action);
  const lastSeq = async () =>
    Number((await db.query<{ s: string }[]>(`SELECT max(seq) AS s FROM audit_events`))[0]!.s);

  it('writes exactly one journal row and one audit event per action over the model case’s life', async () => {
    now = cest('2026-04-21T09:00:00');
    const steps: { action: string; delta: Awaited<ReturnType<typeof counts>>; audit: string[] }[] =
      [];
    let before = { status: 0, deadlines: 0, audit: 0, outbox: 0, suspensions: 0 };
    let seq = await lastSeq();
    let caseId = '';
    const step = async (action: string, work: () => Promise<unknown>) => {
      await work();
      const after = await counts(caseId);
      steps.push({
        action,
        delta: {
          status: after.status - before.status,
          deadlines: after.deadlines - before.deadlines,
          audit: after.audit - before.audit,
          outbox: after.outbox - before.outbox,
          suspensions: after.suspensions - before.suspensions,
        },
        audit: await actionsSince(caseId, seq),
      });
      before = after;
      seq = await lastSeq();
    };
    let version = 1;
    await step('file', async () => {
      caseId = (await fileCase(t, 'buyer')).id;
    });
    await step('route', () =>
      route(caseId, cest('2026-04-22T09:00:00'), cest('2026-04-30T12:00:00')),
    );
    version = (await getCase(caseId)).version;
    now = cest('2026-04-22T08:00:00');
    await step('accept', async () => {
      version = await transition(t, 'staff', caseId, version, { to: 'accepted' });
    });
    now = cest('2026-04-24T15:00:00');
    await step('suspend', async () => {
      const r = await post('staff', `${caseId}/suspensions`, version, {
        kind: 'waiting_for_funding',
        reason: 'Wacht op het besluit van de budgethouder energie.',
      });
      expect(r.status).toBe(200);
      version = r.body.version;
    });
    now = cest('2026-04-28T10:00:00');
    await step('end the suspension', async () => {
      const r = await post('staff', `${caseId}/suspensions/current/end`, version);
      expect(r.status).toBe(200);
      version = r.body.version;
    });
    await step('start', async () => {
      version = await transition(t, 'staff', caseId, version, { to: 'in_progress' });
    });
    const due = new Date((await getCase(caseId)).sla[1].dueAt);
    now = new Date(due.getTime() + 60_000);
    await step('breach', async () => {
      expect(await t.app.get(CasesService).recordSlaBreach(caseId, 'propose', due)).toBe(true);
      version += 1;
    });
    await step('propose', async () => {
      version = await transition(t, 'staff', caseId, version, {
        to: 'proposed',
        proposal: 'Een coöperatieve energiebespaarservice met buurtzorg als partner.',
      });
    });
    await step('resolve', async () => {
      await transition(t, 'buyer', caseId, version, {
        to: 'resolved',
        outcome: {
          summary: 'Gegund aan Energiecoöperatie Zuiderlicht',
          supplierName: 'Energiecoöperatie Zuiderlicht',
          supplierType: 'cooperative',
          awardedValueCents: 110_000_000,
        },
      });
    });

    const one = (journal: 'status' | 'deadlines', audit: string, suspensions = 0) => ({
      delta: {
        status: journal === 'status' ? 1 : 0,
        deadlines: journal === 'deadlines' ? 1 : 0,
        audit: 1,
        outbox: 1,
        suspensions,
      },
      audit: [audit],
    });
    expect(
      Object.fromEntries(steps.map((s) => [s.action, { delta: s.delta, audit: s.audit }])),
    ).toEqual({
      file: one('status', 'case.filed'),
      route: one('status', 'case.transitioned'),
      accept: one('status', 'case.transitioned'),
      suspend: one('deadlines', 'case.suspended', 1),
      'end the suspension': one('deadlines', 'case.resumed'),
      start: one('status', 'case.transitioned'),
      breach: one('deadlines', 'case.sla_breached'),
      propose: one('status', 'case.transitioned'),
      resolve: one('status', 'case.transitioned'),
    });
    // Routing is a transition like the others: from, to, reason and Brug as the actor.
    const [routed] = await db.query<{ actor_role: string; data: string }[]>(
      `SELECT actor_role, data FROM audit_events
        WHERE case_id = $1 AND action = 'case.transitioned' ORDER BY seq LIMIT 1`,
      [caseId],
    );
    expect(routed!.actor_role).toBe('system');
    expect(JSON.parse(routed!.data)).toMatchObject({ from: 'filed', to: 'routed', reason: null });
  });

  it('the model case: suspended on Friday before King’s Day, restarted by the buyer’s note on Tuesday', async () => {
    now = cest('2026-04-21T09:00:00');
    const filed = await fileCase(t, 'buyer');
    await route(filed.id, cest('2026-04-22T09:00:00'), cest('2026-04-30T12:00:00'));
    now = cest('2026-04-22T08:00:00');
    const version = await transition(t, 'staff', filed.id, (await getCase(filed.id)).version, {
      to: 'accepted',
    });

    // Friday 24 April 2026, 15:00: the koppel waits for the buyer.
    now = cest('2026-04-24T15:00:00');
    const reason = 'Wij wachten op de begroting van de afdeling Wonen.';
    const suspended = await post('staff', `${filed.id}/suspensions`, version, {
      kind: 'waiting_for_buyer',
      reason,
      expectedEnd: '2026-04-29',
    });
    expect(suspended.status).toBe(200);
    expect(suspended.headers.etag).toBe(`"${suspended.body.version}"`);
    expect(suspended.body.sla).toEqual([
      expect.objectContaining({ stage: 'accept', state: 'met' }),
      {
        stage: 'propose',
        open: true,
        current: true,
        dueAt: cest('2026-04-30T12:00:00').toISOString(),
        state: 'suspended',
        breachedAt: null,
        suspendedSince: cest('2026-04-24T15:00:00').toISOString(),
        extendedBy: 0,
      },
    ]);
    expect(suspended.body.suspension).toMatchObject({
      kind: 'waiting_for_buyer',
      reason,
      since: cest('2026-04-24T15:00:00').toISOString(),
      expectedEnd: '2026-04-29',
      by: { name: 'Sanne Meent' },
    });
    // The work queue finds it as suspended, and not as overdue however late it gets.
    now = cest('2026-05-20T10:00:00');
    const list = async (query: string) =>
      (
        await t
          .http()
          .get(`/api/v1/cases?${query}&pageSize=100`)
          .set(await bearer(t, 'staff'))
          .expect(200)
      ).body.items.map((c: { id: string }) => c.id);
    expect(await list('sla=suspended')).toContain(filed.id);
    expect(await list('overdue=true')).not.toContain(filed.id);
    expect(await list('sla=breached')).not.toContain(filed.id);

    // Tuesday 28 April 2026, 10:00: the buyer answers with a shared note; the clock restarts.
    now = cest('2026-04-28T10:00:00');
    await t
      .http()
      .post(`/api/v1/cases/${filed.id}/notes`)
      .set(await bearer(t, 'buyer'))
      .send({ body: 'De begroting staat nu in de bijlage.', visibility: 'shared' })
      .expect(201);
    const resumed = await getCase(filed.id, 'buyer');
    expect(resumed.suspension).toBeNull();
    // Working time suspended: Friday 15:00-24:00 and Tuesday 0:00-10:00 (19 hours); Saturday,
    // Sunday and King's Day (Monday 27 April) do not count. Thursday 30 April 12:00 + 19 hours
    // of working time = Friday 1 May 07:00.
    expect(resumed.sla[1]).toEqual({
      stage: 'propose',
      open: true,
      current: true,
      dueAt: cest('2026-05-01T07:00:00').toISOString(),
      state: 'on_time',
      breachedAt: null,
      suspendedSince: null,
      extendedBy: 0,
    });

    const deadlines = (
      await t
        .http()
        .get(`/api/v1/cases/${filed.reference}/deadlines`)
        .set(await bearer(t, 'buyer'))
        .expect(200)
    ).body.items;
    expect(deadlines).toEqual([
      {
        stage: 'propose',
        oldDueAt: cest('2026-04-30T12:00:00').toISOString(),
        newDueAt: null,
        cause: 'suspension',
        rule: null,
        ruleName: null,
        reason,
        shiftSeconds: null,
        suspensionId: expect.any(String),
        suspensionKind: 'waiting_for_buyer',
        actor: { id: expect.any(String), name: 'Sanne Meent', role: 'staff' },
        at: cest('2026-04-24T15:00:00').toISOString(),
      },
      {
        stage: 'propose',
        oldDueAt: cest('2026-04-30T12:00:00').toISOString(),
        newDueAt: cest('2026-05-01T07:00:00').toISOString(),
        cause: 'suspension',
        rule: null,
        ruleName: null,
        reason: null,
        shiftSeconds: 19 * 3600,
        suspensionId: deadlines[0].suspensionId,
        suspensionKind: 'waiting_for_buyer',
        actor: { id: null, name: 'Brug', role: 'system' },
        at: cest('2026-04-28T10:00:00').toISOString(),
      },
    ]);
    // Brug restarted it, on the buyer's note: audited and announced like a status change.
    const [event] = await db.query<{ actor_role: string; data: string }[]>(
      `SELECT actor_role, data FROM audit_events WHERE case_id = $1 AND action = 'case.resumed'`,
      [filed.id],
    );
    expect(event!.actor_role).toBe('system');
    expect(JSON.parse(event!.data)).toMatchObject({
      because: 'buyer_note',
      since: cest('2026-04-24T15:00:00').toISOString(),
      until: cest('2026-04-28T10:00:00').toISOString(),
    });
    const types = (
      await db.query<{ type: string }[]>(
        `SELECT type FROM outbox_events WHERE payload->>'caseId' = $1 ORDER BY created_at, id`,
        [filed.id],
      )
    ).map((r) => r.type);
    expect(types).toEqual(expect.arrayContaining(['case.suspended', 'case.resumed']));
  });

  it('an extension that lands on King’s Day rolls to the next working day and says so', async () => {
    now = cest('2026-04-13T09:00:00');
    const filed = await fileCase(t, 'buyer');
    await route(filed.id, cest('2026-04-15T09:00:00'), cest('2026-04-24T12:00:00'));
    const c = await getCase(filed.id);
    const extended = await post('staff', `${filed.id}/extensions`, c.version, {
      stage: 'propose',
      dueAt: cest('2026-04-27T12:00:00').toISOString(),
      reason: 'De offertes van drie coöperaties komen later binnen.',
    });
    expect(extended.status).toBe(200);
    expect(extended.body.sla[1]).toMatchObject({
      dueAt: cest('2026-04-28T12:00:00').toISOString(),
      extendedBy: 4 * 86400,
    });
    const deadlines = (
      await t
        .http()
        .get(`/api/v1/cases/${filed.id}/deadlines`)
        .set(await bearer(t, 'staff'))
        .expect(200)
    ).body.items;
    expect(deadlines.map((d: Record<string, unknown>) => [d.cause, d.newDueAt, d.rule])).toEqual([
      ['extension', cest('2026-04-27T12:00:00').toISOString(), null],
      ['calendar', cest('2026-04-28T12:00:00').toISOString(), 'kings_day'],
    ]);
    expect(deadlines[1].ruleName).toEqual({ nl: 'Koningsdag', en: "King's Day" });
    // A second extension of the stage is an admin's.
    const again = await post('staff', `${filed.id}/extensions`, extended.body.version, {
      stage: 'propose',
      dueAt: cest('2026-04-29T12:00:00').toISOString(),
      reason: 'Nog een week nodig voor de gesprekken.',
    });
    expect(expectProblem(again, 403)).toMatchObject({
      code: 'forbidden',
      params: { reason: 'extended_already' },
    });
    const byAdmin = await post('admin', `${filed.id}/extensions`, extended.body.version, {
      stage: 'propose',
      dueAt: cest('2026-04-29T12:00:00').toISOString(),
      reason: 'Nog een week nodig voor de gesprekken.',
    });
    expect(byAdmin.status).toBe(200);
  });

  describe('refusals write nothing', () => {
    let caseId: string;
    let version: number;
    beforeAll(async () => {
      now = cest('2026-04-21T09:00:00');
      caseId = (await fileCase(t, 'buyer')).id;
      await route(caseId, cest('2026-04-22T09:00:00'), cest('2026-04-30T12:00:00'));
      version = (await getCase(caseId)).version;
    });
    const body = { kind: 'waiting_for_third_party', reason: 'Wacht op de netbeheerder.' };

    it('without a reason (or with a short one, or an unknown kind): 400', async () => {
      const before = await counts(caseId);
      const none = await post('staff', `${caseId}/suspensions`, version, { kind: 'other' });
      expect(expectProblem(none, 400)).toMatchObject({
        code: 'validation_failed',
        errors: [expect.objectContaining({ field: 'reason', code: 'required' })],
      });
      const short = await post('staff', `${caseId}/suspensions`, version, {
        kind: 'nap',
        reason: 'kort',
      });
      expect(
        (expectProblem(short, 400).errors as { field: string; code: string }[]).map((e) => [
          e.field,
          e.code,
        ]),
      ).toEqual([
        ['kind', 'not_one_of'],
        ['reason', 'too_short'],
      ]);
      expect(await counts(caseId)).toEqual(before);
    });

    it('by a buyer: 403', async () => {
      const before = await counts(caseId);
      const r = await post('buyer', `${caseId}/suspensions`, version, body);
      expectProblem(r, 403);
      expect(await counts(caseId)).toEqual(before);
    });

    it('twice at once: one 200, one 409, one suspension', async () => {
      const before = await counts(caseId);
      const answers = await Promise.all([
        post('staff', `${caseId}/suspensions`, version, body),
        post('staff2', `${caseId}/suspensions`, version, body),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const refused = answers.find((a) => a.status === 409)!;
      expect(expectProblem(refused, 409)).toMatchObject({ code: 'case_already_suspended' });
      const after = await counts(caseId);
      // Both open stages stopped, once: one suspension, a journal row per stage, one event.
      expect(after).toEqual({
        status: before.status,
        deadlines: before.deadlines + 2,
        audit: before.audit + 1,
        outbox: before.outbox + 1,
        suspensions: before.suspensions + 1,
      });
    });

    it('on a closed case: 409, nothing written', async () => {
      now = cest('2026-04-21T09:00:00');
      const closed = await fileCase(t, 'buyer');
      await transition(t, 'buyer', closed.id, 1, {
        to: 'withdrawn',
        reason: 'Niet meer nodig.',
      });
      const before = await counts(closed.id);
      const r = await post('staff', `${closed.id}/suspensions`, 2, body);
      expect(expectProblem(r, 409)).toMatchObject({
        code: 'case_not_suspendable',
        params: { status: 'withdrawn' },
      });
      expect(await counts(closed.id)).toEqual(before);
    });

    it('ending a clock that runs: 409', async () => {
      now = cest('2026-04-21T09:00:00');
      const running = await fileCase(t, 'buyer');
      await route(running.id, cest('2026-04-22T09:00:00'), cest('2026-04-30T12:00:00'));
      const c = await getCase(running.id);
      const r = await post('staff', `${running.id}/suspensions/current/end`, c.version);
      expect(expectProblem(r, 409)).toMatchObject({ code: 'case_not_suspended' });
    });
  });

  it('serves what each available transition needs, for the person reading', async () => {
    now = new Date();
    const filed = await fileCase(t, 'buyer');
    await route(filed.id, new Date(Date.now() + 86400_000), new Date(Date.now() + 10 * 86400_000));
    expect((await getCase(filed.id, 'staff')).availableTransitions).toEqual([
      { to: 'accepted', requires: null, asksReason: false },
      { to: 'declined', requires: 'reason', asksReason: true },
    ]);
    expect((await getCase(filed.id, 'buyer')).availableTransitions).toEqual([
      { to: 'withdrawn', requires: 'reason', asksReason: true },
    ]);
    expect((await getCase(filed.id, 'auditor')).availableTransitions).toEqual([]);
  });
});
