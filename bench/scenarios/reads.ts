import { runLoads } from '../lib/api';
import type { Bench } from '../lib/bench';
import { checkLedger } from '../lib/load-data';
import { Rng } from '../lib/generate';
import { ms, perSecond } from '../lib/report';
import { fmt, summarise } from '../lib/stats';

/** GET /cases/{id} for cases drawn at random from the whole history. */
export async function detailScenario(bench: Bench): Promise<void> {
  const rng = new Rng(42);
  const loaded = bench.factory.total - bench.loadedFrom;
  const paths = Array.from(
    { length: 2000 },
    () => `/api/v1/cases/${bench.factory.id(bench.loadedFrom + rng.int(loaded))}`,
  );
  for (const path of paths.slice(0, 20)) await bench.api.get(path, bench.tokens.staff);
  const levels = [1, 16];
  const results = await runLoads(
    bench.processes,
    levels.map((connections) => ({
      mode: 'http' as const,
      url: bench.api.base,
      method: 'GET' as const,
      paths,
      headers: { authorization: `Bearer ${bench.tokens.staff}` },
      connections,
      seconds: bench.scale.detailSeconds,
    })),
  );
  for (const [k, connections] of levels.entries()) {
    const r = results[k]!;
    if (r.errors || r.non2xx)
      throw new Error(`Case detail: ${r.errors} errors, ${r.non2xx} non-2xx`);
    bench.report.add({
      scenario: 'case detail',
      what: `GET /cases/{id}, ${connections} client${connections > 1 ? 's' : ''}, random of ${fmt(loaded)}`,
      brug: `p50 ${ms(r.latency.p50)} / p99 ${ms(r.latency.p99)}, ${perSecond(r.perSecond, 'req')}`,
      baseline: '—',
      ratio: '—',
      data: { connections, ...r },
    });
  }
}

/**
 * The funding views over the funded cases: run while the database holds exactly those cases and
 * their ledger (the sizes), before the rest of the history is loaded.
 */
export async function fundingScenario(bench: Bench): Promise<void> {
  const { entries, cases } = await checkLedger(bench.db);
  const [{ n: allCases }] = (
    await bench.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')
  ).rows as [{ n: number }];
  const timings: Record<string, number[]> = {};
  for (const [name, path] of [
    ['matrix', '/api/v1/funding/matrix'],
    ['gaps', '/api/v1/funding/gaps'],
  ] as const) {
    const first = await bench.api.get<{ rows?: unknown[]; items?: unknown[] }>(
      path,
      bench.tokens.staff,
    );
    if (name === 'matrix' && first.body.rows?.length !== allCases) {
      throw new Error(`The matrix has ${first.body.rows?.length} rows for ${allCases} cases`);
    }
    const times: number[] = [];
    for (let i = 0; i < bench.scale.fundingRepeats; i++)
      times.push((await bench.api.get(path, bench.tokens.staff)).ms);
    timings[name] = times;
    const s = summarise(times);
    bench.report.add({
      scenario: 'funding',
      what: `GET ${path.replace('/api/v1', '')} (JSON), ${fmt(cases)} cases, ${fmt(entries)} entries`,
      brug: `p50 ${ms(s.p50)}, max ${ms(s.max)} (${s.n} requests, one at a time)`,
      baseline: '—',
      ratio: '—',
      data: { cases, entries, casesInDatabase: allCases, ...s, first: first.ms },
    });
  }
  const matrix = summarise(timings.matrix!);
  const gaps = summarise(timings.gaps!);
  bench.report.goal(
    `Funding matrix and gaps under 1 second (${fmt(cases)} cases, ${fmt(entries)} entries)`,
    `matrix p50 ${ms(matrix.p50)} (max ${ms(matrix.max)}), gaps p50 ${ms(gaps.p50)} (max ${ms(gaps.max)})`,
    matrix.p50 < 1000 && gaps.p50 < 1000,
  );
}

/** The gaps view again once the whole history is in (not a goal of the issue: for information). */
export async function fundingAtScaleScenario(bench: Bench): Promise<void> {
  const [{ n: cases }] = (
    await bench.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')
  ).rows as [{ n: number }];
  const times: number[] = [];
  let failure: string | null = null;
  for (let i = 0; i < 3 && !failure; i++) {
    try {
      times.push((await bench.api.get('/api/v1/funding/gaps', bench.tokens.staff, 120_000)).ms);
    } catch (error) {
      failure = error instanceof Error ? error.message.slice(0, 200) : String(error);
    }
  }
  const s = summarise(times);
  bench.report.add({
    scenario: 'funding',
    what: `GET /funding/gaps (JSON) over all ${fmt(cases)} cases (information)`,
    brug: failure ? `failed: ${failure}` : `p50 ${ms(s.p50)}, max ${ms(s.max)} (${s.n} requests)`,
    baseline: '—',
    ratio: '—',
    data: { cases, ...s, failure },
  });
}
