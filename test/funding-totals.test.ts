import { DataSource } from 'typeorm';
import { bearer, fileCase } from './support/factories';
import { EUR, postEntry } from './support/funding';
import { startTestApp, TestApp } from './support/test-app';
import { splitByShares } from '../src/funding/benefit-calculator';
import { SHARES_IN_FORCE } from '../src/funding/ledger-sql';

/** A small seeded generator, so a failure can be replayed. */
function generator(seed: number): { int: (n: number) => number; pick: <T>(xs: T[]) => T } {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (n) => Math.floor(next() * n),
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
  };
}

const DOMAINS = ['energy', 'housing', 'energy-poverty', 'care', 'food', 'mobility'];
const CHANGES = 2000;
const CONCURRENCY = 8;
/** Far enough back to select every case: the views then count from the ledger itself. */
const RECOUNT = { filedFrom: '2000-01-01' };

/**
 * Issue 18, acceptance item 5: the totals Brug keeps (ADR 37) equal a full recount after 2,000
 * random concurrent changes — ledger entries, filings, benefit shares, domain changes, value
 * changes, withdrawals.
 * The recount is the same view asked with a filing period (which the kept totals cannot answer,
 * so the view sums the ledger and the case tables itself), and PostgreSQL's own rebuild.
 */
describe('maintained funding totals', () => {
  let t: TestApp;
  let db: DataSource;
  const rng = generator(18_2026);
  const cases: { id: string; domains: string[]; open: boolean }[] = [];
  const outcomes: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => t.close());

  const domainsFor = (): { code: string; role: string }[] => {
    const count = 1 + rng.int(4);
    const picked: string[] = [];
    while (picked.length < count) {
      const d = rng.pick(DOMAINS);
      if (!picked.includes(d)) picked.push(d);
    }
    return picked.map((code, i) => ({ code, role: i === 0 ? 'lead' : 'affected' }));
  };

  const file = async (): Promise<number> => {
    const domains = domainsFor();
    const withMoney = rng.int(2) === 0;
    const filed = await fileCase(t, rng.pick(['buyer', 'buyer2']), {
      domains,
      estimatedValueCents: (1 + rng.int(500)) * 1000 * EUR,
      ...(withMoney
        ? {
            initialFunding: [
              { domainCode: domains[0]!.code, amountCents: (1 + rng.int(90)) * EUR },
            ],
          }
        : {}),
    });
    cases.push({ id: filed.id, domains: domains.map((d) => d.code), open: true });
    return 201;
  };

  /** One random change; answers the HTTP status (4xx are refusals, which change nothing). */
  const change = async (): Promise<number> => {
    const roll = rng.int(100);
    if (roll < 5 || cases.length < 20) return file();
    // Mostly open cases: a withdrawn one refuses all but releases.
    const open = cases.filter((x) => x.open);
    const c = rng.int(10) > 0 && open.length ? rng.pick(open) : rng.pick(cases);
    const domain = rng.pick(c.domains);
    const small = ['disburse', 'release'];
    const amount = (kind: string) =>
      (small.includes(kind) ? 1 + rng.int(5) : 1 + rng.int(100)) * EUR + rng.int(100);
    if (roll < 70) {
      const entry =
        roll < 30
          ? { kind: 'pledge' }
          : roll < 50
            ? { kind: 'commit' }
            : roll < 62
              ? { kind: 'disburse' }
              : { kind: 'release', releaseFrom: rng.pick(['pledge', 'commitment']) };
      const who = entry.kind === 'pledge' ? rng.pick(['staff', 'admin']) : 'admin';
      const amountCents = amount(entry.kind);
      return (await postEntry(t, who, c.id, { domainCode: domain, amountCents, ...entry })).status;
    }
    if (roll < 75) {
      // Benefit shares over the case's domains, adding up to 10,000 basis points.
      const read = await t
        .http()
        .get(`/api/v1/cases/${c.id}/benefit-shares`)
        .set(await bearer(t, 'staff'));
      let left = 10_000;
      const shares = c.domains.map((domainCode, i) => {
        const basisPoints = i === c.domains.length - 1 ? left : rng.int(left + 1);
        left -= basisPoints;
        return { domainCode, basisPoints };
      });
      return (
        await t
          .http()
          .put(`/api/v1/cases/${c.id}/benefit-shares`)
          .set({
            ...(await bearer(t, 'staff')),
            'If-Match': `"${(read.body as { version: number }).version}"`,
          })
          .send({ shares, reasoning: 'Willekeurig verdeeld' })
      ).status;
    }
    const current = await t
      .http()
      .get(`/api/v1/cases/${c.id}`)
      .set(await bearer(t, 'admin'));
    const version = (current.body as { version: number }).version;
    const headers = { ...(await bearer(t, 'admin')), 'If-Match': `"${version}"` };
    if (roll < 85) {
      const domains = domainsFor();
      const response = await t.http().patch(`/api/v1/cases/${c.id}`).set(headers).send({ domains });
      if (response.status === 200) c.domains = domains.map((d) => d.code);
      return response.status;
    }
    if (roll < 97) {
      const estimatedValueCents = (1 + rng.int(500)) * 1000 * EUR;
      return (
        await t.http().patch(`/api/v1/cases/${c.id}`).set(headers).send({ estimatedValueCents })
      ).status;
    }
    const response = await t
      .http()
      .post(`/api/v1/cases/${c.id}/transitions`)
      .set(headers)
      .send({ to: 'withdrawn', reason: 'Niet meer nodig' });
    if (response.status === 200) c.open = false;
    return response.status;
  };

  const get = async (who: string, path: string, query: Record<string, unknown>) => {
    const response = await t
      .http()
      .get(`/api/v1${path}`)
      .query(query)
      .set(await bearer(t, who));
    expect(response.status).toBe(200);
    return response.body as Record<string, unknown>;
  };

  it('equal a full recount after 2,000 random concurrent changes', async () => {
    // 2,000 changes made (refusals, such as a release of more than is open, come on top).
    let done = 0;
    let attempts = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (done < CHANGES && attempts++ < 3 * CHANGES) {
          const status = await change();
          outcomes[status] = (outcomes[status] ?? 0) + 1;
          if (status === 200 || status === 201) done++;
        }
      }),
    );
    // Every change either happened or was refused for a reason of its own: none failed.
    expect(Object.keys(outcomes).filter((s) => Number(s) >= 500)).toEqual([]);
    expect(done).toBeGreaterThanOrEqual(CHANGES);
    // The mix made every kind of change: shares set, domains changed, cases withdrawn.
    const [made] = await db.query<{ shares: number; withdrawn: number; entries: number }[]>(
      `SELECT (SELECT count(*) FROM benefit_share_versions)::int AS shares,
              (SELECT count(*) FROM cases WHERE status = 'withdrawn')::int AS withdrawn,
              (SELECT count(*) FROM funding_entries)::int AS entries`,
    );
    expect(made!.shares).toBeGreaterThan(20);
    expect(made!.withdrawn).toBeGreaterThan(5);
    expect(made!.entries).toBeGreaterThan(500);

    const filters: Record<string, unknown>[] = [
      {},
      { status: ['filed', 'routed'] },
      { status: ['withdrawn'] },
      { domain: 'care' },
      { domain: 'energy', status: ['routed', 'accepted', 'filed'] },
    ];
    for (const who of ['staff', 'buyer', 'buyer2', 'budgetEnergy', 'budgetHousing']) {
      for (const filter of filters) {
        const kept = await get(who, '/funding/matrix', { ...filter, pageSize: 1 });
        const counted = await get(who, '/funding/matrix', { ...filter, ...RECOUNT, pageSize: 1 });
        expect({ who, filter, ...pick(kept, 'domains', 'totals', 'caseCount') }).toEqual({
          who,
          filter,
          ...pick(counted, 'domains', 'totals', 'caseCount'),
        });
        expect(await get(who, '/funding/matrix/by-domain', filter)).toEqual(
          await get(who, '/funding/matrix/by-domain', { ...filter, ...RECOUNT }),
        );
        expect(await get(who, '/funding/flows', filter)).toEqual(
          await get(who, '/funding/flows', { ...filter, ...RECOUNT }),
        );
      }
    }
    const staffMatrix = await get('staff', '/funding/matrix', { pageSize: 1 });
    expect(staffMatrix.caseCount).toBe(cases.length);

    // The flows, recounted from the ledger and the shares in force with the shares' own split.
    const flows = (await get('staff', '/funding/flows', {})) as {
      flows: {
        payer: string;
        beneficiary: string;
        committedCents: number;
        disbursedCents: number;
      }[];
    };
    const money = await db.query<
      { case_id: string; payer: string; committed: string; disbursed: string }[]
    >(
      `SELECT f.case_id, f.domain_code AS payer,
              SUM(CASE f.kind WHEN 'commit' THEN f.amount_cents
                              WHEN 'release' THEN CASE f.release_from WHEN 'commitment' THEN -f.amount_cents ELSE 0 END
                              ELSE 0 END)::bigint AS committed,
              SUM(CASE f.kind WHEN 'disburse' THEN f.amount_cents ELSE 0 END)::bigint AS disbursed
         FROM funding_entries f GROUP BY 1, 2`,
    );
    const shares = await db.query<{ case_id: string; domain_code: string; basis_points: number }[]>(
      `SELECT * FROM ${SHARES_IN_FORCE} s ORDER BY s.case_id, s.domain_code`,
    );
    const recounted = new Map<string, [number, number]>();
    for (const m of money) {
      const of = shares
        .filter((s) => s.case_id === m.case_id)
        .map((s) => ({ domainCode: s.domain_code, basisPoints: Number(s.basis_points) }));
      const committed = splitByShares(Number(m.committed), of);
      const disbursed = splitByShares(Number(m.disbursed), of);
      for (const { domainCode } of of) {
        const key = `${m.payer} → ${domainCode}`;
        const sum = recounted.get(key) ?? [0, 0];
        recounted.set(key, [
          sum[0] + committed.get(domainCode)!,
          sum[1] + disbursed.get(domainCode)!,
        ]);
      }
    }
    expect(
      Object.fromEntries(
        flows.flows.map((f) => [
          `${f.payer} → ${f.beneficiary}`,
          [f.committedCents, f.disbursedCents],
        ]),
      ),
    ).toEqual(Object.fromEntries([...recounted].filter(([, [c, d]]) => c !== 0 || d !== 0)));

    // The gaps, every page, against the same list counted from the tables.
    const gaps: [string, number][] = [];
    for (let cursor: string | null = null; ;) {
      const page = (await get('staff', '/funding/gaps', {
        pageSize: 50,
        ...(cursor ? { cursor } : {}),
      })) as { items: { caseId: string; gapCents: number }[]; nextCursor: string | null };
      gaps.push(...page.items.map((g): [string, number] => [g.caseId, g.gapCents]));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const expected = await db.query<{ id: string; gap: string }[]>(
      `WITH bal AS (
         SELECT f.case_id, f.domain_code,
                SUM(CASE f.kind WHEN 'commit' THEN f.amount_cents
                      WHEN 'release' THEN CASE f.release_from WHEN 'commitment' THEN -f.amount_cents ELSE 0 END
                      ELSE 0 END) AS committed,
                SUM(CASE f.kind WHEN 'pledge' THEN f.amount_cents WHEN 'commit' THEN -f.pledge_converted_cents
                      WHEN 'release' THEN CASE f.release_from WHEN 'pledge' THEN -f.amount_cents ELSE 0 END
                      ELSE 0 END) AS pledged
           FROM funding_entries f GROUP BY 1, 2
       ),
       g AS (
         SELECT c.id, (c.estimated_value_cents
                       - COALESCE((SELECT SUM(b.committed) FROM bal b WHERE b.case_id = c.id), 0))::bigint AS gap,
                EXISTS (SELECT 1 FROM case_domains cd
                          LEFT JOIN bal b ON b.case_id = cd.case_id AND b.domain_code = cd.domain_code
                         WHERE cd.case_id = c.id AND COALESCE(b.committed, 0) <= 0
                           AND COALESCE(b.pledged, 0) <= 0) AS non_paying
           FROM cases c WHERE c.status NOT IN ('resolved', 'declined', 'withdrawn')
       )
       SELECT id, gap FROM g WHERE gap > 0 OR non_paying ORDER BY gap DESC, id DESC`,
    );
    expect(gaps).toEqual(expected.map((e): [string, number] => [e.id, Number(e.gap)]));

    // And PostgreSQL's own recount from scratch leaves every kept row as it was.
    const snapshot = async () =>
      db.query(
        `SELECT 'd' AS t, to_jsonb(d) - 'cell_count' AS row FROM funding_domain_totals d
          WHERE case_count <> 0 OR cell_count <> 0 OR committed_cents <> 0 OR pledged_cents <> 0
                OR disbursed_cents <> 0 OR benefit_cents <> 0
         UNION ALL
         SELECT 'f', to_jsonb(f) FROM funding_flow_totals f WHERE committed_cents <> 0 OR disbursed_cents <> 0
         UNION ALL
         SELECT 'c', to_jsonb(c) FROM funding_case_totals c
         ORDER BY 1, 2`,
      );
    const before = await snapshot();
    await db.query('SELECT funding_totals_rebuild()');
    expect(await snapshot()).toEqual(before);
  }, 600_000);
});

function pick(o: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, o[k]]));
}
