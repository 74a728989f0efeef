import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CursorCodec } from '../src/common/cursor';
import { bearer, fileCase, MODEL_CASE } from './support/factories';
import { expectProblem } from './support/problem';
import { startTestApp, TestApp } from './support/test-app';

/**
 * GET /api/v1/cases: visibility (who may see which case, by id, by reference and in lists),
 * every filter and sort of the contract over 1,000 cases checked against a model kept in JS,
 * keyset paging (stable while cases are filed, tamper-proof cursors), parameter validation, and
 * Dutch full text search.
 */

type Row = Record<string, unknown>;
type Params = [string, string][];

const PRIORITY_RANK: Record<string, number> = { urgent: 4, high: 3, normal: 2, low: 1 };
const SORT_NAMES = [
  '-filedAt',
  'filedAt',
  'deadline',
  '-priority',
  'priority',
  '-estimatedValue',
  'estimatedValue',
  'leadDomain',
  '-leadDomain',
  'buyer',
  '-buyer',
] as const;
type SortName = (typeof SORT_NAMES)[number];

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The calendar day of an instant in Amsterdam, `YYYY-MM-DD`. */
const amsterdamDay = (iso: string): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));

/** Reads `GET /cases` page by page until `nextCursor` is null; checks the page sizes on the way. */
async function walk(
  t: TestApp,
  who: string,
  params: Params,
  pageSize?: number,
  between?: () => Promise<void>,
): Promise<{
  ids: string[];
  items: Row[];
  pages: number;
  totals: { total: number; totalCapped: boolean }[];
}> {
  const auth = await bearer(t, who);
  const items: Row[] = [];
  const totals: { total: number; totalCapped: boolean }[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const qs = new URLSearchParams(params);
    if (pageSize !== undefined) qs.set('pageSize', String(pageSize));
    if (cursor) qs.set('cursor', cursor);
    const response = await t.http().get(`/api/v1/cases?${qs.toString()}`).set(auth);
    if (response.status !== 200) {
      throw new Error(`GET /cases?${qs.toString()} as ${who}: ${response.status} ${response.text}`);
    }
    const page = response.body.items as Row[];
    cursor = response.body.nextCursor as string | null;
    totals.push({ total: response.body.total, totalCapped: response.body.totalCapped });
    const size = pageSize ?? 25;
    expect(page.length).toBeLessThanOrEqual(size);
    // A page with a next cursor is full; a next page is never empty.
    if (cursor !== null) expect(page.length).toBe(size);
    if (pages > 0) expect(page.length).toBeGreaterThan(0);
    items.push(...page);
    pages++;
    if (pages > 2000) throw new Error('paging does not end');
    if (cursor !== null && between) await between();
  } while (cursor !== null);
  return { ids: items.map((i) => i.id as string), items, pages, totals };
}

/** A deterministic pseudo-random generator (mulberry32), so a failure reproduces. */
function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

async function userInfo(
  db: DataSource,
  email: string,
): Promise<{ id: string; unitId: string | null; domains: string[] }> {
  const [row] = await db.query<{ id: string; unit_id: string | null; domains: string[] }[]>(
    `SELECT u.id, u.organisation_unit_id AS unit_id,
            coalesce(array_agg(ud.domain_code) FILTER (WHERE ud.domain_code IS NOT NULL), '{}') AS domains
       FROM users u LEFT JOIN user_domains ud ON ud.user_id = u.id
      WHERE u.email = $1 GROUP BY u.id`,
    [email],
  );
  if (!row) throw new Error(`no user ${email}`);
  return { id: row.id, unitId: row.unit_id, domains: row.domains };
}

async function unitId(db: DataSource, code: string): Promise<string> {
  const [row] = await db.query<{ id: string }[]>(
    'SELECT id FROM organisation_units WHERE code = $1',
    [code],
  );
  if (!row) throw new Error(`no unit ${code}`);
  return row.id;
}

describe('GET /cases: visibility', () => {
  let t: TestApp;
  let model: { id: string; reference: string; tenderReference: string; filedAt: string };
  let food: { id: string; reference: string };
  let social: { id: string; reference: string };

  beforeAll(async () => {
    t = await startTestApp();
    model = (await fileCase(t, 'buyer')) as unknown as typeof model;
    food = await fileCase(t, 'buyer', {
      title: 'Inkoop stadslandbouw en groenteteelt',
      description: 'Alleen het voedseldomein is betrokken.',
      tenderReference: 'TN-2026-0999',
      priority: 'normal',
      deadline: null,
      domains: [{ code: 'food', role: 'lead' }],
    });
    social = await fileCase(t, 'buyer2', {
      title: 'Schoolmaaltijden voor basisscholen',
      description: 'Gezonde lunch op school.',
      tenderReference: 'TN-2026-0500',
      domains: [
        { code: 'food', role: 'lead' },
        { code: 'education', role: 'affected' },
      ],
    });
  });
  afterAll(() => t.close());

  /** The ways to address a case that must all answer 404 to someone who may not see it. */
  async function expectHidden(who: string, c: { id: string; reference: string }): Promise<void> {
    const auth = await bearer(t, who);
    for (const key of [c.id, c.reference, c.reference.toLowerCase()]) {
      for (const path of [`/api/v1/cases/${key}`, `/api/v1/cases/${key}/history`]) {
        expectProblem(await t.http().get(path).set(auth), 404);
      }
      expectProblem(await t.http().get(`/api/v1/cases/${key}/notes`).set(auth), 404);
    }
  }

  async function expectShown(who: string, c: { id: string; reference: string }): Promise<void> {
    const auth = await bearer(t, who);
    for (const key of [c.id, c.reference]) {
      const one = await t.http().get(`/api/v1/cases/${key}`).set(auth).expect(200);
      expect(one.body.id).toBe(c.id);
      await t.http().get(`/api/v1/cases/${key}/history`).set(auth).expect(200);
      await t.http().get(`/api/v1/cases/${key}/notes`).set(auth).expect(200);
    }
  }

  /** Queries that find the model case for anyone who may see it. */
  const modelQueries = (): Params[] => {
    const today = amsterdamDay(model.filedAt);
    return [
      [],
      [['q', MODEL_CASE.title]],
      [['q', 'energiebespaarservice']],
      [['q', model.reference]],
      [['q', model.tenderReference]],
      [['domain', 'energy']],
      [['domain', 'housing']],
      [['domain', 'care']],
      [['status', 'filed']],
      [
        ['status', 'filed'],
        ['status', 'routed'],
      ],
      [['priority', 'high']],
      [
        ['filedFrom', today],
        ['filedTo', today],
      ],
      [
        ['q', 'aanbesteding'],
        ['domain', 'energy-poverty'],
        ['status', 'filed'],
        ['priority', 'high'],
      ],
    ];
  };

  it('hides a case from a buyer of another unit: 404 by id and by reference, on history and notes', async () => {
    await expectHidden('buyer2', model);
    await expectHidden('buyer2', food);
    await expectHidden('buyer', social);
    await expectShown('buyer', model);
    await expectShown('buyer2', social);
  });

  it('answers 404, not 403, when a buyer of another unit tries to change the case', async () => {
    const auth = await bearer(t, 'buyer2');
    expectProblem(
      await t
        .http()
        .patch(`/api/v1/cases/${model.id}`)
        .set({ ...auth, 'If-Match': '"1"' })
        .send({ title: 'Overgenomen titel' }),
      404,
    );
    expectProblem(
      await t
        .http()
        .post(`/api/v1/cases/${model.reference}/transitions`)
        .set({ ...auth, 'If-Match': '"1"' })
        .send({ to: 'withdrawn', reason: 'Niet van mij' }),
      404,
    );
    expectProblem(
      await t
        .http()
        .post(`/api/v1/cases/${model.id}/notes`)
        .set(auth)
        .send({ body: 'Meekijken', visibility: 'shared' }),
      404,
    );
    const still = await t
      .http()
      .get(`/api/v1/cases/${model.id}`)
      .set(await bearer(t, 'buyer'))
      .expect(200);
    expect(still.body).toMatchObject({ title: MODEL_CASE.title, version: 1, status: 'filed' });
  });

  it('never lists the case to a buyer of another unit, whatever the filter, search or sort', async () => {
    for (const params of modelQueries()) {
      for (const sort of SORT_NAMES) {
        const query: Params = [...params, ['sort', sort]];
        const own = await walk(t, 'buyer', query, 100);
        expect({ query, found: own.ids.includes(model.id) }).toEqual({ query, found: true });
        const other = await walk(t, 'buyer2', query, 100);
        expect({ query, found: other.ids.includes(model.id) }).toEqual({ query, found: false });
        expect(other.ids).not.toContain(food.id);
      }
    }
    const all = await walk(t, 'buyer2', [], 1);
    expect(all.ids).toEqual([social.id]);
  });

  it('shows a budget holder the cases that touch their domains, and only those', async () => {
    // budget.housing holds housing and energy-poverty: the model case touches both.
    await expectShown('budgetHousing', model);
    await expectHidden('budgetHousing', food);
    await expectHidden('budgetHousing', social);
    for (const params of modelQueries()) {
      const query: Params = [...params, ['sort', '-filedAt']];
      const seen = await walk(t, 'budgetHousing', query, 100);
      expect({ query, found: seen.ids.includes(model.id) }).toEqual({ query, found: true });
    }
    expect((await walk(t, 'budgetHousing', [])).ids).toEqual([model.id]);

    // budget.energy holds energy only: the model case (energy lead) yes, a food-only case no.
    await expectShown('budgetEnergy', model);
    await expectHidden('budgetEnergy', food);
    for (const params of [
      [],
      [['domain', 'food']],
      [['q', 'stadslandbouw']],
      [['q', food.reference]],
      [['q', 'TN-2026-0999']],
      [['status', 'filed']],
      [['priority', 'normal']],
    ] as Params[]) {
      for (const sort of SORT_NAMES) {
        const query: Params = [...params, ['sort', sort]];
        const seen = await walk(t, 'budgetEnergy', query, 100);
        expect({ query, found: seen.ids.includes(food.id) }).toEqual({ query, found: false });
        const staff = await walk(t, 'staff', query, 100);
        expect({ query, staffFound: staff.ids.includes(food.id) }).toEqual({
          query,
          staffFound: true,
        });
      }
    }
    expect((await walk(t, 'budgetEnergy', [])).ids).toEqual([model.id]);
  });

  it('shows staff, auditors and admins every case', async () => {
    const [{ n }] = await t.app
      .get(DataSource)
      .query<[{ n: number }]>('SELECT count(*)::int AS n FROM cases');
    for (const who of ['staff', 'staff2', 'auditor', 'admin']) {
      for (const c of [model, food, social]) await expectShown(who, c);
      const all = await walk(t, who, [], 2);
      expect(all.ids).toHaveLength(n);
      expect(all.ids).toEqual(expect.arrayContaining([model.id, food.id, social.id]));
    }
  });

  describe('full text search (Dutch)', () => {
    const search = async (who: string, q: string): Promise<string[]> =>
      (await walk(t, who, [['q', q]], 100)).ids;

    it('finds the model case by a word of its title', async () => {
      expect(await search('staff', 'energiebespaarservice')).toEqual([model.id]);
      expect(await search('buyer', 'Energiebespaarservice')).toEqual([model.id]);
    });

    it('finds "aanbesteding" by the inflected form "aanbestedingen"', async () => {
      expect(await search('staff', 'aanbestedingen')).toEqual([model.id]);
    });

    it('finds a case by its reference and by its tender reference', async () => {
      expect(await search('staff', model.reference)).toEqual([model.id]);
      expect(await search('staff', model.reference.toLowerCase())).toEqual([model.id]);
      expect(await search('staff', 'TN-2026-0815')).toEqual([model.id]);
      expect(await search('staff', food.reference)).toEqual([food.id]);
      expect(await search('staff', 'TN-2026-0500')).toEqual([social.id]);
    });

    it('searches the description too', async () => {
      expect(await search('staff', 'energiearmoede')).toEqual([model.id]);
      expect(await search('staff', 'basisscholen')).toEqual([social.id]);
    });

    it('finds nothing for a nonsense word', async () => {
      expect(await search('staff', 'xyzzyplughfrobnicate')).toEqual([]);
      expect(await search('admin', 'qwertyuiopasdfgh')).toEqual([]);
    });
  });
});

// ---------------------------------------------------------------------------------------------

interface Seed {
  id: string;
  reference: string;
  title: string;
  description: string;
  tenderReference: string | null;
  unitId: string;
  filedById: string;
  /** The filing person's name (the `buyer` sort). */
  buyerName: string;
  estimatedValueCents: number;
  status: string;
  priority: string;
  deadline: string | null;
  filedAt: string;
  teamId: string | null;
  assigneeId: string | null;
  koppelId: string | null;
  acceptBy: string | null;
  proposeBy: string | null;
  domains: { code: string; role: 'lead' | 'affected' }[];
  /** The search vocabulary words in its title and description. */
  terms: Set<string>;
}

interface Viewer {
  who: string;
  id: string;
  sees: (c: Seed) => boolean;
}

interface Filter {
  name: string;
  params: Params;
  match: (c: Seed, viewer: Viewer) => boolean;
}

const TOPICS = [
  'zonnepanelen',
  'warmtepompen',
  'schoolmaaltijden',
  'fietsenstallingen',
  'kledinginzameling',
  'isolatie',
  'groendaken',
  'voedselbanken',
] as const;
const PLACES = ['Noord', 'Zuid', 'Oost', 'West', 'Centrum', 'Weesp'] as const;
const GROUPS = ['ouderen', 'scholieren', 'huurders', 'ondernemers'] as const;
const DOMAINS = [
  'energy',
  'energy-poverty',
  'housing',
  'food',
  'circular',
  'care',
  'education',
  'mobility',
  'solidarity-finance',
  'community',
] as const;
const STATUS_WEIGHTS: [string, number][] = [
  ['filed', 25],
  ['routed', 15],
  ['accepted', 10],
  ['in_progress', 15],
  ['proposed', 10],
  ['resolved', 10],
  ['declined', 5],
  ['withdrawn', 10],
];
const PRIORITIES = ['low', 'normal', 'normal', 'normal', 'high', 'high', 'urgent'] as const;
const TEAMS = [
  'meentcoop-intake',
  'meentcoop-energy',
  'meentcoop-housing',
  'meentcoop-food-circular',
  'meentcoop-care',
] as const;
/** Filing times on both sides of Amsterdam midnights (CEST and CET) used by the date filters. */
const BOUNDARY_TIMES = [
  '2024-10-19T21:59:59.999Z', // 2024-10-19 23:59:59.999 CEST
  '2024-10-19T22:00:00.000Z', // 2024-10-20 00:00 CEST
  '2024-11-03T22:59:59.999Z', // 2024-11-03 23:59:59.999 CET
  '2024-11-03T23:00:00.000Z', // 2024-11-04 00:00 CET
  '2025-03-14T22:59:59.999Z', // 2025-03-14 23:59:59.999 CET
  '2025-03-14T23:00:00.000Z', // 2025-03-15 00:00 CET
  '2024-06-30T21:59:59.999Z', // 2024-06-30 23:59:59.999 CEST
  '2024-06-30T22:00:00.000Z', // 2024-07-01 00:00 CEST
];

const SORT_COMPARE: Record<SortName, (a: Seed, b: Seed) => number> = {
  '-filedAt': (a, b) => cmp(b.filedAt, a.filedAt) || cmp(b.id, a.id),
  filedAt: (a, b) => cmp(a.filedAt, b.filedAt) || cmp(a.id, b.id),
  deadline: (a, b) =>
    Number(a.deadline === null) - Number(b.deadline === null) ||
    cmp(a.deadline ?? '', b.deadline ?? '') ||
    cmp(a.id, b.id),
  '-priority': (a, b) =>
    PRIORITY_RANK[b.priority]! - PRIORITY_RANK[a.priority]! ||
    cmp(b.filedAt, a.filedAt) ||
    cmp(b.id, a.id),
  priority: (a, b) =>
    PRIORITY_RANK[a.priority]! - PRIORITY_RANK[b.priority]! ||
    cmp(a.filedAt, b.filedAt) ||
    cmp(a.id, b.id),
  '-estimatedValue': (a, b) => b.estimatedValueCents - a.estimatedValueCents || cmp(b.id, a.id),
  estimatedValue: (a, b) => a.estimatedValueCents - b.estimatedValueCents || cmp(a.id, b.id),
  leadDomain: (a, b) => cmp(lead(a), lead(b)) || cmp(a.id, b.id),
  '-leadDomain': (a, b) => cmp(lead(b), lead(a)) || cmp(b.id, a.id),
  // The databases of the tests use the C collation: names in code point order, as cmp.
  buyer: (a, b) => cmp(a.buyerName, b.buyerName) || cmp(a.id, b.id),
  '-buyer': (a, b) => cmp(b.buyerName, a.buyerName) || cmp(b.id, a.id),
};

function lead(c: Seed): string {
  return c.domains.find((d) => d.role === 'lead')!.code;
}

describe('GET /cases: filters, sorts and pages over 1,000 cases', () => {
  const N = 1000;
  let t: TestApp;
  let db: DataSource;
  const seeds: Seed[] = [];
  const viewers: Record<'staff' | 'buyer' | 'budgetHousing', Viewer> = {} as never;
  const teams = new Map<string, string>();
  let staffId = '';
  let staff2Id = '';
  const now = Date.now();
  const DAY = 86_400_000;

  function generate(units: { id: string; filedBy: string; name: string }[]): void {
    const rand = generator(20_260_815);
    const int = (n: number) => Math.floor(rand() * n);
    const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
    const totalWeight = STATUS_WEIGHTS.reduce((s, [, w]) => s + w, 0);
    const pickStatus = (): string => {
      let r = rand() * totalWeight;
      for (const [status, weight] of STATUS_WEIGHTS) {
        if ((r -= weight) < 0) return status;
      }
      return 'filed';
    };
    const deadlines = Array.from({ length: 40 }, (_, i) =>
      new Date(Date.UTC(2025, 0, 1) + i * 17 * DAY).toISOString().slice(0, 10),
    );
    const tenders = Array.from({ length: 60 }, (_, i) => `TN-2025-${String(100 + i)}`);
    const start = Date.UTC(2024, 0, 1);
    const span = 2 * 365 * DAY;
    for (let i = 0; i < N; i++) {
      // A tenth of the cases share their filing time with an earlier one (ties on filed_at).
      const filedAt =
        i < BOUNDARY_TIMES.length
          ? BOUNDARY_TIMES[i]!
          : i > 20 && rand() < 0.1
            ? seeds[int(i)]!.filedAt
            : new Date(start + Math.floor(rand() * span)).toISOString();
      const unit = units[i % 7 < 3 ? 0 : i % 7 < 5 ? 1 : 2]!;
      const status = pickStatus();
      const topic = pick(TOPICS);
      const topic2 = pick(TOPICS);
      const place = pick(PLACES);
      const group = pick(GROUPS);
      const lead = pick(DOMAINS);
      const affected = DOMAINS.filter((d) => d !== lead && rand() < 0.15).slice(0, 3);
      // Routed at some point (a team, a koppel, SLA due times): all but filed cases and the
      // cases withdrawn while still filed.
      const worked = status !== 'filed' && (status !== 'withdrawn' || rand() < 0.3);
      const sign = () => (rand() < 0.5 ? -1 : 1);
      let acceptBy: number | null = null;
      let proposeBy: number | null = null;
      if (worked) {
        if (status === 'routed') {
          acceptBy = now + sign() * (1 + int(20)) * DAY;
          proposeBy = acceptBy + 13 * DAY;
        } else if (status === 'accepted' || status === 'in_progress') {
          acceptBy = now - 40 * DAY;
          proposeBy = now + sign() * (1 + int(20)) * DAY;
        } else {
          acceptBy = now - (30 + int(300)) * DAY;
          proposeBy = acceptBy + 13 * DAY;
        }
      }
      const teamCode = worked ? pick(TEAMS) : null;
      seeds.push({
        id: randomUUID(),
        reference: `BRUG-2025-9${String(i).padStart(5, '0')}`,
        title: `Inkoop ${topic} ${place}`,
        description: `Vraag van ${group} over ${topic2}.`,
        tenderReference: rand() < 0.4 ? pick(tenders) : null,
        unitId: unit.id,
        filedById: unit.filedBy,
        buyerName: unit.name,
        // Few distinct values: ties, so the id tie-breaker and keyset positions are exercised.
        estimatedValueCents: (1 + int(40)) * 2_500_000,
        status,
        priority: pick(PRIORITIES),
        deadline: rand() < 0.25 ? null : pick(deadlines),
        filedAt,
        teamId: teamCode ? teams.get(teamCode)! : null,
        assigneeId: worked && rand() < 0.6 ? (rand() < 0.5 ? staffId : staff2Id) : null,
        koppelId: worked ? staffId : null,
        acceptBy: acceptBy === null ? null : new Date(acceptBy).toISOString(),
        proposeBy: proposeBy === null ? null : new Date(proposeBy).toISOString(),
        domains: [
          { code: lead, role: 'lead' },
          ...affected.map((code) => ({ code, role: 'affected' as const })),
        ],
        terms: new Set([topic, topic2, place, group]),
      });
    }
  }

  async function insert(): Promise<void> {
    const col = <T>(f: (s: Seed) => T): T[] => seeds.map(f);
    const closed = (s: Seed) => ['resolved', 'declined', 'withdrawn'].includes(s.status);
    await db.query(
      `INSERT INTO cases (id, reference, title, description, tender_reference, estimated_value_cents,
              priority, deadline, status, organisation_unit_id, filed_by_id, team_id, assignee_id,
              koppel_meentcoop_id, routed_at, accept_by, propose_by, outcome_summary,
              outcome_supplier_name, outcome_supplier_type, outcome_awarded_value_cents, closed_at,
              filed_at, updated_at)
       SELECT id, reference, title, description, tender_reference, value, priority, deadline,
              status, unit_id, filed_by_id, team_id, assignee_id, koppel_id,
              CASE WHEN team_id IS NULL THEN NULL ELSE filed_at + interval '1 hour' END,
              accept_by, propose_by,
              CASE WHEN status = 'resolved' THEN 'Gegund' END,
              CASE WHEN status = 'resolved' THEN 'Coöperatie Zon' END,
              CASE WHEN status = 'resolved' THEN 'cooperative' END,
              CASE WHEN status = 'resolved' THEN 90000 END,
              CASE WHEN closed THEN filed_at + interval '30 days' END,
              filed_at, filed_at
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                     $7::date[], $8::text[], $9::uuid[], $10::uuid[], $11::uuid[], $12::uuid[],
                     $13::uuid[], $14::timestamptz[], $15::timestamptz[], $16::timestamptz[],
                     $17::boolean[], $18::bigint[])
           AS s(id, reference, title, description, tender_reference, priority, deadline, status,
                unit_id, filed_by_id, team_id, assignee_id, koppel_id, accept_by, propose_by,
                filed_at, closed, value)`,
      [
        col((s) => s.id),
        col((s) => s.reference),
        col((s) => s.title),
        col((s) => s.description),
        col((s) => s.tenderReference),
        col((s) => s.priority),
        col((s) => s.deadline),
        col((s) => s.status),
        col((s) => s.unitId),
        col((s) => s.filedById),
        col((s) => s.teamId),
        col((s) => s.assigneeId),
        col((s) => s.koppelId),
        col((s) => s.acceptBy),
        col((s) => s.proposeBy),
        col((s) => s.filedAt),
        col(closed),
        col((s) => s.estimatedValueCents),
      ],
    );
    const domainRows = seeds.flatMap((s) => s.domains.map((d) => ({ id: s.id, ...d })));
    await db.query(
      `INSERT INTO case_domains (case_id, domain_code, role)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[])`,
      [domainRows.map((d) => d.id), domainRows.map((d) => d.code), domainRows.map((d) => d.role)],
    );
    await db.query('ANALYZE cases');
    await db.query('ANALYZE case_domains');
  }

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    for (const code of TEAMS) teams.set(code, await unitId(db, code));
    const staff = await userInfo(db, 'staff@brug.example');
    const buyer = await userInfo(db, 'buyer@brug.example');
    const buyer2 = await userInfo(db, 'buyer2@brug.example');
    const admin = await userInfo(db, 'admin@brug.example');
    const budget = await userInfo(db, 'budget.housing@brug.example');
    staffId = staff.id;
    staff2Id = (await userInfo(db, 'staff2@brug.example')).id;
    const [{ n }] = await db.query<[{ n: number }]>('SELECT count(*)::int AS n FROM cases');
    expect(n).toBe(0);
    const names = new Map(
      (await db.query<{ id: string; name: string }[]>('SELECT id, name FROM users')).map((u) => [
        u.id,
        u.name,
      ]),
    );
    generate([
      { id: buyer.unitId!, filedBy: buyer.id, name: names.get(buyer.id)! },
      { id: buyer2.unitId!, filedBy: buyer2.id, name: names.get(buyer2.id)! },
      {
        id: await unitId(db, 'wonen-en-gebiedsontwikkeling'),
        filedBy: admin.id,
        name: names.get(admin.id)!,
      },
    ]);
    await insert();
    expect(budget.domains.sort()).toEqual(['energy-poverty', 'housing']);
    viewers.staff = { who: 'staff', id: staff.id, sees: () => true };
    viewers.buyer = { who: 'buyer', id: buyer.id, sees: (c) => c.unitId === buyer.unitId };
    viewers.budgetHousing = {
      who: 'budgetHousing',
      id: budget.id,
      sees: (c) => c.domains.some((d) => budget.domains.includes(d.code)),
    };
  });
  afterAll(() => t.close());

  const amsterdam = (c: Seed) => amsterdamDay(c.filedAt);
  const overdue = (c: Seed) =>
    (c.status === 'routed' && c.acceptBy !== null && Date.parse(c.acceptBy) < Date.now()) ||
    (['accepted', 'in_progress'].includes(c.status) &&
      c.proposeBy !== null &&
      Date.parse(c.proposeBy) < Date.now());

  const FILTERS: Filter[] = [
    { name: 'no filter', params: [], match: () => true },
    {
      name: 'status=routed',
      params: [['status', 'routed']],
      match: (c) => c.status === 'routed',
    },
    {
      name: 'status repeated (accepted, in_progress, proposed)',
      params: [
        ['status', 'accepted'],
        ['status', 'in_progress'],
        ['status', 'proposed'],
      ],
      match: (c) => ['accepted', 'in_progress', 'proposed'].includes(c.status),
    },
    {
      name: 'domain=care',
      params: [['domain', 'care']],
      match: (c) => c.domains.some((d) => d.code === 'care'),
    },
    {
      name: 'domain=housing',
      params: [['domain', 'housing']],
      match: (c) => c.domains.some((d) => d.code === 'housing'),
    },
    {
      name: 'team by id',
      params: [['team', '<meentcoop-energy id>']],
      match: (c) => c.teamId === teams.get('meentcoop-energy'),
    },
    {
      name: 'team by code',
      params: [['team', 'meentcoop-housing']],
      match: (c) => c.teamId === teams.get('meentcoop-housing'),
    },
    {
      name: 'assignee by id',
      params: [['assignee', '<staff2 id>']],
      match: (c) => c.assigneeId === staff2Id,
    },
    {
      name: 'assignee=me',
      params: [['assignee', 'me']],
      match: (c, v) => c.assigneeId === v.id,
    },
    {
      name: 'priority=urgent',
      params: [['priority', 'urgent']],
      match: (c) => c.priority === 'urgent',
    },
    {
      name: 'q: inflected form (warmtepomp finds warmtepompen)',
      params: [['q', 'warmtepomp']],
      match: (c) => c.terms.has('warmtepompen'),
    },
    {
      name: 'q: two words (AND)',
      params: [['q', 'zonnepanelen Noord']],
      match: (c) => c.terms.has('zonnepanelen') && c.terms.has('Noord'),
    },
    {
      name: 'q: or',
      params: [['q', 'huurders or ouderen']],
      match: (c) => c.terms.has('huurders') || c.terms.has('ouderen'),
    },
    {
      name: 'q: negation',
      params: [['q', 'isolatie -Centrum']],
      match: (c) => c.terms.has('isolatie') && !c.terms.has('Centrum'),
    },
    {
      name: 'q: a case reference',
      params: [['q', 'BRUG-2025-900123']],
      match: (c) => c.reference === 'BRUG-2025-900123',
    },
    {
      name: 'q: a tender reference',
      params: [['q', 'TN-2025-117']],
      match: (c) => c.tenderReference === 'TN-2025-117',
    },
    {
      name: 'filedFrom (Amsterdam day)',
      params: [['filedFrom', '2025-03-15']],
      match: (c) => amsterdam(c) >= '2025-03-15',
    },
    {
      name: 'filedTo (Amsterdam day, inclusive)',
      params: [['filedTo', '2024-06-30']],
      match: (c) => amsterdam(c) <= '2024-06-30',
    },
    {
      name: 'filedFrom and filedTo over a DST change',
      params: [
        ['filedFrom', '2024-10-20'],
        ['filedTo', '2024-11-03'],
      ],
      match: (c) => amsterdam(c) >= '2024-10-20' && amsterdam(c) <= '2024-11-03',
    },
    {
      name: 'overdue=true',
      params: [['overdue', 'true']],
      match: overdue,
    },
    {
      name: 'combined: status, domain, filedFrom, q',
      params: [
        ['status', 'filed'],
        ['status', 'routed'],
        ['domain', 'energy'],
        ['filedFrom', '2024-04-01'],
        ['q', 'ouderen or scholieren'],
      ],
      match: (c) =>
        ['filed', 'routed'].includes(c.status) &&
        c.domains.some((d) => d.code === 'energy') &&
        amsterdam(c) >= '2024-04-01' &&
        (c.terms.has('ouderen') || c.terms.has('scholieren')),
    },
  ];

  /** Placeholders in the filter table stand for ids known only after start-up. */
  const resolve = (params: Params): Params =>
    params.map(([k, v]): [string, string] => [
      k,
      v === '<meentcoop-energy id>'
        ? teams.get('meentcoop-energy')!
        : v === '<staff2 id>'
          ? staff2Id
          : v,
    ]);

  const expected = (filter: Filter, viewer: Viewer, sort: SortName): string[] =>
    seeds
      .filter((c) => viewer.sees(c) && filter.match(c, viewer))
      .sort(SORT_COMPARE[sort])
      .map((c) => c.id);

  it('the generated data exercises every filter', () => {
    for (const filter of FILTERS) {
      const n = seeds.filter((c) => filter.match(c, viewers.staff)).length;
      expect({ filter: filter.name, some: n > 0 }).toEqual({ filter: filter.name, some: true });
      if (filter.name !== 'no filter') expect(n).toBeLessThan(N);
    }
    // The cases filed on either side of an Amsterdam midnight fall on the days meant.
    expect(BOUNDARY_TIMES.map(amsterdamDay)).toEqual([
      '2024-10-19',
      '2024-10-20',
      '2024-11-03',
      '2024-11-04',
      '2025-03-14',
      '2025-03-15',
      '2024-06-30',
      '2024-07-01',
    ]);
    // Ties on the sort keys, so that the id tie-breaker and keyset positions are exercised.
    expect(new Set(seeds.map((c) => c.filedAt)).size).toBeLessThan(N - 50);
    expect(seeds.filter((c) => c.deadline === null).length).toBeGreaterThan(100);
    for (const v of ['buyer', 'budgetHousing'] as const) {
      const n = seeds.filter(viewers[v].sees).length;
      expect(n).toBeGreaterThan(100);
      expect(n).toBeLessThan(N);
    }
  });

  /**
   * Every sort at pageSize 100; at pageSize 7 every sort too when the result is at most
   * SMALL_RESULT cases, else one sort, a different one for each filter, so that each sort is also
   * walked 7 at a time over a large result (keeps the file fast: requests are the cost).
   */
  const SMALL_RESULT = 200;

  describe.each(['staff', 'buyer', 'budgetHousing'] as const)('as %s', (viewerKey) => {
    it.each(FILTERS.map((f, i) => [f.name, f, i] as const))(
      '%s: exactly the expected cases, in order, for every sort, at pageSize 7 and 100',
      async (_name, filter, index) => {
        const viewer = viewers[viewerKey];
        // Signed in once before the parallel walks (so they do not all sign in at once).
        await bearer(t, viewer.who);
        const runs = SORT_NAMES.flatMap((sort, s) => {
          const want = expected(filter, viewer, sort);
          const small = want.length <= SMALL_RESULT || s === index % SORT_NAMES.length;
          return (small ? [7, 100] : [100]).map((pageSize) => ({ sort, pageSize, want }));
        });
        await Promise.all(
          runs.map(async ({ sort, pageSize, want }) => {
            const isDefault = sort === '-filedAt' && pageSize === 100;
            // The default sort is -filedAt: once without naming it.
            const params: Params = isDefault
              ? resolve(filter.params)
              : [...resolve(filter.params), ['sort', sort]];
            const got = await walk(t, viewer.who, params, pageSize);
            expect({ sort, pageSize, ids: got.ids }).toEqual({ sort, pageSize, ids: want });
            expect(got.pages).toBe(Math.max(1, Math.ceil(want.length / pageSize)));
            // Every page tells the total of all pages (the same WHERE as the page).
            expect(new Set(got.totals.map((x) => `${x.total}/${x.totalCapped}`))).toEqual(
              new Set([`${want.length}/false`]),
            );
          }),
        );
      },
    );
  });

  it('pages 25 at a time by default', async () => {
    const first = await t
      .http()
      .get('/api/v1/cases')
      .set(await bearer(t, 'staff'))
      .expect(200);
    expect(first.body.items).toHaveLength(25);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect(first.body.items.map((i: Row) => i.id)).toEqual(
      expected(FILTERS[0]!, viewers.staff, '-filedAt').slice(0, 25),
    );
  });

  it('presents each listed case as the case resource', async () => {
    const page = await t
      .http()
      .get('/api/v1/cases?sort=-priority&pageSize=100')
      .set(await bearer(t, 'staff'))
      .expect(200);
    const byId = new Map(seeds.map((s) => [s.id, s]));
    for (const item of page.body.items as Row[]) {
      const s = byId.get(item.id as string)!;
      const domains = [...s.domains].sort(
        (a, b) => cmp(b.role, a.role) || cmp(a.code, b.code), // lead first, then by code
      );
      expect(item).toMatchObject({
        reference: s.reference,
        title: s.title,
        description: s.description,
        tenderReference: s.tenderReference,
        status: s.status,
        priority: s.priority,
        deadline: s.deadline,
        filedAt: s.filedAt,
        organisationUnit: { id: s.unitId },
        filedBy: { id: s.filedById },
        team: s.teamId ? { id: s.teamId } : null,
        assignee: s.assigneeId ? { id: s.assigneeId } : null,
        domains,
        crossDomain: s.domains.length > 1,
        sla:
          s.acceptBy && s.proposeBy
            ? [
                expect.objectContaining({ stage: 'accept', dueAt: s.acceptBy, breachedAt: null }),
                expect.objectContaining({ stage: 'propose', dueAt: s.proposeBy, breachedAt: null }),
              ]
            : [],
        estimatedValueCents: s.estimatedValueCents,
        priorityRaisedBy: [],
      });
      // The history comes with one case, not with a list.
      expect(item).not.toHaveProperty('history');
    }
  });

  describe('cursors', () => {
    const firstPage = async (who: string, query: string) => {
      const response = await t
        .http()
        .get(`/api/v1/cases?${query}`)
        .set(await bearer(t, who))
        .expect(200);
      expect(response.body.nextCursor).toEqual(expect.any(String));
      return response.body.nextCursor as string;
    };
    const get = async (who: string, query: string, cursor: string) =>
      t
        .http()
        .get(`/api/v1/cases?${query}&cursor=${encodeURIComponent(cursor)}`)
        .set(await bearer(t, who));

    it('refuses a forged or modified cursor (400 problem+json)', async () => {
      const query = 'status=filed&sort=filedAt&pageSize=7';
      const cursor = await firstPage('staff', query);
      expect((await get('staff', query, cursor)).status).toBe(200);
      const [body, mac] = cursor.split('.') as [string, string];
      const flip = (s: string, i: number) =>
        s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
      const position = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown[];
      const moved = Buffer.from(
        JSON.stringify([position[0], '00000000-0000-4000-8000-000000000000']),
      ).toString('base64url');
      const otherCursor = await firstPage('staff', 'status=routed&sort=filedAt&pageSize=7');
      for (const forged of [
        `${flip(body, 3)}.${mac}`,
        `${body}.${flip(mac, 5)}`,
        `${moved}.${mac}`,
        `${otherCursor.split('.')[0]}.${mac}`,
        `${body}.${mac}.x`,
        `${body}.`,
        body,
        cursor.slice(0, -1),
        'garbage',
        Buffer.from(JSON.stringify(['2025-01-01', randomUUID()])).toString('base64url') + '.x',
      ]) {
        const problem = expectProblem(await get('staff', query, forged), 400);
        expect(problem.errors).toEqual([
          { field: 'cursor', code: 'invalid_cursor', message: expect.any(String) },
        ]);
      }
    });

    it('refuses a cursor reused with other filters or another sort (400)', async () => {
      const query = 'status=filed&sort=filedAt&pageSize=7';
      const cursor = await firstPage('staff', query);
      for (const other of [
        'status=routed&sort=filedAt&pageSize=7',
        'sort=filedAt&pageSize=7',
        'status=filed&sort=-filedAt&pageSize=7',
        'status=filed&pageSize=7',
        'status=filed&status=routed&sort=filedAt&pageSize=7',
        'status=filed&sort=filedAt&q=isolatie&pageSize=7',
        'status=filed&sort=filedAt&domain=care&pageSize=7',
        'status=filed&sort=filedAt&overdue=true&pageSize=7',
        'status=filed&sort=filedAt&filedFrom=2024-01-01&pageSize=7',
        'status=filed&sort=filedAt&assignee=me&pageSize=7',
      ]) {
        expectProblem(await get('staff', other, cursor), 400);
      }
    });

    it('refuses a cursor used by another user (400)', async () => {
      const query = 'sort=-priority&pageSize=7';
      const cursor = await firstPage('staff', query);
      for (const who of ['staff2', 'admin', 'auditor', 'buyer', 'budgetHousing']) {
        expectProblem(await get(who, query, cursor), 400);
      }
      // `assignee=me` means another person for another user: still the caller's own cursor only.
      const mine = await firstPage('staff', 'assignee=me&pageSize=1');
      expectProblem(await get('staff2', 'assignee=me&pageSize=1', mine), 400);
      expect((await get('staff', 'assignee=me&pageSize=1', mine)).status).toBe(200);
    });

    it('refuses a correctly signed cursor whose position has the wrong shape (400, not 500)', async () => {
      // Signed with the server's own key, as only a bug or a leaked key could produce.
      const codec = new CursorCodec(t.config.jwtSecret);
      const scope = (sort: string) => `cases:${viewers.staff.id}:${JSON.stringify({ sort })}`;
      const id = randomUUID();
      const good: [string, unknown[]][] = [
        ['-filedAt', ['2025-01-01 10:00:00+00', id]],
        ['deadline', ['infinity', id]],
        ['deadline', ['2025-06-01', id]],
        ['-priority', [3, '2025-01-01 10:00:00+00', id]],
      ];
      for (const [sort, position] of good) {
        const response = await get('staff', `sort=${sort}`, codec.encode(position, scope(sort)));
        expect({ sort, position, status: response.status }).toEqual({
          sort,
          position,
          status: 200,
        });
      }
      const bad: [string, unknown[]][] = [
        ['-filedAt', []],
        ['-filedAt', ['2025-01-01 10:00:00+00']],
        ['-filedAt', ['2025-01-01 10:00:00+00', 'not-a-uuid']],
        ['-filedAt', ['2025-01-01 10:00:00+00', id, 'extra']],
        ['-filedAt', ['yesterday', id]],
        ['-filedAt', [12, id]],
        ['-filedAt', ['1', id]],
        ['filedAt', ['2025-02-30 10:00:00+00', id]],
        ['deadline', ['2025-13-45', id]],
        ['deadline', ['2025-01-01 10:00', id]],
        ['-priority', [5, '2025-01-01 10:00:00+00', id]],
        ['-priority', ['3', '2025-01-01 10:00:00+00', id]],
        ['-priority', [3, '2025-01-01 10:00:00+00']],
      ];
      const answers: { sort: string; position: unknown[]; status: number }[] = [];
      for (const [sort, position] of bad) {
        const response = await get('staff', `sort=${sort}`, codec.encode(position, scope(sort)));
        answers.push({ sort, position, status: response.status });
      }
      expect(answers.filter((a) => a.status !== 400)).toEqual([]);
    });
  });

  it('refuses bad paging, sorting and filter parameters (400 problem+json)', async () => {
    const auth = await bearer(t, 'staff');
    const cases: [string, string][] = [
      ['pageSize=0', 'pageSize'],
      ['pageSize=101', 'pageSize'],
      ['pageSize=abc', 'pageSize'],
      ['pageSize=-1', 'pageSize'],
      ['pageSize=2.5', 'pageSize'],
      ['pageSize=', 'pageSize'],
      ['sort=title', 'sort'],
      ['sort=value', 'sort'],
      ['sort=-buyerName', 'sort'],
      ['sort=-deadline', 'sort'],
      ['status=open', 'status'],
      ['status=filed&status=bogus', 'status'],
      ['priority=critical', 'priority'],
      ['overdue=yes', 'overdue'],
      ['filedFrom=2025-02-30', 'filedFrom'],
      ['filedTo=yesterday', 'filedTo'],
      ['assignee=someone', 'assignee'],
      ['domain=Not%20A%20Code', 'domain'],
      ['team=no-such-team', 'team'],
      ['team=meentcoop', 'team'],
      ['team=inkoop-duurzaamheid', 'team'],
      ['foo=bar', 'foo'],
      ['page=2', 'page'],
      ['limit=10', 'limit'],
      ['sortBy=filedAt', 'sortBy'],
      [`q=${'x'.repeat(201)}`, 'q'],
      // A parameter that is not repeatable, repeated.
      ['sort=filedAt&sort=deadline', 'sort'],
      ['pageSize=5&pageSize=6', 'pageSize'],
      ['q=a&q=b', 'q'],
      ['domain=care&domain=food', 'domain'],
      ['cursor=a&cursor=b', 'cursor'],
      [Array.from({ length: 9 }, () => 'status=filed').join('&'), 'status'],
    ];
    for (const [query, field] of cases) {
      const response = await t.http().get(`/api/v1/cases?${query}`).set(auth);
      const problem = expectProblem(response, 400);
      expect({
        query,
        fields: (problem.errors as { field: string }[]).map((e) => e.field),
      }).toEqual({ query, fields: expect.arrayContaining([field]) });
    }
  });

  it('takes any text as q: operators, quotes and odd characters never make a 500', async () => {
    const auth = await bearer(t, 'staff');
    for (const q of [
      '"zonnepanelen',
      'zonnepanelen"',
      "'; DROP TABLE cases; --",
      '!(isolatie)',
      'isolatie & | ! <-> :* \\',
      '-',
      'or',
      '--isolatie',
      'de het een', // stop words only
      '😀 ünïcödé',
      '   ',
      '%',
    ]) {
      const response = await t
        .http()
        .get(`/api/v1/cases?q=${encodeURIComponent(q)}`)
        .set(auth);
      expect({ q, status: response.status }).toEqual({ q, status: 200 });
    }
    // Whitespace around the words is not part of the search.
    const padded = await walk(t, 'staff', [['q', '  warmtepomp  ']], 100);
    expect(padded.ids).toEqual(
      expected(
        FILTERS.find((f) => f.params[0]?.[1] === 'warmtepomp')!,
        viewers.staff,
        '-filedAt',
      ),
    );
  });

  // Last in this block: it files new cases (the model above no longer holds after it).
  it('returns every visible case exactly once while new cases are filed between pages', async () => {
    // Each new case is filed by the buyer, status filed, touching energy and housing (the model
    // case's domains), with priority high and deadline 2027-03-01: it lands inside the result of
    // every round below, before or after the walk's position.
    const filed: string[] = [];
    const fileOne = async () => {
      const c = await fileCase(t, 'buyer', { title: `Nieuw tijdens het bladeren ${filed.length}` });
      filed.push(c.id);
    };
    const rounds: {
      who: keyof typeof viewers;
      params: Params;
      sort: SortName;
      pageSize: number;
      match: (c: Seed) => boolean;
    }[] = [
      { who: 'staff', params: [], sort: '-filedAt', pageSize: 50, match: () => true },
      { who: 'staff', params: [], sort: 'filedAt', pageSize: 100, match: () => true },
      { who: 'staff', params: [], sort: 'deadline', pageSize: 100, match: () => true },
      { who: 'staff', params: [], sort: '-priority', pageSize: 50, match: () => true },
      { who: 'buyer', params: [], sort: 'filedAt', pageSize: 40, match: () => true },
      {
        who: 'buyer',
        params: [['status', 'filed']],
        sort: '-priority',
        pageSize: 7,
        match: (c) => c.status === 'filed',
      },
      { who: 'budgetHousing', params: [], sort: '-filedAt', pageSize: 60, match: () => true },
      {
        who: 'budgetHousing',
        params: [['domain', 'energy']],
        sort: 'deadline',
        pageSize: 7,
        match: (c) => c.domains.some((d) => d.code === 'energy'),
      },
    ];
    for (const { who, params, sort, pageSize, match } of rounds) {
      const round = { who, params, sort, pageSize };
      const viewer = viewers[who];
      const filter: Filter = { name: 'round', params, match };
      const before = new Set([...expected(filter, viewer, sort), ...filed]);
      const got = await walk(t, who, [...params, ['sort', sort]], pageSize, fileOne);
      const news = got.ids.filter((id) => !before.has(id));
      expect({ round, duplicates: got.ids.length - new Set(got.ids).size }).toEqual({
        round,
        duplicates: 0,
      });
      expect({ round, missed: [...before].filter((id) => !got.ids.includes(id)) }).toEqual({
        round,
        missed: [],
      });
      expect({ round, strangers: news.filter((id) => !filed.includes(id)) }).toEqual({
        round,
        strangers: [],
      });
      if (sort === 'filedAt') {
        // Filed now, so after every seeded case: an ascending walk meets them, in filing order.
        expect(news.length).toBeGreaterThan(0);
        expect(news).toEqual(filed.filter((id) => news.includes(id)));
      }
      if (sort === '-filedAt') expect(news).toEqual([]);
    }
    expect(filed.length).toBeGreaterThan(40);
  });
});
