import { DataSource } from 'typeorm';
import type { Response } from 'supertest';
import type { Role } from '../src/auth/roles';
import { UsersService } from '../src/auth/users.service';
import { CatalogueService } from '../src/catalogue/catalogue.service';
import {
  CASE_STATUSES,
  CLOSED_STATUSES,
  TRANSITIONS,
  type CaseStatus,
  type Requirement,
} from '../src/cases/case-transitions';
import { CasesService } from '../src/cases/cases.service';
import { waitUntilSequenced } from './support/audit';
import { bearer, fileCase, MODEL_CASE } from './support/factories';
import { expectProblem } from './support/problem';
import { DEMO, DEMO_PASSWORD, startTestApp, type TestApp } from './support/test-app';

/**
 * The case state machine through the API, against the table of expected outcomes below (written
 * out by hand, not computed from the code's `TRANSITIONS`): every (from, to) pair of statuses,
 * every kind of actor, the bodies each target needs, the history it leaves, and what a failure
 * before commit leaves behind (nothing).
 */

/** A buyer of the same unit as buyer@ who did not file the test cases (created in beforeAll). */
const COLLEAGUE_EMAIL = 'collega.inkoper@brug.example';

/** Someone who acts in these tests, as the state machine sees them. */
interface Person {
  label: string;
  /** A DEMO key or an email address, as `t.token` takes it. */
  login: string;
  role: Role;
  /** Filed the test cases (every case here is filed by buyer@). */
  isFiler: boolean;
  /** May see the test cases (buyer2 belongs to another unit). */
  sees: boolean;
}

const FILER: Person = {
  label: 'the filing buyer',
  login: 'buyer',
  role: 'buyer',
  isFiler: true,
  sees: true,
};
const COLLEAGUE: Person = {
  label: 'a buyer of the same unit who did not file',
  login: COLLEAGUE_EMAIL,
  role: 'buyer',
  isFiler: false,
  sees: true,
};
const OTHER_UNIT_BUYER: Person = {
  label: 'a buyer of another unit',
  login: 'buyer2',
  role: 'buyer',
  isFiler: false,
  sees: false,
};
const STAFF: Person = { label: 'staff', login: 'staff', role: 'staff', isFiler: false, sees: true };
const ADMIN: Person = { label: 'admin', login: 'admin', role: 'admin', isFiler: false, sees: true };
const BUDGET_HOLDER: Person = {
  label: 'a budget holder of a touched domain',
  login: 'budgetEnergy',
  role: 'budget_holder',
  isFiler: false,
  sees: true,
};
const AUDITOR: Person = {
  label: 'auditor',
  login: 'auditor',
  role: 'auditor',
  isFiler: false,
  sees: true,
};
const PEOPLE: readonly Person[] = [
  FILER,
  COLLEAGUE,
  OTHER_UNIT_BUYER,
  STAFF,
  ADMIN,
  BUDGET_HOLDER,
  AUDITOR,
];

/** The system actor (the workflow's routing), which the API never is. */
const SYSTEM = 'system' as const;
type Taker = Person | typeof SYSTEM;

/** What the API answers a person: 200 taken, 403 sees the case but may not, 404 does not see it. */
type Answer = 200 | 403 | 404;

/** One answer per person, in the order of PEOPLE. */
type Answers = readonly [
  filer: Answer,
  colleague: Answer,
  otherUnitBuyer: Answer,
  staff: Answer,
  admin: Answer,
  budgetHolder: Answer,
  auditor: Answer,
];

/** One transition as these tests expect it. */
interface Expected {
  from: CaseStatus;
  to: CaseStatus;
  /** What the body must carry. */
  needs: Requirement | null;
  /** Taken by the workflow's routing (the system), which the API never is. */
  bySystem: boolean;
  answers: Answers;
}

const row = (
  from: CaseStatus,
  to: CaseStatus,
  needs: Requirement | null,
  bySystem: boolean,
  answers: Answers,
): Expected => ({ from, to, needs, bySystem, answers });

/**
 * The expected outcomes, written out by hand from the rules of the state machine (issue 2;
 * docs/web-ui.md): staff move a case on, the buyer answers a proposal, the buyer who filed or an
 * admin withdraws an open case, only the workflow routes. Deliberately not derived from
 * `TRANSITIONS` or `mayTake`: a change of the rules fails these tests until this table is changed
 * with it. Every pair of statuses missing here must be refused with a 409.
 */
// prettier-ignore
const EXPECTED: readonly Expected[] = [
  //   from           to             needs       system  filer colleague other-unit staff admin budget auditor
  row('filed',       'routed',      null,       true,   [403,  403,      404,       403,  403,  403,   403]),
  row('routed',      'accepted',    null,       false,  [403,  403,      404,       200,  403,  403,   403]),
  row('routed',      'declined',    'reason',   false,  [403,  403,      404,       200,  403,  403,   403]),
  row('accepted',    'in_progress', null,       false,  [403,  403,      404,       200,  403,  403,   403]),
  row('accepted',    'declined',    'reason',   false,  [403,  403,      404,       200,  403,  403,   403]),
  row('in_progress', 'proposed',    'proposal', false,  [403,  403,      404,       200,  403,  403,   403]),
  row('in_progress', 'declined',    'reason',   false,  [403,  403,      404,       200,  403,  403,   403]),
  row('proposed',    'in_progress', null,       false,  [200,  200,      404,       403,  403,  403,   403]),
  row('proposed',    'resolved',    'outcome',  false,  [200,  200,      404,       403,  403,  403,   403]),
  row('filed',       'withdrawn',   'reason',   false,  [200,  403,      404,       403,  200,  403,   403]),
  row('routed',      'withdrawn',   'reason',   false,  [200,  403,      404,       403,  200,  403,   403]),
  row('accepted',    'withdrawn',   'reason',   false,  [200,  403,      404,       403,  200,  403,   403]),
  row('in_progress', 'withdrawn',   'reason',   false,  [200,  403,      404,       403,  200,  403,   403]),
  row('proposed',    'withdrawn',   'reason',   false,  [200,  403,      404,       403,  200,  403,   403]),
];

/** What the API must answer this person for this transition, from a state where it exists. */
const expectedStatus = (transition: Expected, p: Person): Answer => {
  const answer = transition.answers[PEOPLE.indexOf(p)];
  if (answer === undefined) throw new Error(`no expected answer for ${p.label}`);
  return answer;
};

const findInTable = (from: CaseStatus, to: CaseStatus): Expected | undefined =>
  EXPECTED.find((x) => x.from === from && x.to === to);

/** The statuses this person may move a case in `from` to, as the expected table says. */
const expectedNext = (from: CaseStatus, p: Person): CaseStatus[] =>
  EXPECTED.filter((x) => x.from === from && expectedStatus(x, p) === 200).map((x) => x.to);

const PAIRS = CASE_STATUSES.flatMap((from) => CASE_STATUSES.map((to) => [from, to] as const));
const ALLOWED = PAIRS.filter(([from, to]) => findInTable(from, to) !== undefined);
const REFUSED = PAIRS.filter(([from, to]) => findInTable(from, to) === undefined);

const OUTCOME = {
  summary: 'Gegund aan Energiecoöperatie Zuiderlicht, in samenwerking met de buurtzorg',
  supplierName: 'Energiecoöperatie Zuiderlicht',
  supplierType: 'cooperative',
  awardedValueCents: 98_500_000,
};

/** What moving into `to` must carry, as the table says (the same for every `from`). */
function requirementOf(to: CaseStatus): Requirement | null {
  const kinds = new Set(EXPECTED.filter((x) => x.to === to).map((x) => x.needs));
  if (kinds.size > 1) throw new Error(`the table asks different things to move into ${to}`);
  return [...kinds][0] ?? null;
}

/** A valid transition body for moving into `to`. */
function bodyFor(to: CaseStatus): Record<string, unknown> {
  const requirement = requirementOf(to);
  switch (requirement) {
    case 'reason':
      return { to, reason: `Reden om naar ${to} te gaan` };
    case 'proposal':
      return { to, proposal: `Voorstel: marktconsultatie met coöperaties (${to})` };
    case 'outcome':
      return { to, outcome: { ...OUTCOME } };
    case null:
      return { to };
  }
}

/** The shortest way from `filed` to a status through the table (breadth first). */
function pathTo(status: CaseStatus): Expected[] {
  const queue: { at: CaseStatus; path: Expected[] }[] = [{ at: 'filed', path: [] }];
  const seen = new Set<CaseStatus>(['filed']);
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { at, path } = next;
    if (at === status) return path;
    for (const step of EXPECTED.filter((x) => x.from === at && !seen.has(x.to))) {
      seen.add(step.to);
      queue.push({ at: step.to, path: [...path, step] });
    }
  }
  throw new Error(`the table has no path from filed to ${status}`);
}

/** Someone who may take a transition: the system, else the first person the table names. */
function someTaker(transition: Expected): Taker {
  if (transition.bySystem) return SYSTEM;
  const person = [FILER, STAFF, ADMIN, COLLEAGUE].find(
    (p) => expectedStatus(transition, p) === 200,
  );
  if (!person)
    throw new Error(`nobody in these tests may take ${transition.from} → ${transition.to}`);
  return person;
}

/** Every kind of actor that may take a transition (the system included). */
function takers(transition: Expected): Taker[] {
  const people: Taker[] = PEOPLE.filter((p) => expectedStatus(transition, p) === 200);
  return transition.bySystem ? [SYSTEM, ...people] : people;
}

const takerName = (taker: Taker): string => (taker === SYSTEM ? 'the system' : taker.label);

interface CaseRef {
  id: string;
  version: number;
  status: CaseStatus;
}

interface Snapshot {
  status: string;
  version: number;
  title: string;
  proposal: string | null;
  outcomeSummary: string | null;
  history: number;
  outbox: number;
  audit: number;
  domains: number;
}

/** Asserts a status and shows the body when it is another one. */
function expectStatus(response: Response, status: number): void {
  expect({ status: response.status, body: response.body }).toMatchObject({ status });
}

describe('the case state machine through the API', () => {
  let t: TestApp;
  let db: DataSource;
  let routing: { teamId: string; koppelMeentcoopId: string };
  const ids = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    const team = await t.app.get(CatalogueService).findUnitByCode('meentcoop-energy');
    const staffId = await t.app.get(UsersService).findIdByEmail(DEMO.staff);
    routing = { teamId: team!.id, koppelMeentcoopId: staffId! };

    // A colleague of buyer@: a buyer of the same unit, created by an admin, who then signs in.
    const me = await t
      .http()
      .get('/api/v1/me')
      .set(await bearer(t, 'buyer'))
      .expect(200);
    const created = await t
      .http()
      .post('/api/v1/users')
      .set(await bearer(t, 'admin'))
      .send({
        email: COLLEAGUE_EMAIL,
        name: 'Cas Collega',
        role: 'buyer',
        organisationUnitId: me.body.organisationUnit.id,
        password: DEMO_PASSWORD,
      });
    expectStatus(created, 201);
    await t.token(COLLEAGUE_EMAIL);

    for (const p of PEOPLE) {
      const who = await t
        .http()
        .get('/api/v1/me')
        .set(await bearer(t, p.login))
        .expect(200);
      expect(who.body.role).toBe(p.role);
      ids.set(p.login, who.body.id);
    }
  });
  afterAll(() => t.close());

  const idOf = (p: Person): string => ids.get(p.login)!;

  /** Routes a filed case as the workflow does (the API offers no filed → routed). */
  async function route(caseId: string): Promise<boolean> {
    const now = Date.now();
    return t.app.get(CasesService).route(caseId, {
      ...routing,
      acceptBy: new Date(now + 2 * 86_400_000),
      proposeBy: new Date(now + 15 * 86_400_000),
    });
  }

  async function postTransition(
    p: Person,
    caseId: string,
    ifMatch: number,
    body: Record<string, unknown>,
  ): Promise<Response> {
    return t
      .http()
      .post(`/api/v1/cases/${caseId}/transitions`)
      .set({ ...(await bearer(t, p.login)), 'If-Match': `"${ifMatch}"` })
      .send(body);
  }

  /** The case as the database holds it, with the rows that hang off it. */
  async function snapshot(caseId: string): Promise<Snapshot> {
    const [row] = await db.query<Snapshot[]>(
      `SELECT c.status, c.version, c.title, c.proposal, c.outcome_summary AS "outcomeSummary",
              (SELECT count(*)::int FROM case_status_changes s WHERE s.case_id = c.id) AS history,
              (SELECT count(*)::int FROM outbox_events o WHERE o.payload->>'caseId' = c.id::text) AS outbox,
              (SELECT count(*)::int FROM audit_events a WHERE a.case_id = c.id) AS audit,
              (SELECT count(*)::int FROM case_domains d WHERE d.case_id = c.id) AS domains
         FROM cases c WHERE c.id = $1`,
      [caseId],
    );
    if (!row) throw new Error(`no case ${caseId}`);
    return row;
  }

  /** Takes one transition that must succeed, and checks everything it must leave behind. */
  async function take(c: CaseRef, transition: Expected, taker: Taker): Promise<CaseRef> {
    expect(c.status).toBe(transition.from);
    const before = await snapshot(c.id);
    expect(before).toMatchObject({ status: c.status, version: c.version });
    const body = bodyFor(transition.to);

    if (taker === SYSTEM) {
      await expect(route(c.id)).resolves.toBe(true);
    } else {
      const response = await postTransition(taker, c.id, c.version, body);
      expectStatus(response, 200);
      expect(response.headers.etag).toBe(`"${c.version + 1}"`);
      expect(response.body).toMatchObject({
        id: c.id,
        status: transition.to,
        version: c.version + 1,
      });
      expect([...(response.body.allowedTransitions as string[])].sort()).toEqual(
        expectedNext(transition.to, taker).sort(),
      );
      if (transition.to === 'proposed') expect(response.body.proposal).toBe(body.proposal);
      if (transition.to === 'resolved')
        expect(response.body.outcome).toEqual({ kind: 'awarded', ...OUTCOME });
      if (CLOSED_STATUSES.includes(transition.to)) {
        expect(response.body.allowedTransitions).toEqual([]);
      }
    }

    const after = await snapshot(c.id);
    expect(after).toEqual({
      ...before,
      status: transition.to,
      version: c.version + 1,
      history: before.history + 1,
      outbox: before.outbox + 1,
      audit: before.audit + 1,
      proposal: transition.to === 'proposed' ? body.proposal : before.proposal,
      outcomeSummary: transition.to === 'resolved' ? OUTCOME.summary : null,
    });
    const [{ n }] = await db.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM outbox_events
        WHERE type = 'case.transitioned' AND payload @> $1::jsonb`,
      [
        JSON.stringify({
          caseId: c.id,
          version: c.version + 1,
          from: transition.from,
          to: transition.to,
        }),
      ],
    );
    expect(n).toBe(1);

    const history = await t
      .http()
      .get(`/api/v1/cases/${c.id}/history`)
      .set(await bearer(t, 'staff'))
      .expect(200);
    expect(history.body.items).toHaveLength(after.history);
    expect(history.body.items.at(-1)).toEqual({
      from: transition.from,
      to: transition.to,
      at: expect.any(String),
      actor:
        taker === SYSTEM
          ? { id: null, name: 'Brug', role: 'system' }
          : { id: idOf(taker), name: expect.any(String), role: taker.role },
      reason: body.reason ?? null,
    });
    return { id: c.id, version: c.version + 1, status: transition.to };
  }

  /** A freshly filed case (by buyer@), brought into `status` along a valid path of the table. */
  async function caseIn(status: CaseStatus): Promise<CaseRef> {
    const filed = await fileCase(t, 'buyer');
    let c: CaseRef = { id: filed.id, version: filed.version, status: 'filed' };
    for (const step of pathTo(status)) c = await take(c, step, someTaker(step));
    expect(c.status).toBe(status);
    return c;
  }

  // ---------------------------------------------------------------------------------------------

  describe('every (from, to) pair of the eight statuses', () => {
    it('splits the 64 pairs into the table and the rest', () => {
      expect(CASE_STATUSES).toHaveLength(8);
      expect(ALLOWED.length + REFUSED.length).toBe(64);
      // The code's table has exactly the pairs this test expects (no more, no fewer).
      const pair = (x: { from: CaseStatus; to: CaseStatus }) => `${x.from} → ${x.to}`;
      expect(TRANSITIONS.map(pair).sort()).toEqual(EXPECTED.map(pair).sort());
      for (const status of CASE_STATUSES) {
        expect(() => pathTo(status)).not.toThrow();
      }
    });

    describe.each(ALLOWED)('%s → %s (in the table)', (from, to) => {
      const transition = findInTable(from, to)!;
      it.each(takers(transition).map((taker) => [takerName(taker), taker] as const))(
        'is taken by %s: 200, the new status, version + 1, ETag, history, outbox, audit',
        async (_name, taker) => {
          await take(await caseIn(from), transition, taker);
        },
      );
    });

    it.each(REFUSED)(
      '%s → %s (not in the table) is a 409 for everyone who may act, and changes nothing',
      async (from, to) => {
        const c = await caseIn(from);
        const before = await snapshot(c.id);
        for (const p of [FILER, COLLEAGUE, STAFF, ADMIN]) {
          const response = await postTransition(p, c.id, c.version, bodyFor(to));
          const problem = expectProblem(response, 409);
          expect(problem).toMatchObject({
            code: 'transition_not_allowed',
            currentStatus: from,
          });
          expect(problem.detail).toContain(`from ${from} to ${to}`);
          expect(await snapshot(c.id)).toEqual(before);
        }
      },
    );
  });

  // ---------------------------------------------------------------------------------------------

  describe('who may take a transition', () => {
    describe.each(ALLOWED)('%s → %s', (from, to) => {
      const transition = findInTable(from, to)!;
      const refused = PEOPLE.filter((p) => expectedStatus(transition, p) !== 200);
      // One case in `from` for all of them: a refusal changes nothing, so each sees it as it was.
      let c: CaseRef;
      let before: Snapshot;
      beforeAll(async () => {
        c = await caseIn(from);
        before = await snapshot(c.id);
      });
      it.each(refused.map((p) => [p.label, expectedStatus(transition, p), p] as const))(
        'refuses %s with %d, and changes nothing',
        async (_label, status, p) => {
          expect(await snapshot(c.id)).toEqual(before);
          const problem = expectProblem(
            await postTransition(p, c.id, c.version, bodyFor(to)),
            status,
          );
          expect(problem.code).toBe(status === 404 ? 'case_not_found' : 'forbidden');
          expect(await snapshot(c.id)).toEqual(before);
        },
      );
    });

    it('names the examples: buyer accepting, staff resolving, buyer2, a colleague withdrawing', async () => {
      const routed = await caseIn('routed');
      expectProblem(
        await postTransition(FILER, routed.id, routed.version, { to: 'accepted' }),
        403,
      );
      expectProblem(
        await postTransition(OTHER_UNIT_BUYER, routed.id, routed.version, { to: 'accepted' }),
        404,
      );
      const colleagueWithdraws = expectProblem(
        await postTransition(COLLEAGUE, routed.id, routed.version, bodyFor('withdrawn')),
        403,
      );
      expect(colleagueWithdraws.detail).toMatch(/buyer who filed the case, or an admin/);
      expect(await snapshot(routed.id)).toMatchObject({
        status: 'routed',
        version: routed.version,
      });

      const proposed = await caseIn('proposed');
      expectProblem(
        await postTransition(STAFF, proposed.id, proposed.version, bodyFor('resolved')),
        403,
      );
      expectProblem(
        await postTransition(ADMIN, proposed.id, proposed.version, bodyFor('resolved')),
        403,
      );
      expect(await snapshot(proposed.id)).toMatchObject({
        status: 'proposed',
        version: proposed.version,
      });
    });

    it('refuses auditors and budget holders on POST /transitions at all (403)', async () => {
      const c = await caseIn('proposed');
      const before = await snapshot(c.id);
      for (const login of ['auditor', 'budgetEnergy', 'budgetHousing']) {
        const p: Person = { ...AUDITOR, login };
        for (const to of CASE_STATUSES) {
          expectProblem(await postTransition(p, c.id, c.version, bodyFor(to)), 403);
        }
        // Even a body that is not valid, and a case that does not exist: the role decides first.
        expectProblem(await postTransition(p, c.id, c.version, {}), 403);
        expectProblem(
          await postTransition(p, '00000000-0000-4000-8000-000000000000', 1, bodyFor('resolved')),
          403,
        );
      }
      expect(await snapshot(c.id)).toEqual(before);
    });

    it('refuses to: routed from filed to every user (403; 404 for one who cannot see the case)', async () => {
      const c = await caseIn('filed');
      const before = await snapshot(c.id);
      for (const p of PEOPLE) {
        const response = await postTransition(p, c.id, c.version, { to: 'routed' });
        expectProblem(response, p.sees ? 403 : 404);
      }
      expect(await snapshot(c.id)).toEqual(before);
    });
  });

  // ---------------------------------------------------------------------------------------------

  describe('what a transition must carry', () => {
    const outcome = (change: Record<string, unknown>, drop?: string): Record<string, unknown> => {
      const o: Record<string, unknown> = { ...OUTCOME, ...change };
      if (drop) delete o[drop];
      return o;
    };
    const cases: [string, CaseStatus, Person, Record<string, unknown>, string][] = [
      ['declined without reason', 'routed', STAFF, { to: 'declined' }, 'reason'],
      [
        'declined with a blank reason',
        'accepted',
        STAFF,
        { to: 'declined', reason: '   ' },
        'reason',
      ],
      [
        'declined with a reason that is no string',
        'in_progress',
        STAFF,
        { to: 'declined', reason: 42 },
        'reason',
      ],
      ['withdrawn without reason (filer)', 'filed', FILER, { to: 'withdrawn' }, 'reason'],
      ['withdrawn without reason (admin)', 'in_progress', ADMIN, { to: 'withdrawn' }, 'reason'],
      ['proposed without proposal', 'in_progress', STAFF, { to: 'proposed' }, 'proposal'],
      [
        'proposed with an empty proposal',
        'in_progress',
        STAFF,
        { to: 'proposed', proposal: '' },
        'proposal',
      ],
      [
        'proposed with a proposal over 10,000 characters',
        'in_progress',
        STAFF,
        { to: 'proposed', proposal: 'v'.repeat(10_001) },
        'proposal',
      ],
      [
        'declined with a reason over 2,000 characters',
        'routed',
        STAFF,
        { to: 'declined', reason: 'r'.repeat(2_001) },
        'reason',
      ],
      ['resolved without outcome', 'proposed', FILER, { to: 'resolved' }, 'outcome'],
      [
        'resolved with outcome null',
        'proposed',
        FILER,
        { to: 'resolved', outcome: null },
        'outcome',
      ],
      [
        'resolved with an outcome that is a string',
        'proposed',
        FILER,
        { to: 'resolved', outcome: 'gegund' },
        'outcome',
      ],
      [
        'resolved with an unknown supplierType',
        'proposed',
        FILER,
        { to: 'resolved', outcome: outcome({ supplierType: 'multinational' }) },
        'outcome.supplierType',
      ],
      [
        'resolved with a negative awardedValueCents',
        'proposed',
        FILER,
        { to: 'resolved', outcome: outcome({ awardedValueCents: -1 }) },
        'outcome.awardedValueCents',
      ],
      [
        'resolved with a fractional awardedValueCents',
        'proposed',
        FILER,
        { to: 'resolved', outcome: outcome({ awardedValueCents: 12.5 }) },
        'outcome.awardedValueCents',
      ],
      [
        'resolved with an awardedValueCents above 10^13',
        'proposed',
        FILER,
        { to: 'resolved', outcome: outcome({ awardedValueCents: 10_000_000_000_001 }) },
        'outcome.awardedValueCents',
      ],
      [
        'resolved with awardedValueCents as a string',
        'proposed',
        FILER,
        { to: 'resolved', outcome: outcome({ awardedValueCents: '98500000' }) },
        'outcome.awardedValueCents',
      ],
      [
        'resolved without supplierName',
        'proposed',
        FILER,
        { to: 'resolved', outcome: outcome({}, 'supplierName') },
        'outcome.supplierName',
      ],
      [
        'resolved with a blank supplierName',
        'proposed',
        FILER,
        { to: 'resolved', outcome: outcome({ supplierName: '  ' }) },
        'outcome.supplierName',
      ],
      [
        'resolved without summary',
        'proposed',
        FILER,
        { to: 'resolved', outcome: outcome({}, 'summary') },
        'outcome.summary',
      ],
      [
        'resolved with an unknown outcome field',
        'proposed',
        FILER,
        { to: 'resolved', outcome: outcome({ rating: 5 }) },
        'outcome.rating',
      ],
      [
        'a proposal with to=accepted',
        'routed',
        STAFF,
        { to: 'accepted', proposal: 'Voorstel' },
        'proposal',
      ],
      [
        'an outcome with to=in_progress (send back)',
        'proposed',
        FILER,
        { to: 'in_progress', outcome: { ...OUTCOME } },
        'outcome',
      ],
      [
        'a proposal with to=in_progress (send back)',
        'proposed',
        FILER,
        { to: 'in_progress', proposal: 'Ander voorstel' },
        'proposal',
      ],
      ['an unknown status', 'routed', STAFF, { to: 'closed' }, 'to'],
      ['no status at all', 'routed', STAFF, { reason: 'x' }, 'to'],
      ['an unknown field', 'routed', STAFF, { to: 'accepted', assigneeId: null }, 'assigneeId'],
    ];

    it.each(cases)(
      '%s → 400 naming the field, case unchanged',
      async (_name, from, p, body, field) => {
        const c = await caseIn(from);
        const before = await snapshot(c.id);
        const problem = expectProblem(await postTransition(p, c.id, c.version, body), 400);
        expect(problem.code).toBe('validation_failed');
        const fields = (problem.errors as { field: string }[]).map((e) => e.field);
        expect(fields).toContain(field);
        expect(await snapshot(c.id)).toEqual(before);
        const now = await t
          .http()
          .get(`/api/v1/cases/${c.id}`)
          .set(await bearer(t, 'staff'))
          .expect(200);
        expect(now.headers.etag).toBe(`"${c.version}"`);
        expect(now.body).toMatchObject({ status: from, version: c.version });
      },
    );
  });

  // ---------------------------------------------------------------------------------------------

  describe('a full path, its history and the case resource', () => {
    /** Each visible person's allowedTransitions on the case must be what the table gives them. */
    async function expectAllowedTransitions(caseId: string, status: CaseStatus): Promise<void> {
      for (const p of PEOPLE.filter((x) => x.sees)) {
        const seen = await t
          .http()
          .get(`/api/v1/cases/${caseId}`)
          .set(await bearer(t, p.login))
          .expect(200);
        expect({
          who: p.label,
          status: seen.body.status,
          allowed: [...(seen.body.allowedTransitions as string[])].sort(),
        }).toEqual({
          who: p.label,
          status,
          allowed: CLOSED_STATUSES.includes(status) ? [] : expectedNext(status, p).sort(),
        });
      }
    }

    it('filed → routed → accepted → in_progress → proposed → in_progress → proposed → resolved', async () => {
      const filed = await fileCase(t, 'buyer');
      let c: CaseRef = { id: filed.id, version: 1, status: 'filed' };
      await expectAllowedTransitions(c.id, 'filed');

      const steps: [CaseStatus, Taker, Record<string, unknown>][] = [
        ['routed', SYSTEM, {}],
        ['accepted', STAFF, { to: 'accepted' }],
        ['in_progress', STAFF, { to: 'in_progress', reason: 'Opgepakt door team energie' }],
        ['proposed', STAFF, { to: 'proposed', proposal: 'Eerste voorstel: één perceel' }],
        ['in_progress', FILER, { to: 'in_progress', reason: 'Graag ook wonen en zorg betrekken' }],
        ['proposed', STAFF, { to: 'proposed', proposal: 'Tweede voorstel: drie percelen' }],
        ['resolved', FILER, { to: 'resolved', outcome: OUTCOME }],
      ];
      for (const [to, taker, body] of steps) {
        if (taker === SYSTEM) {
          await expect(route(c.id)).resolves.toBe(true);
          await expect(route(c.id)).resolves.toBe(false); // a repeated routing job changes nothing
        } else {
          // One step by reference (lower case), the rest by id: both name the case.
          const address = to === 'accepted' ? filed.reference.toLowerCase() : c.id;
          const response = await postTransition(taker, address, c.version, body);
          expectStatus(response, 200);
          expect(response.headers.etag).toBe(`"${c.version + 1}"`);
          expect(response.body).toMatchObject({ id: c.id, status: to, version: c.version + 1 });
        }
        c = { id: c.id, version: c.version + 1, status: to };
        await expectAllowedTransitions(c.id, to);
      }

      const history = await t
        .http()
        .get(`/api/v1/cases/${c.id}/history`)
        .set(await bearer(t, 'buyer'))
        .expect(200);
      const buyer = { id: idOf(FILER), name: 'Bo Inkoper', role: 'buyer' };
      const staff = { id: idOf(STAFF), name: expect.any(String), role: 'staff' };
      expect(history.body.items).toEqual([
        { from: null, to: 'filed', at: expect.any(String), actor: buyer, reason: null },
        {
          from: 'filed',
          to: 'routed',
          at: expect.any(String),
          actor: { id: null, name: 'Brug', role: 'system' },
          reason: null,
        },
        { from: 'routed', to: 'accepted', at: expect.any(String), actor: staff, reason: null },
        {
          from: 'accepted',
          to: 'in_progress',
          at: expect.any(String),
          actor: staff,
          reason: 'Opgepakt door team energie',
        },
        { from: 'in_progress', to: 'proposed', at: expect.any(String), actor: staff, reason: null },
        {
          from: 'proposed',
          to: 'in_progress',
          at: expect.any(String),
          actor: buyer,
          reason: 'Graag ook wonen en zorg betrekken',
        },
        { from: 'in_progress', to: 'proposed', at: expect.any(String), actor: staff, reason: null },
        { from: 'proposed', to: 'resolved', at: expect.any(String), actor: buyer, reason: null },
      ]);
      const times = (history.body.items as { at: string }[]).map((i) => Date.parse(i.at));
      expect(times.every((x) => !Number.isNaN(x))).toBe(true);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      const staffName = history.body.items[2].actor.name;
      expect(staffName).not.toBe('');

      const resolved = await t
        .http()
        .get(`/api/v1/cases/${c.id}`)
        .set(await bearer(t, 'buyer'))
        .expect(200);
      expect(resolved.headers.etag).toBe('"8"');
      expect(resolved.body).toMatchObject({
        status: 'resolved',
        version: 8,
        proposal: 'Tweede voorstel: drie percelen',
        outcome: OUTCOME,
        allowedTransitions: [],
        team: { id: routing.teamId },
        koppel: { meentcoop: { id: routing.koppelMeentcoopId } },
      });
      // Every step announced itself once to the workflow.
      const events = await db.query<{ type: string; from: string | null; to: string | null }[]>(
        `SELECT type, payload->>'from' AS "from", payload->>'to' AS "to" FROM outbox_events
          WHERE payload->>'caseId' = $1 ORDER BY (payload->>'version')::int`,
        [c.id],
      );
      expect(events.map((e) => `${e.type}:${e.from ?? ''}>${e.to ?? ''}`)).toEqual([
        'case.filed:>',
        'case.transitioned:filed>routed',
        'case.transitioned:routed>accepted',
        'case.transitioned:accepted>in_progress',
        'case.transitioned:in_progress>proposed',
        'case.transitioned:proposed>in_progress',
        'case.transitioned:in_progress>proposed',
        'case.transitioned:proposed>resolved',
      ]);
    });

    it.each(['declined', 'withdrawn'] as const)(
      'keeps the reason for %s in the history, and offers nothing more on the closed case',
      async (to) => {
        const c = await caseIn(to);
        const history = await t
          .http()
          .get(`/api/v1/cases/${c.id}/history`)
          .set(await bearer(t, 'buyer'))
          .expect(200);
        expect(history.body.items.at(-1)).toMatchObject({
          to,
          reason: `Reden om naar ${to} te gaan`,
        });
        await expectAllowedTransitions(c.id, to);
        const [row] = await db.query<{ closed: boolean }[]>(
          'SELECT closed_at IS NOT NULL AS closed FROM cases WHERE id = $1',
          [c.id],
        );
        expect(row!.closed).toBe(true);
      },
    );
  });

  // ---------------------------------------------------------------------------------------------

  describe('a failure injected after the case is written and before commit', () => {
    const TABLES = [
      'cases',
      'case_domains',
      'case_status_changes',
      'outbox_events',
      'audit_events',
      'idempotency_keys',
    ] as const;
    /** Values the failing trigger records in sequences: they survive the rollback, rows do not. */
    const PROBES = ['fired', 'version', 'status', 'history', 'outbox', 'domains'] as const;
    type Probe = Record<(typeof PROBES)[number], number>;

    async function counts(): Promise<Record<string, number>> {
      const [row] = await db.query<Record<string, number>[]>(
        `SELECT ${TABLES.map((x) => `(SELECT count(*)::int FROM ${x}) AS ${x}`).join(', ')}`,
      );
      return row!;
    }

    async function probe(): Promise<Probe> {
      const [row] = await db.query<Probe[]>(
        `SELECT ${PROBES.map((p) => `(SELECT last_value::int FROM brug_test_probe_${p}) AS ${p}`).join(', ')}`,
      );
      return row!;
    }

    async function resetProbes(): Promise<void> {
      for (const p of PROBES) await db.query(`SELECT setval('brug_test_probe_${p}', 0)`);
    }

    async function injectFailure(): Promise<void> {
      for (const p of PROBES) {
        await db.query(`CREATE SEQUENCE IF NOT EXISTS brug_test_probe_${p} MINVALUE 0 START 0`);
      }
      const statuses = CASE_STATUSES.map((s) => `'${s}'`).join(', ');
      // Fires on the audit insert, the unit of work's last write: the case, its domains, its
      // status change and its outbox rows are already written in the same transaction.
      await db.query(`
        CREATE OR REPLACE FUNCTION brug_test_fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE v int; s int;
        BEGIN
          PERFORM nextval('brug_test_probe_fired');
          SELECT version, array_position(ARRAY[${statuses}]::text[], status) INTO v, s
            FROM cases WHERE id = NEW.case_id;
          PERFORM setval('brug_test_probe_version', coalesce(v, 0));
          PERFORM setval('brug_test_probe_status', coalesce(s, 0));
          PERFORM setval('brug_test_probe_history',
            (SELECT count(*) FROM case_status_changes WHERE case_id = NEW.case_id));
          PERFORM setval('brug_test_probe_outbox',
            (SELECT count(*) FROM outbox_events WHERE payload->>'caseId' = NEW.case_id::text));
          PERFORM setval('brug_test_probe_domains',
            (SELECT count(*) FROM case_domains WHERE case_id = NEW.case_id));
          RAISE EXCEPTION 'brug test: injected failure before commit';
        END $$`);
      await db.query(`
        CREATE TRIGGER brug_test_fail_audit BEFORE INSERT ON audit_events
          FOR EACH ROW EXECUTE FUNCTION brug_test_fail_audit()`);
      await resetProbes();
    }

    async function removeFailure(): Promise<void> {
      await db.query('DROP TRIGGER IF EXISTS brug_test_fail_audit ON audit_events');
      await db.query('DROP FUNCTION IF EXISTS brug_test_fail_audit()');
      for (const p of PROBES) await db.query(`DROP SEQUENCE IF EXISTS brug_test_probe_${p}`);
    }

    const statusIndex = (s: CaseStatus): number => CASE_STATUSES.indexOf(s) + 1;

    /** A bare 500 problem: the request id, nothing of the database error. */
    function expectBare500(response: Response): void {
      const problem = expectProblem(response, 500);
      const requestId = response.headers['x-request-id'];
      expect(typeof requestId).toBe('string');
      expect(problem).toMatchObject({ code: 'internal_error', requestId });
      expect(problem.detail).toContain(requestId);
      expect(Object.keys(problem).sort()).toEqual(
        ['code', 'detail', 'instance', 'requestId', 'status', 'title', 'type'].sort(),
      );
      expect(response.text).not.toMatch(
        /injected|brug_test|audit_events|trigger|plpgsql|QueryFailed/i,
      );
    }

    afterAll(() => removeFailure());

    it('leaves neither the case nor its rows behind, and the chain whole', async () => {
      // Cases to PATCH and to move under the failure, made while nothing fails.
      const toEdit = await caseIn('filed');
      const toAccept = await caseIn('routed');
      const toRoute = await caseIn('filed');
      const editBefore = await snapshot(toEdit.id);
      const acceptBefore = await snapshot(toAccept.id);
      const routeBefore = await snapshot(toRoute.id);
      const start = await counts();

      await injectFailure();
      try {
        // Filing.
        const buyer = await bearer(t, 'buyer');
        const filing = await t
          .http()
          .post('/api/v1/cases')
          .set({ ...buyer, 'Idempotency-Key': 'fault-1' })
          .send({ ...MODEL_CASE, title: 'Valt om voor de commit' });
        expectBare500(filing);
        // The failure came after the case, its 4 domains and its status change. The outbox row
        // is written in the same statement as the audit event (issue 15: both in one INSERT …
        // WITH, the trigger fires inside it), so the trigger cannot see it yet.
        expect(await probe()).toEqual({
          fired: 1,
          version: 1,
          status: statusIndex('filed'),
          history: 1,
          outbox: 0,
          domains: MODEL_CASE.domains.length,
        });
        expect(await counts()).toEqual(start);
        const [{ n }] = await db.query<[{ n: number }]>(
          `SELECT count(*)::int AS n FROM cases WHERE title = 'Valt om voor de commit'`,
        );
        expect(n).toBe(0);

        // Editing: the content and the domains change inside the transaction, then roll back.
        await resetProbes();
        const patch = await t
          .http()
          .patch(`/api/v1/cases/${toEdit.id}`)
          .set({ ...buyer, 'If-Match': `"${toEdit.version}"` })
          .send({
            title: 'Gewijzigd en teruggedraaid',
            domains: [{ code: 'housing', role: 'lead' }],
          });
        expectBare500(patch);
        expect(await probe()).toEqual({
          fired: 1,
          version: toEdit.version + 1,
          status: statusIndex('filed'),
          history: editBefore.history,
          outbox: editBefore.outbox, // the new row is in the audit event's statement, unseen
          domains: 1,
        });
        expect(await snapshot(toEdit.id)).toEqual(editBefore);

        // A transition through the API.
        await resetProbes();
        const accept = await postTransition(STAFF, toAccept.id, toAccept.version, {
          to: 'accepted',
        });
        expectBare500(accept);
        expect(await probe()).toEqual({
          fired: 1,
          version: toAccept.version + 1,
          status: statusIndex('accepted'),
          history: acceptBefore.history + 1,
          outbox: acceptBefore.outbox, // as above
          domains: acceptBefore.domains,
        });
        expect(await snapshot(toAccept.id)).toEqual(acceptBefore);

        // And the system's routing.
        await resetProbes();
        await expect(route(toRoute.id)).rejects.toThrow();
        expect((await probe()).status).toBe(statusIndex('routed'));
        expect(await snapshot(toRoute.id)).toEqual(routeBefore);

        expect(await counts()).toEqual(start);
        // What the API shows is what it was.
        const shown = await t
          .http()
          .get(`/api/v1/cases/${toAccept.id}/history`)
          .set(buyer)
          .expect(200);
        expect(shown.body.items).toHaveLength(acceptBefore.history);
      } finally {
        await removeFailure();
      }

      // The audit log still verifies: every committed event became a leaf, none half-written.
      await waitUntilSequenced(db);
      const verified = await t
        .http()
        .get('/api/v1/audit/verify')
        .set(await bearer(t, 'auditor'))
        .expect(200);
      expect(verified.body).toMatchObject({ valid: true });

      // Without the failure, everything works again; the idempotency key was not used up.
      const again = await t
        .http()
        .post('/api/v1/cases')
        .set({ ...(await bearer(t, 'buyer')), 'Idempotency-Key': 'fault-1' })
        .send({ ...MODEL_CASE, title: 'Valt om voor de commit' });
      expectStatus(again, 201);
      expect(again.body).toMatchObject({ status: 'filed', version: 1 });
      const end = await counts();
      expect(end).toEqual({
        cases: start.cases! + 1,
        case_domains: start.case_domains! + MODEL_CASE.domains.length,
        case_status_changes: start.case_status_changes! + 1,
        outbox_events: start.outbox_events! + 1,
        audit_events: start.audit_events! + 1,
        idempotency_keys: start.idempotency_keys! + 1,
      });
      await take(toAccept, findInTable('routed', 'accepted')!, STAFF);
      await take(toRoute, findInTable('filed', 'routed')!, SYSTEM);
      const edited = await t
        .http()
        .patch(`/api/v1/cases/${toEdit.id}`)
        .set({ ...(await bearer(t, 'buyer')), 'If-Match': `"${toEdit.version}"` })
        .send({ title: 'Gewijzigd en bewaard' });
      expectStatus(edited, 200);
      expect(edited.body).toMatchObject({
        title: 'Gewijzigd en bewaard',
        version: toEdit.version + 1,
      });
    });
  });
});
