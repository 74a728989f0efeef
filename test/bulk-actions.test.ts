import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { BulkActionRunner } from '../src/bulk-actions/bulk-action.runner';
import { bearer, fileCase } from './support/factories';
import { expectProblem } from './support/problem';
import { waitFor } from './support/processes';
import { startTestApp, TestApp } from './support/test-app';

type Bulk = {
  id: string;
  action: string;
  state: 'queued' | 'running' | 'finished';
  total: number;
  counts: { pending: number; done: number; skipped: number; failed: number };
  results: {
    position: number;
    caseId: string;
    reference: string | null;
    outcome: string | null;
    reason: string | null;
  }[];
  nextCursor: string | null;
};

/**
 * Issue 19, item 2 and acceptance 2 (ADR 39): bulk actions on the work queue, done by the
 * workflow case by case, each case in its own unit of work with its own version check.
 */
describe('bulk actions', () => {
  let t: TestApp;
  let db: DataSource;
  let staffId = '';

  beforeAll(async () => {
    t = await startTestApp({ env: { WORKERS: 'on', RELAY_POLL_MS: '200' } });
    db = t.app.get(DataSource);
    const [staff] = await db.query<{ id: string }[]>(
      `SELECT id FROM users WHERE email = 'staff@brug.example'`,
    );
    staffId = staff!.id;
  });
  afterAll(() => t.close());

  /** Files cases and waits until the workflow routed them (energy: the staff member's team). */
  const routedCases = async (n: number, word = 'energiebespaarservice') => {
    const filed = [];
    for (let i = 0; i < n; i++) {
      filed.push(await fileCase(t, 'buyer', { title: `Bulk ${i + 1} ${word}` }));
    }
    const ids = filed.map((c) => c.id);
    await waitFor(async () => {
      const [row] = await db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM cases WHERE id = ANY($1) AND status = 'routed'`,
        [ids],
      );
      return row!.n === n;
    }, 60_000);
    const rows = await db.query<{ id: string; reference: string; version: number }[]>(
      `SELECT id, reference, version FROM cases WHERE id = ANY($1)`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)!);
  };

  const progress = async (id: string, query = ''): Promise<Bulk> =>
    (
      await t
        .http()
        .get(`/api/v1/bulk-actions/${id}${query}`)
        .set(await bearer(t, 'staff'))
        .expect(200)
    ).body as Bulk;

  const finished = async (id: string): Promise<Bulk> => {
    let last: Bulk | undefined;
    await waitFor(async () => {
      last = await progress(id);
      return last.state === 'finished';
    }, 120_000);
    return last!;
  };

  const auditCount = async (action: string, bulkId: string, caseIds?: string[]) => {
    const [row] = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_events
        WHERE action = $1 AND data::jsonb->>'bulkActionId' = $2
          AND ($3::uuid[] IS NULL OR case_id = ANY($3::uuid[]))`,
      [action, bulkId, caseIds ?? null],
    );
    return row!.n;
  };

  /** Holds a case's row lock from another connection, so the job waits there. */
  const holdCase = async (caseId: string): Promise<Client> => {
    const client = new Client({ connectionString: t.config.databaseUrl });
    await client.connect();
    await client.query('BEGIN');
    await client.query('SELECT 1 FROM cases WHERE id = $1 FOR UPDATE', [caseId]);
    return client;
  };

  it('takes on 50 routed cases; 3 changed meanwhile are skipped as stale; progress shows while it runs', async () => {
    const cases = await routedCases(50);
    // Seen on the page at these versions; then someone else changes 3 of them.
    const stale = [4, 29, 44];
    const staff2 = await bearer(t, 'staff2');
    for (const i of stale) {
      await t
        .http()
        .patch(`/api/v1/cases/${cases[i]!.id}`)
        .set({ ...staff2, 'If-Match': `"${cases[i]!.version}"` })
        .send({ priority: 'urgent' })
        .expect(200);
    }
    // The job will wait at the 25th case while this connection holds it.
    const held = await holdCase(cases[24]!.id);
    let bulk: Bulk;
    try {
      const created = await t
        .http()
        .post('/api/v1/bulk-actions')
        .set(await bearer(t, 'staff'))
        .send({
          action: 'take_on',
          selection: { cases: cases.map((c) => ({ id: c.id, version: c.version })) },
        })
        .expect(202);
      bulk = created.body as Bulk;
      expect(created.headers.location).toBe(`/api/v1/bulk-actions/${bulk.id}`);
      expect(bulk).toMatchObject({ action: 'take_on', total: 50 });
      expect(['queued', 'running']).toContain(bulk.state);

      // While it runs: the first 24 are through (one of them stale), the rest pending.
      let during: Bulk | undefined;
      await waitFor(async () => {
        during = await progress(bulk.id);
        return during.counts.done + during.counts.skipped === 24;
      }, 60_000);
      expect(during).toMatchObject({
        state: 'running',
        counts: { done: 23, skipped: 1, failed: 0, pending: 26 },
      });
    } finally {
      await held.query('ROLLBACK');
      await held.end();
    }

    const done = await finished(bulk.id);
    expect(done.counts).toEqual({ pending: 0, done: 47, skipped: 3, failed: 0 });

    // The skipped ones, with their reason, a page of results at a time.
    const skipped = await progress(bulk.id, '?outcome=skipped');
    expect(skipped.results).toEqual(
      stale.map((i) => ({
        position: i + 1,
        caseId: cases[i]!.id,
        reference: cases[i]!.reference,
        outcome: 'skipped',
        reason: 'stale_version',
      })),
    );
    const first = await progress(bulk.id, '?pageSize=20');
    expect(first.results.map((r) => r.position)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    const second = await progress(bulk.id, `?pageSize=20&cursor=${first.nextCursor}`);
    expect(second.results[0]!.position).toBe(21);
    const third = await progress(bulk.id, `?pageSize=20&cursor=${second.nextCursor}`);
    expect(third.results).toHaveLength(10);
    expect(third.nextCursor).toBeNull();

    // 47 taken on: accepted and assigned to the staff member; the 3 untouched.
    const rows = await db.query<{ id: string; status: string; assignee_id: string | null }[]>(
      `SELECT id, status, assignee_id FROM cases WHERE id = ANY($1)`,
      [cases.map((c) => c.id)],
    );
    const staleIds = stale.map((i) => cases[i]!.id);
    for (const row of rows) {
      if (staleIds.includes(row.id)) expect(row).toMatchObject({ status: 'routed' });
      else expect(row).toMatchObject({ status: 'accepted', assignee_id: staffId });
    }

    // The audit trail: the case events of 47 cases (each its transition and its assignment,
    // naming the bulk action), none for the 3 skipped, and one bulk event with the counts.
    expect(await auditCount('case.transitioned', bulk.id)).toBe(47);
    expect(await auditCount('case.assigned', bulk.id)).toBe(47);
    expect(await auditCount('case.transitioned', bulk.id, staleIds)).toBe(0);
    const bulkEvents = await db.query<{ action: string; actor_id: string; data: string }[]>(
      `SELECT action, actor_id, data FROM audit_events WHERE action LIKE 'bulk_action.%' AND subject_id = $1`,
      [bulk.id],
    );
    expect(bulkEvents).toHaveLength(1);
    expect(bulkEvents[0]!.actor_id).toBe(staffId);
    expect(JSON.parse(bulkEvents[0]!.data)).toMatchObject({
      action: 'take_on',
      total: 50,
      done: 47,
      skipped: 3,
      failed: 0,
    });
  });

  it('a second run of the job (a worker taking over) does no case twice', async () => {
    const cases = await routedCases(6);
    const held = await holdCase(cases[2]!.id);
    let id = '';
    let rerun: Promise<unknown> | undefined;
    try {
      const created = await t
        .http()
        .post('/api/v1/bulk-actions')
        .set(await bearer(t, 'staff'))
        .send({
          action: 'transition',
          to: 'declined',
          reason: 'Geen capaciteit dit kwartaal',
          selection: { cases: cases.map((c) => ({ id: c.id, version: c.version })) },
        })
        .expect(202);
      id = (created.body as Bulk).id;
      await waitFor(async () => (await progress(id)).counts.done === 2, 60_000);
      // As a second worker would after the first one's lock ran out: the same job again.
      rerun = t.app.get(BulkActionRunner).run(id, false);
    } finally {
      await held.query('ROLLBACK');
      await held.end();
    }
    await rerun;
    const done = await finished(id);
    expect(done.counts).toEqual({ pending: 0, done: 6, skipped: 0, failed: 0 });
    expect(await auditCount('case.transitioned', id)).toBe(6);
    // Run again after the end: nothing.
    expect(await t.app.get(BulkActionRunner).run(id, false)).toEqual({ outcome: 'gone' });
    const [events] = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'bulk_action.completed' AND subject_id = $1`,
      [id],
    );
    expect(events!.n).toBe(1);
  });

  it('every case of a view: counted first, then done; the rules of each case decide', async () => {
    const cases = await routedCases(3, 'zonnewijkvraag');
    // One of them moved on already: a transition to in_progress applies to it only.
    const staff = await bearer(t, 'staff');
    await t
      .http()
      .post(`/api/v1/cases/${cases[0]!.id}/transitions`)
      .set({ ...staff, 'If-Match': `"${cases[0]!.version}"` })
      .send({ to: 'accepted' })
      .expect(200);
    const filters = { q: 'zonnewijkvraag', status: ['routed', 'accepted'] };
    const preview = await t
      .http()
      .post('/api/v1/bulk-actions/preview')
      .set(staff)
      .send({ action: 'transition', to: 'in_progress', selection: { filters } })
      .expect(200);
    expect(preview.body).toEqual({
      count: 3,
      countCapped: false,
      max: 1000,
      withinLimit: true,
    });
    const created = await t
      .http()
      .post('/api/v1/bulk-actions')
      .set(staff)
      .send({ action: 'transition', to: 'in_progress', selection: { filters } })
      .expect(202);
    const bulk = await finished((created.body as Bulk).id);
    expect(bulk.total).toBe(3);
    expect(bulk.counts).toEqual({ pending: 0, done: 1, skipped: 2, failed: 0 });
    expect(bulk.counts.failed).toBe(0);
    const mine = await progress(bulk.id, '?pageSize=200');
    const result = (caseId: string) => mine.results.find((r) => r.caseId === caseId)!;
    expect(result(cases[0]!.id)).toMatchObject({ outcome: 'done', reason: null });
    // Routed cases cannot go to in_progress: skipped with the refusal the single action gives.
    expect(result(cases[1]!.id)).toMatchObject({
      outcome: 'skipped',
      reason: 'transition_not_allowed',
    });
  });

  it('assigns to a colleague; one already theirs is skipped as unchanged', async () => {
    const cases = await routedCases(2);
    const [colleague] = await db.query<{ id: string }[]>(
      `SELECT id FROM users WHERE email = 'staff2@brug.example'`,
    );
    const created = await t
      .http()
      .post('/api/v1/bulk-actions')
      .set(await bearer(t, 'staff'))
      .send({
        action: 'assign',
        assigneeId: colleague!.id,
        selection: { cases: cases.map((c) => ({ id: c.id, version: c.version })) },
      })
      .expect(202);
    const bulk = await finished((created.body as Bulk).id);
    expect(bulk.counts).toMatchObject({ done: 2 });
    expect(created.body.params).toMatchObject({
      assigneeId: colleague!.id,
      assignee: { id: colleague!.id, name: expect.any(String) },
    });
    const rows = await db.query<{ version: number }[]>(
      `SELECT version FROM cases WHERE id = ANY($1) ORDER BY reference`,
      [cases.map((c) => c.id)],
    );
    const again = await t
      .http()
      .post('/api/v1/bulk-actions')
      .set(await bearer(t, 'staff'))
      .send({
        action: 'assign',
        assigneeId: colleague!.id,
        selection: {
          cases: cases.map((c, i) => ({ id: c.id, version: rows[i]!.version })),
        },
      })
      .expect(202);
    const second = await finished((again.body as Bulk).id);
    expect(second.counts).toMatchObject({ done: 0, skipped: 2 });
    expect(second.results.map((r) => r.reason)).toEqual(['no_change', 'no_change']);
  });

  it('roles: staff and admins only, each their own; take on is staff’s', async () => {
    const [c] = await routedCases(1);
    const body = { action: 'take_on', selection: { cases: [{ id: c!.id, version: c!.version }] } };
    for (const who of ['buyer', 'budgetEnergy', 'auditor']) {
      const refused = await t
        .http()
        .post('/api/v1/bulk-actions')
        .set(await bearer(t, who))
        .send(body);
      expect(expectProblem(refused, 403)).toMatchObject({ code: 'forbidden' });
    }
    const admin = await t
      .http()
      .post('/api/v1/bulk-actions')
      .set(await bearer(t, 'admin'))
      .send(body);
    expect(expectProblem(admin, 403)).toMatchObject({ code: 'forbidden' });
    const created = await t
      .http()
      .post('/api/v1/bulk-actions')
      .set(await bearer(t, 'staff'))
      .send(body)
      .expect(202);
    const id = (created.body as Bulk).id;
    // Another staff member does not see it; an administrator does; a buyer may not ask.
    const other = await t
      .http()
      .get(`/api/v1/bulk-actions/${id}`)
      .set(await bearer(t, 'staff2'));
    expect(expectProblem(other, 404)).toMatchObject({
      code: 'bulk_action_not_found',
      params: { id },
    });
    await t
      .http()
      .get(`/api/v1/bulk-actions/${id}`)
      .set(await bearer(t, 'admin'))
      .expect(200);
    const buyer = await t
      .http()
      .get(`/api/v1/bulk-actions/${id}`)
      .set(await bearer(t, 'buyer'));
    expectProblem(buyer, 403);
    await finished(id);
  });

  it('bad input and the limit of 1,000 cases: 4xx problems with codes and params', async () => {
    const staff = await bearer(t, 'staff');
    const post = (body: object) => t.http().post('/api/v1/bulk-actions').set(staff).send(body);
    const one = { id: '00000000-0000-4000-8000-000000000001', version: 1 };
    const fieldCodes = (problem: Record<string, unknown>) =>
      Object.fromEntries(
        (problem.errors as { field: string; code: string }[]).map((e) => [e.field, e.code]),
      );

    expect(fieldCodes(expectProblem(await post({ action: 'take_on' }), 400))).toMatchObject({
      selection: 'required',
    });
    expect(
      fieldCodes(
        expectProblem(
          await post({ action: 'take_on', selection: { cases: [one], filters: {} } }),
          400,
        ),
      ),
    ).toEqual({ selection: 'not_allowed' });
    expect(
      fieldCodes(expectProblem(await post({ action: 'take_on', selection: {} }), 400)),
    ).toEqual({ selection: 'required' });
    expect(
      fieldCodes(
        expectProblem(
          await post({ action: 'transition', to: 'proposed', selection: { cases: [one] } }),
          400,
        ),
      ),
    ).toEqual({ to: 'not_one_of' });
    expect(
      fieldCodes(expectProblem(await post({ action: 'assign', selection: { cases: [one] } }), 400)),
    ).toEqual({ assigneeId: 'required' });
    expect(
      fieldCodes(
        expectProblem(
          await post({ action: 'transition', to: 'declined', selection: { cases: [one] } }),
          400,
        ),
      ),
    ).toEqual({ reason: 'required' });
    expect(
      fieldCodes(
        expectProblem(
          await post({ action: 'take_on', to: 'accepted', selection: { cases: [one] } }),
          400,
        ),
      ),
    ).toEqual({ to: 'not_allowed' });
    expect(
      fieldCodes(
        expectProblem(await post({ action: 'take_on', selection: { cases: [one, one] } }), 400),
      ),
    ).toEqual({ 'selection.cases[1].id': 'duplicate' });
    const [buyer] = await db.query<{ id: string }[]>(
      `SELECT id FROM users WHERE email = 'buyer@brug.example'`,
    );
    expect(
      fieldCodes(
        expectProblem(
          await post({ action: 'assign', assigneeId: buyer!.id, selection: { cases: [one] } }),
          400,
        ),
      ),
    ).toEqual({ assigneeId: 'not_staff' });

    // Picked one by one: a page, at most 100 (more go by a view's filters).
    const many = Array.from({ length: 101 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      version: 1,
    }));
    const tooMany = expectProblem(
      await post({ action: 'take_on', selection: { cases: many } }),
      400,
    );
    expect(tooMany.errors).toEqual([
      expect.objectContaining({
        field: 'selection.cases',
        code: 'too_many_items',
        params: { max: 100 },
      }),
    ]);

    // Chosen by a view: counted first; more than 1,000 is refused.
    const [template] = await db.query<{ id: string }[]>(
      `SELECT id FROM cases ORDER BY filed_at LIMIT 1`,
    );
    await db.query(
      `INSERT INTO cases (reference, title, description, estimated_value_cents, priority, status,
              organisation_unit_id, filed_by_id, filed_at, updated_at)
       SELECT next_case_reference(now()), 'Massaal ' || g, c.description, c.estimated_value_cents,
              c.priority, 'filed', c.organisation_unit_id, c.filed_by_id, now(), now()
         FROM cases c, generate_series(1, 1001) g WHERE c.id = $1`,
      [template!.id],
    );
    const filters = { status: ['filed'] };
    const preview = await t
      .http()
      .post('/api/v1/bulk-actions/preview')
      .set(staff)
      .send({ action: 'transition', to: 'withdrawn', reason: 'Dubbel', selection: { filters } })
      .expect(200);
    expect(preview.body).toMatchObject({ max: 1000, withinLimit: false, countCapped: false });
    expect(preview.body.count).toBeGreaterThan(1000);
    const refused = expectProblem(
      await post({
        action: 'transition',
        to: 'withdrawn',
        reason: 'Dubbel',
        selection: { filters },
      }),
      422,
    );
    expect(refused).toMatchObject({
      code: 'bulk_action_too_large',
      params: { max: 1000, count: preview.body.count, capped: false },
    });
    const none = expectProblem(
      await post({ action: 'take_on', selection: { filters: { q: 'zzzgeenzaakzzz' } } }),
      422,
    );
    expect(none).toMatchObject({ code: 'bulk_action_empty' });

    const missing = await t
      .http()
      .get('/api/v1/bulk-actions/00000000-0000-4000-8000-000000000000')
      .set(staff);
    expect(expectProblem(missing, 404)).toMatchObject({ code: 'bulk_action_not_found' });
    const notUuid = await t.http().get('/api/v1/bulk-actions/nope').set(staff);
    expectProblem(notUuid, 404);
  });
});
