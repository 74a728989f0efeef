import { DataSource } from 'typeorm';
import { DUE_SOON_MS } from '../../src/cases/sla-clock';
import { RouteCaseJob } from '../../src/workflow/routing/route-case.job';
import { FALLBACK_TEAM_CODE } from '../../src/workflow/routing/routing-rules';
import { bearer, fileCase, transition } from '../support/factories';
import { expectProblem } from '../support/problem';
import { waitFor } from '../support/processes';
import { startTestApp, TestApp } from '../support/test-app';

const EXPECTED_TEAM: Record<string, string> = {
  energy: 'MeentCoop Energie',
  'energy-poverty': 'MeentCoop Energie',
  housing: 'MeentCoop Wonen',
  food: 'MeentCoop Voedsel en Circulair',
  circular: 'MeentCoop Voedsel en Circulair',
  care: 'MeentCoop Zorg en Welzijn',
  education: 'MeentCoop Intake',
  mobility: 'MeentCoop Intake',
  community: 'MeentCoop Intake',
};

/** The state an open, unbreached stage due at `dueAt` has at `now` (due soon within 24 hours). */
function stateAt(dueAt: string, now: number): 'due_soon' | 'on_time' {
  return Date.parse(dueAt) - now <= DUE_SOON_MS ? 'due_soon' : 'on_time';
}

describe('routing by the workflow', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp({ env: { WORKERS: 'on', RELAY_POLL_MS: '200' } });
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it('routes 50 filed cases to the team their rule names, with koppel and due dates, each once', async () => {
    const leads = Object.keys(EXPECTED_TEAM);
    const filed = [];
    for (let i = 0; i < 50; i++) {
      const lead = leads[i % leads.length]!;
      const other = lead === 'care' ? 'housing' : 'care';
      filed.push(
        await fileCase(t, i % 2 ? 'buyer' : 'buyer2', {
          domains: [
            { code: lead, role: 'lead' },
            { code: other, role: 'affected' },
          ],
        }),
      );
    }
    const ids = filed.map((c) => c.id);
    await waitFor(async () => {
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM cases WHERE id = ANY($1) AND status = 'routed'`,
        [ids],
      );
      return n === 50;
    }, 20_000);
    const staff = await bearer(t, 'staff');
    for (const [i, c] of filed.entries()) {
      const lead = leads[i % leads.length]!;
      const asked = Date.now();
      const body = (await t.http().get(`/api/v1/cases/${c.id}`).set(staff).expect(200)).body;
      const answered = Date.now();
      expect({ lead, team: body.team?.name }).toEqual({ lead, team: EXPECTED_TEAM[lead] });
      expect(body.status).toBe('routed');
      expect(body.koppel?.municipal.id).toBe(body.filedBy.id);
      expect(body.koppel?.meentcoop).toEqual({ id: expect.any(String), name: expect.any(String) });
      const [accept, propose] = body.sla;
      // Open and not breached; due soon when its due time is within a day of the answer (a
      // one-working-day stage filed early in the week is), on time otherwise.
      for (const stage of [accept, propose]) {
        expect(stage).toMatchObject({ breachedAt: null });
        expect([stateAt(stage.dueAt, answered), stateAt(stage.dueAt, asked)]).toContain(
          stage.state,
        );
      }
      expect([accept.stage, propose.stage]).toEqual(['accept', 'propose']);
      expect(Date.parse(accept.dueAt)).toBeGreaterThan(Date.parse(body.filedAt));
      expect(Date.parse(propose.dueAt)).toBeGreaterThan(Date.parse(accept.dueAt));
    }
    const latencies = (
      await db.query<{ ms: number }[]>(
        `SELECT extract(epoch FROM routed_at - filed_at) * 1000 AS ms FROM cases WHERE id = ANY($1)`,
        [ids],
      )
    )
      .map((r) => Number(r.ms))
      .sort((a, b) => a - b);
    const p95 = latencies[Math.ceil(latencies.length * 0.95) - 1]!;
    process.stdout.write(
      `routing latency: p50 ${latencies[24]!.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms\n`,
    );
    // Routed after it was filed, each of them. How fast is the bench's routing row (issue 21):
    // a time limit here fails on a busy machine without anything being wrong.
    expect(latencies).toHaveLength(50);
    expect(latencies[0]).toBeGreaterThanOrEqual(0);
    const events = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'case.transitioned' AND data::jsonb->>'to' = 'routed' AND case_id = ANY($1) GROUP BY case_id`,
      [ids],
    );
    expect(events.map((e) => e.n)).toEqual(Array(50).fill(1));
  });

  it('routes again changing nothing', async () => {
    const c = await fileCase(t);
    await waitFor(
      async () =>
        (
          await t
            .http()
            .get(`/api/v1/cases/${c.id}`)
            .set(await bearer(t, 'staff'))
        ).body.status === 'routed',
    );
    const before = (
      await t
        .http()
        .get(`/api/v1/cases/${c.id}`)
        .set(await bearer(t, 'staff'))
    ).body;
    expect(await t.app.get(RouteCaseJob).handle({ caseId: c.id })).toBe('skipped');
    const after = (
      await t
        .http()
        .get(`/api/v1/cases/${c.id}`)
        .set(await bearer(t, 'staff'))
    ).body;
    expect(after).toEqual(before);
  });

  it('follows rules an admin adds, in position order, and the fallback team otherwise', async () => {
    const admin = await bearer(t, 'admin');
    const teams = (await t.http().get('/api/v1/teams').set(admin)).body.items as {
      id: string;
      code: string;
    }[];
    const housingTeam = teams.find((x) => x.code === 'meentcoop-housing')!.id;
    const rules = (await t.http().get('/api/v1/routing-rules').set(admin).expect(200)).body.items;
    expect(rules.map((r: { position: number }) => r.position)).toEqual([10, 20, 30, 40]);
    const big = await t
      .http()
      .post('/api/v1/routing-rules')
      .set(admin)
      .send({
        position: 5,
        name: 'Grote energiezaken naar Wonen',
        leadDomains: ['energy'],
        minValueCents: 5_000_000_000,
        priorities: ['urgent'],
        teamId: housingTeam,
      })
      .expect(201);
    const bigCase = await fileCase(t, 'buyer', {
      estimatedValueCents: 6_000_000_000,
      priority: 'urgent',
    });
    const small = await fileCase(t, 'buyer', {
      estimatedValueCents: 6_000_000_000,
      priority: 'normal',
    });
    const staff = await bearer(t, 'staff');
    await waitFor(async () => {
      const a = (await t.http().get(`/api/v1/cases/${bigCase.id}`).set(staff)).body;
      const b = (await t.http().get(`/api/v1/cases/${small.id}`).set(staff)).body;
      return a.status === 'routed' && b.status === 'routed';
    });
    expect((await t.http().get(`/api/v1/cases/${bigCase.id}`).set(staff)).body.team.name).toBe(
      'MeentCoop Wonen',
    );
    expect((await t.http().get(`/api/v1/cases/${small.id}`).set(staff)).body.team.name).toBe(
      'MeentCoop Energie',
    );
    await t
      .http()
      .patch(`/api/v1/routing-rules/${big.body.id}`)
      .set({ ...admin, 'If-Match': `"${big.body.version}"` })
      .send({ active: false })
      .expect(200);
    expectProblem(
      await t
        .http()
        .post('/api/v1/routing-rules')
        .set(admin)
        .send({ position: 1, name: 'x', teamId: '00000000-0000-4000-8000-000000000000' }),
      400,
    );
    expectProblem(await t.http().get('/api/v1/routing-rules').set(staff), 403);
  });

  it('gives the koppel to the team member with the fewest open cases', async () => {
    const admin = await bearer(t, 'admin');
    const team = (
      await t
        .http()
        .post('/api/v1/teams')
        .set(admin)
        .send({ code: 'meentcoop-onderwijs', name: 'MeentCoop Onderwijs' })
        .expect(201)
    ).body.id as string;
    await t
      .http()
      .post('/api/v1/routing-rules')
      .set(admin)
      .send({ position: 50, name: 'Onderwijs', leadDomains: ['education'], teamId: team })
      .expect(201);
    const users: string[] = [];
    for (const n of [1, 2, 3]) {
      users.push(
        (
          await t
            .http()
            .post('/api/v1/users')
            .set(admin)
            .send({
              email: `onderwijs${n}@brug.example`,
              name: `Onderwijs ${n}`,
              role: 'staff',
              organisationUnitId: team,
            })
            .expect(201)
        ).body.id,
      );
    }
    const cases = [];
    for (let i = 0; i < 6; i++) {
      const c = await fileCase(t, 'buyer', { domains: [{ code: 'education', role: 'lead' }] });
      cases.push(c);
      // One at a time, so each routing sees the load the previous one left.
      await waitFor(
        async () =>
          (await t.http().get(`/api/v1/cases/${c.id}`).set(admin)).body.status === 'routed',
      );
    }
    const contacts = await db.query<{ id: string; n: number }[]>(
      `SELECT koppel_meentcoop_id AS id, count(*)::int AS n FROM cases WHERE id = ANY($1) GROUP BY 1`,
      [cases.map((c) => c.id)],
    );
    expect(contacts.map((c) => c.id).sort()).toEqual([...users].sort());
    expect(contacts.map((c) => c.n)).toEqual([2, 2, 2]);

    // A closed case no longer counts, and a member who left gets none: with the cases of the
    // second and third members withdrawn and the third deactivated, both next cases go to the
    // second (none open, then one). Counting closed cases would split them between the first
    // two; counting the deactivated member would give one to the third.
    const [, second, left] = users as [string, string, string];
    const byContact = new Map<string, string[]>();
    const routed = await db.query<{ id: string; contact: string }[]>(
      `SELECT id, koppel_meentcoop_id AS contact FROM cases WHERE id = ANY($1) ORDER BY id`,
      [cases.map((c) => c.id)],
    );
    for (const r of routed) byContact.set(r.contact, [...(byContact.get(r.contact) ?? []), r.id]);
    for (const id of [...byContact.get(second)!, ...byContact.get(left)!]) {
      await transition(t, 'buyer', id, 2, { to: 'withdrawn', reason: 'Niet meer nodig.' });
    }
    const member = await t.http().get(`/api/v1/users/${left}`).set(admin).expect(200);
    await t
      .http()
      .patch(`/api/v1/users/${left}`)
      .set({ ...admin, 'If-Match': String(member.headers.etag) })
      .send({ active: false })
      .expect(200);
    const next: string[] = [];
    for (let i = 0; i < 2; i++) {
      const c = await fileCase(t, 'buyer', { domains: [{ code: 'education', role: 'lead' }] });
      await waitFor(
        async () =>
          (await t.http().get(`/api/v1/cases/${c.id}`).set(admin)).body.status === 'routed',
      );
      const [row] = await db.query<{ contact: string }[]>(
        'SELECT koppel_meentcoop_id AS contact FROM cases WHERE id = $1',
        [c.id],
      );
      next.push(row!.contact);
    }
    expect(next).toEqual([second, second]);
  });

  it('gives up at once when the fallback team is missing: one attempt, then an admin retry routes the case', async () => {
    const admin = await bearer(t, 'admin');
    const gone = `${FALLBACK_TEAM_CODE}-gone`;
    await db.query(`UPDATE organisation_units SET code = $2 WHERE code = $1`, [
      FALLBACK_TEAM_CODE,
      gone,
    ]);
    let job: { id: string; name: string; attemptsMade: number; failedReason: string } | undefined;
    let c: { id: string };
    try {
      // No rule names a team for a case led by mobility: the fallback team would take it.
      c = await fileCase(t, 'buyer', { domains: [{ code: 'mobility', role: 'lead' }] });
      await waitFor(async () => {
        const failed = (await t.http().get('/api/v1/admin/failed-jobs').set(admin).expect(200)).body
          .items as {
          id: string;
          name: string;
          attemptsMade: number;
          failedReason: string;
          data: { caseId?: string };
        }[];
        job = failed.find((f) => f.name === 'route-case' && f.data.caseId === c.id);
        return job !== undefined;
      }, 10_000);
      expect(job).toMatchObject({
        attemptsMade: 1,
        failedReason: `The fallback team ${FALLBACK_TEAM_CODE} does not exist`,
      });
      const [row] = await db.query(`SELECT status FROM cases WHERE id = $1`, [c.id]);
      expect(row.status).toBe('filed');
    } finally {
      await db.query(`UPDATE organisation_units SET code = $1 WHERE code = $2`, [
        FALLBACK_TEAM_CODE,
        gone,
      ]);
    }
    await t.http().post(`/api/v1/admin/failed-jobs/${job!.id}/retry`).set(admin).expect(202);
    await waitFor(async () => {
      const [row] = await db.query(`SELECT status FROM cases WHERE id = $1`, [c.id]);
      return row.status === 'routed';
    });
  });
});
