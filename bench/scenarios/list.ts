import { join } from 'node:path';
import {
  buildListQuery,
  COUNT_SETTING,
  listScope,
  RARE_SEARCH_LIMIT,
  searchProbe,
  type KeyRow,
} from '../../src/cases/case-list-query';
import type { ListCasesQuery } from '../../src/cases/dto/list-cases.query';
import { CursorCodec } from '../../src/common/cursor';
import { loadConfig } from '../../src/config/config';
import type { FloorJob, FloorRoute } from '../floor-server';
import { runLoads } from '../lib/api';
import { actorOf, type Bench, type Who } from '../lib/bench';
import { COMMON_WORD, RARE_NOTE_WORD, RARE_WORD } from '../lib/generate';
import type { HttpLoad, LoadResult } from '../load-child';
import { ms, ratio } from '../lib/report';
import { fmt, median } from '../lib/stats';
import type { Processes } from '../lib/processes';

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
  /** The bare server's answers to the same URL (the floor of the stack). */
  floor: { one: LoadResult; sixteen: LoadResult };
}

interface Page {
  variant: Variant;
  page: 'first' | 'deep';
  total: number;
  path: string;
  token: string;
  sql: string;
  params: unknown[];
  floor: Omit<FloorRoute, 'bytes'>;
  expectId?: string;
}

/** Starts the floor server (bench/floor-server) and returns its base URL. */
async function startFloor(processes: Processes, job: FloorJob): Promise<string> {
  const child = processes.start('floor', [join(__dirname, '..', 'floor-server.js')], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_ENV: 'production' },
    input: JSON.stringify(job),
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) =>
      reject(new Error(`The floor server ended (${code}):\n${processes.tail('floor')}`)),
    );
  });
  return `http://127.0.0.1:${port}`;
}

export async function listScenario(bench: Bench): Promise<void> {
  const codec = new CursorCodec(bench.jwtSecret);
  const pages: Page[] = [];
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
    // What Brug asks PostgreSQL for this page (case-reader.ts): the page, prepared unless it is a
    // search; and the count, in its own transaction, unless a first page is its own count.
    const floorOf = (
      built: ReturnType<typeof buildListQuery>,
      counts: boolean,
    ): Omit<FloorRoute, 'bytes'> => ({
      page: { sql: built.sql, params: built.params, named: !q },
      ...(counts ? { count: { setting: COUNT_SETTING, ...built.count } } : {}),
    });
    pages.push({
      variant,
      page: 'first',
      total,
      token,
      path: `/api/v1/cases${queryString(variant.query)}`,
      sql: first.sql,
      params: first.params,
      floor: floorOf(first, total > first.pageSize),
    });

    // A deep page: the cursor of the row in the middle of the whole result, signed as Brug signs.
    if (total > 3 * first.pageSize) {
      const middle = Math.floor(total / 2);
      const { rows } = await bench.db.query<KeyRow>(
        `${unlimited} OFFSET ${middle} LIMIT 2`,
        first.params,
      );
      const position = first.key(rows[0]!);
      const built = buildListQuery(actor, variant.query, { ...resolved, cursorPosition: position });
      const cursor = codec.encode(position, listScope(actor, variant.query));
      pages.push({
        variant,
        page: 'deep',
        total,
        token,
        path: `/api/v1/cases${queryString(variant.query, cursor)}`,
        sql: built.sql,
        params: built.params,
        floor: floorOf(built, true),
        expectId: rows[1]!.id,
      });
    }
  }

  // Check every page is what it should be (and warm up), and take the size of Brug's answer.
  const routes: Record<string, FloorRoute> = {};
  for (const p of pages) {
    const check = await bench.api.getText(p.path, p.token, 'application/json');
    const items = (JSON.parse(check.text) as { items: { id: string }[] }).items;
    if (p.expectId && items[0]?.id !== p.expectId) {
      throw new Error(
        `The deep page of "${p.variant.label}" does not start where its cursor points`,
      );
    }
    if (p.total > 0 && items.length === 0) throw new Error(`"${p.variant.label}" found nothing`);
    routes[p.path] = { ...p.floor, bytes: Buffer.byteLength(check.text) };
  }
  // The floor: Brug's own statements on a pool of Brug's size (its default, as the bench runs it).
  const poolSize = loadConfig({
    NODE_ENV: 'development',
    DATABASE_URL: bench.databaseUrl,
    JWT_SECRET: bench.jwtSecret,
  }).databasePoolSize;
  const floorBase = await startFloor(bench.processes, {
    databaseUrl: bench.databaseUrl,
    poolSize,
    routes,
  });

  const results: { variant: Variant; page: 'first' | 'deep'; m: Measured }[] = [];
  try {
    for (const p of pages) {
      const { variant, page, path, token, total } = p;
      for (let i = 0; i < 5; i++) await bench.api.get(path, token);
      const load = (base: string, connections: number): HttpLoad => ({
        mode: 'http',
        url: base,
        method: 'GET',
        paths: [path],
        headers: { authorization: `Bearer ${token}` },
        connections,
        seconds: bench.scale.listSeconds,
      });
      // Brug and its floor one after the other in the same child, at 1 and at 16 clients.
      const [one, sixteen, floorOne, floorSixteen] = (await runLoads(bench.processes, [
        load(bench.api.base, 1),
        load(bench.api.base, 16),
        load(floorBase, 1),
        load(floorBase, 16),
      ])) as [LoadResult, LoadResult, LoadResult, LoadResult];
      for (const [who, r] of [
        ['Brug', one],
        ['Brug', sixteen],
        ['the floor', floorOne],
        ['the floor', floorSixteen],
      ] as const) {
        if (r.errors || r.non2xx) {
          throw new Error(
            `"${variant.label}" ${page} page (${who}): ${r.errors} errors, ${r.non2xx} non-2xx answers ` +
              `(${JSON.stringify(r.statuses)})`,
          );
        }
      }
      const explain = await explainMs(bench, p.sql, p.params);
      const m = { one, sixteen, explain, floor: { one: floorOne, sixteen: floorSixteen } };
      results.push({ variant, page, m });
      bench.report.add({
        scenario: 'case list',
        what: `${variant.label}, ${page} page (${fmt(total)} matches)`,
        brug:
          `1 client p50 ${ms(one.latency.p50)} / p99 ${ms(one.latency.p99)}; ` +
          `16 clients p50 ${ms(sixteen.latency.p50)} / p99 ${ms(sixteen.latency.p99)} (${fmt(sixteen.perSecond)} req/s)`,
        baseline:
          `floor: 1 client p50 ${ms(floorOne.latency.p50)}; 16 clients ${fmt(floorSixteen.perSecond)} req/s; ` +
          `EXPLAIN ANALYZE ${ms(explain)}`,
        ratio:
          `${ratio(sixteen.perSecond / floorSixteen.perSecond)} req/s at 16, ` +
          `p50 +${ms(one.latency.p50 - floorOne.latency.p50)} at 1`,
        data: { variant: variant.label, who: variant.who, page, matches: total, path, ...m },
      });
    }
  } finally {
    await bench.processes.stop('floor');
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
