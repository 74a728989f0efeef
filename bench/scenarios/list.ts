import {
  buildListQuery,
  listScope,
  RARE_SEARCH_LIMIT,
  searchProbe,
  type KeyRow,
} from '../../src/cases/case-list-query';
import type { ListCasesQuery } from '../../src/cases/dto/list-cases.query';
import { CursorCodec } from '../../src/common/cursor';
import { runLoads } from '../lib/api';
import { actorOf, type Bench, type Who } from '../lib/bench';
import { COMMON_WORD, RARE_NOTE_WORD, RARE_WORD } from '../lib/generate';
import type { HttpLoad, LoadResult } from '../load-child';
import { ms, ratio } from '../lib/report';
import { fmt, median } from '../lib/stats';

interface Variant {
  label: string;
  who: Who;
  query: ListCasesQuery;
}

function variants(bench: Bench): Variant[] {
  // A month a third of the way into the history, for the filing-date filter.
  const f = bench.factory;
  const from = new Date(f.filedAt(Math.max(bench.loadedFrom, Math.floor(f.total * 0.4))));
  const filedFrom = from.toISOString().slice(0, 10);
  const filedTo = new Date(from.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  return [
    { label: 'no filter', who: 'staff', query: {} },
    { label: 'status=in_progress', who: 'staff', query: { status: ['in_progress'] } },
    { label: 'domain=housing', who: 'staff', query: { domain: 'housing' } },
    { label: 'team=meentcoop-energy', who: 'staff', query: { team: 'meentcoop-energy' } },
    { label: 'assignee=me', who: 'staff', query: { assignee: 'me' } },
    { label: 'priority=urgent', who: 'staff', query: { priority: 'urgent' } },
    { label: `q=${COMMON_WORD} (common)`, who: 'staff', query: { q: COMMON_WORD } },
    { label: `q=${RARE_WORD} (rare)`, who: 'staff', query: { q: RARE_WORD } },
    // Parts of words (trigrams, ADR 8): "spaar" is inside compounds like "spaarfonds"; the
    // rare word's middle; a word only in a few notes, as a buyer (shared notes only).
    { label: 'q=spaar (part of words, common)', who: 'staff', query: { q: 'spaar' } },
    { label: 'q=wierkwek (part of a rare word)', who: 'staff', query: { q: 'wierkwek' } },
    {
      label: `q=${RARE_NOTE_WORD.slice(0, 7)} (in rare notes)`,
      who: 'staff',
      query: { q: RARE_NOTE_WORD.slice(0, 7) },
    },
    { label: 'q=spaar as a buyer', who: 'buyer', query: { q: 'spaar' } },
    { label: `filed ${filedFrom}…${filedTo}`, who: 'staff', query: { filedFrom, filedTo } },
    { label: 'overdue=true', who: 'staff', query: { overdue: true } },
    { label: 'sort=-priority', who: 'staff', query: { sort: '-priority' } },
    { label: 'sort=deadline', who: 'staff', query: { sort: 'deadline' } },
    { label: 'as a buyer (own unit)', who: 'buyer', query: {} },
    { label: 'as a budget holder (2 domains)', who: 'budget', query: {} },
  ];
}

function queryString(query: ListCasesQuery, cursor?: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const v of value as string[]) params.append(key, v);
    else if (value !== undefined) params.append(key, String(value));
  }
  if (cursor) params.append('cursor', cursor);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The planner's and executor's time for a query, as psql's EXPLAIN ANALYZE reports it. */
async function explainMs(bench: Bench, sql: string, params: unknown[]): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < bench.scale.explainRepeats; i++) {
    const { rows } = await bench.db.query<{
      'QUERY PLAN': [{ 'Planning Time': number; 'Execution Time': number }];
    }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
    const plan = rows[0]!['QUERY PLAN'][0];
    times.push(plan['Planning Time'] + plan['Execution Time']);
  }
  return median(times);
}

interface Measured {
  one: LoadResult;
  sixteen: LoadResult;
  explain: number;
}

export async function listScenario(bench: Bench): Promise<void> {
  const codec = new CursorCodec(bench.jwtSecret);
  const results: { variant: Variant; page: 'first' | 'deep'; m: Measured }[] = [];
  for (const variant of variants(bench)) {
    const actor = actorOf(bench, variant.who);
    const token = bench.tokens[variant.who];
    const q = variant.query.q;
    const resolved: { teamId?: string; rareSearch?: boolean } = {};
    if (variant.query.team) {
      const [team] = (
        await bench.db.query<{ id: string }>('SELECT id FROM organisation_units WHERE code = $1', [
          variant.query.team,
        ])
      ).rows;
      resolved.teamId = team!.id;
    }
    if (q) {
      const { sql, params } = searchProbe(q);
      const [probe] = (await bench.db.query<{ n: number }>(sql, params)).rows;
      resolved.rareSearch = probe!.n < RARE_SEARCH_LIMIT;
    }
    const first = buildListQuery(actor, variant.query, resolved);
    const unlimited = first.sql.replace(/LIMIT \d+$/, '');
    const [{ n: total }] = (
      await bench.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (${unlimited}) x`,
        first.params,
      )
    ).rows as [{ n: number }];

    // A deep page: the cursor of the row in the middle of the whole result, signed as Brug signs.
    let deep: { cursor: string; sql: string; params: unknown[]; expectId: string } | null = null;
    if (total > 3 * first.pageSize) {
      const middle = Math.floor(total / 2);
      const { rows } = await bench.db.query<KeyRow>(
        `${unlimited} OFFSET ${middle} LIMIT 2`,
        first.params,
      );
      const position = first.key(rows[0]!);
      const built = buildListQuery(actor, variant.query, { ...resolved, cursorPosition: position });
      deep = {
        cursor: codec.encode(position, listScope(actor, variant.query)),
        sql: built.sql,
        params: built.params,
        expectId: rows[1]!.id,
      };
    }

    const pages: ['first' | 'deep', string, string, unknown[]][] = [
      ['first', queryString(variant.query), first.sql, first.params],
    ];
    if (deep) pages.push(['deep', queryString(variant.query, deep.cursor), deep.sql, deep.params]);
    for (const [page, qs, sql, params] of pages) {
      const path = `/api/v1/cases${qs}`;
      // Check the page is what it should be (and warm up) before measuring.
      const check = await bench.api.get<{ items: { id: string }[] }>(path, token);
      if (page === 'deep' && check.body.items[0]?.id !== deep!.expectId) {
        throw new Error(
          `The deep page of "${variant.label}" does not start where its cursor points`,
        );
      }
      if (total > 0 && check.body.items.length === 0)
        throw new Error(`"${variant.label}" found nothing`);
      for (let i = 0; i < 5; i++) await bench.api.get(path, token);
      const load = (connections: number): HttpLoad => ({
        mode: 'http',
        url: bench.api.base,
        method: 'GET',
        paths: [path],
        headers: { authorization: `Bearer ${token}` },
        connections,
        seconds: bench.scale.listSeconds,
      });
      const [one, sixteen] = (await runLoads(bench.processes, [load(1), load(16)])) as [
        LoadResult,
        LoadResult,
      ];
      for (const r of [one, sixteen]) {
        if (r.errors || r.non2xx) {
          throw new Error(
            `"${variant.label}" ${page} page: ${r.errors} errors, ${r.non2xx} non-2xx answers`,
          );
        }
      }
      const explain = await explainMs(bench, sql, params);
      const m = { one, sixteen, explain };
      results.push({ variant, page, m });
      bench.report.add({
        scenario: 'case list',
        what: `${variant.label}, ${page} page (${fmt(total)} matches)`,
        brug:
          `1 client p50 ${ms(one.latency.p50)} / p99 ${ms(one.latency.p99)}; ` +
          `16 clients p50 ${ms(sixteen.latency.p50)} / p99 ${ms(sixteen.latency.p99)} (${fmt(sixteen.perSecond)} req/s)`,
        baseline: `EXPLAIN ANALYZE ${ms(explain)}`,
        ratio: `${ratio(one.latency.p50 / explain)} (1 client p50)`,
        data: { variant: variant.label, who: variant.who, page, matches: total, path, ...m },
      });
    }
  }

  const at16 = results.map((r) => ({
    label: `${r.variant.label}, ${r.page}`,
    l: r.m.sixteen.latency,
  }));
  const worstMedian = at16.reduce((a, b) => (b.l.p50 > a.l.p50 ? b : a));
  const worstP99 = at16.reduce((a, b) => (b.l.p99 > a.l.p99 ? b : a));
  const cases = bench.factory.total - bench.loadedFrom;
  bench.report.goal(
    `Case list at 16 clients, ${fmt(cases)} cases: median under 15 ms for every filter`,
    `worst median ${ms(worstMedian.l.p50)} (${worstMedian.label}); ${at16.filter((r) => r.l.p50 >= 15).length} of ${at16.length} at or over 15 ms`,
    worstMedian.l.p50 < 15,
  );
  bench.report.goal(
    `Case list at 16 clients, ${fmt(cases)} cases: p99 under 50 ms for every filter`,
    `worst p99 ${ms(worstP99.l.p99)} (${worstP99.label}); ${at16.filter((r) => r.l.p99 >= 50).length} of ${at16.length} at or over 50 ms`,
    worstP99.l.p99 < 50,
  );
  // "As fast as the first": the deep page's median within 25 % (and 1 ms) of the first page's.
  const pairs = results
    .filter((r) => r.page === 'deep')
    .map((d) => {
      const f = results.find((r) => r.variant === d.variant && r.page === 'first')!;
      return {
        label: d.variant.label,
        one: d.m.one.latency.p50 / f.m.one.latency.p50,
        sixteen: d.m.sixteen.latency.p50 / f.m.sixteen.latency.p50,
        ok:
          d.m.sixteen.latency.p50 <= f.m.sixteen.latency.p50 * 1.25 + 1 &&
          d.m.one.latency.p50 <= f.m.one.latency.p50 * 1.25 + 1,
      };
    });
  const worstDeep = pairs.reduce((a, b) =>
    Math.max(b.one, b.sixteen) > Math.max(a.one, a.sixteen) ? b : a,
  );
  bench.report.goal(
    'Case list: deep pages as fast as the first (median within 25 % + 1 ms, at 1 and 16 clients)',
    `worst deep/first median ${ratio(Math.max(worstDeep.one, worstDeep.sixteen))} (${worstDeep.label}); ${pairs.filter((p) => !p.ok).length} of ${pairs.length} slower`,
    pairs.every((p) => p.ok),
  );
}
