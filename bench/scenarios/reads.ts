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
  const views = [
    [
      'matrix',
      '/api/v1/funding/matrix',
      'application/json',
      'JSON: totals over all, the newest 1,000 rows',
    ],
    [
      'domainMatrix',
      '/api/v1/funding/matrix/by-domain',
      'application/json',
      'JSON: lead domain × domain over every case, the dashboard’s heatmap',
    ],
    [
      'matrixPage',
      '/api/v1/funding/matrix?page=2&pageSize=20',
      'application/json',
      'JSON: the dashboard’s per-case page',
    ],
    ['gaps', '/api/v1/funding/gaps', 'application/json', 'JSON'],
    ['flows', '/api/v1/funding/flows', 'application/json', 'JSON: payer × beneficiary'],
    ['matrixCsv', '/api/v1/funding/matrix', 'text/csv', 'CSV: every case, streamed'],
  ] as const;
  for (const [name, path, accept, format] of views) {
    const first = await bench.api.getText(path, bench.tokens.staff, accept);
    if (name === 'matrix') {
      const body = JSON.parse(first.text) as { rows: unknown[]; caseCount: number };
      if (body.caseCount !== allCases || body.rows.length !== Math.min(allCases, 1000)) {
        throw new Error(
          `The matrix counts ${body.caseCount} cases with ${body.rows.length} rows; the database has ${allCases}`,
        );
      }
    }
    if (name === 'matrixCsv') {
      const lines = first.text.split('\r\n').filter(Boolean).length;
      if (lines !== allCases + 1) {
        throw new Error(`The matrix CSV has ${lines} lines for ${allCases} cases`);
      }
    }
    const times: number[] = [];
    for (let i = 0; i < bench.scale.fundingRepeats; i++)
      times.push((await bench.api.getText(path, bench.tokens.staff, accept)).ms);
    timings[name] = times;
    const s = summarise(times);
    bench.report.add({
      scenario: 'funding',
      what: `GET ${path.replace('/api/v1', '')} (${format}), ${fmt(cases)} cases, ${fmt(entries)} entries`,
      brug: `p50 ${ms(s.p50)}, max ${ms(s.max)} (${s.n} requests, one at a time)`,
      baseline: '—',
      ratio: '—',
      data: { cases, entries, casesInDatabase: allCases, accept, ...s, first: first.ms },
    });
  }
  const matrix = summarise(timings.matrix!);
  const csv = summarise(timings.matrixCsv!);
  const gaps = summarise(timings.gaps!);
  bench.report.goal(
    `Funding matrix and gaps under 1 second (${fmt(cases)} cases, ${fmt(entries)} entries)`,
    `matrix p50 ${ms(matrix.p50)} (max ${ms(matrix.max)}), as CSV ${ms(csv.p50)} (max ${ms(csv.max)}); ` +
      `gaps p50 ${ms(gaps.p50)} (max ${ms(gaps.max)})`,
    matrix.p50 < 1000 && csv.p50 < 1000 && gaps.p50 < 1000,
  );
}

/**
 * The dashboard's funding views once the whole history is in: issue 18 (acceptance 7) asks the
 * flows, the matrix and the gaps to answer in under 200 ms (p50) over every case, from the
 * totals PostgreSQL keeps (ADR 37).
 */
export async function fundingAtScaleScenario(bench: Bench): Promise<void> {
  const atScale = new Map<string, number>();
  const [{ n: cases }] = (
    await bench.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')
  ).rows as [{ n: number }];
  for (const [path, what] of [
    ['/api/v1/funding/gaps', 'GET /funding/gaps (JSON)'],
    ['/api/v1/funding/matrix', 'GET /funding/matrix (JSON: totals, the newest 1,000 rows)'],
    ['/api/v1/funding/matrix/by-domain', 'GET /funding/matrix/by-domain (JSON: the heatmap)'],
    ['/api/v1/funding/matrix?page=2&pageSize=20', 'GET /funding/matrix?page=2&pageSize=20'],
    ['/api/v1/funding/flows', 'GET /funding/flows (JSON: payer × beneficiary)'],
    ['/api/v1/funding/matrix?domain=care&pageSize=1', 'GET /funding/matrix?domain=care (totals)'],
  ] as const) {
    const times: number[] = [];
    let failure: string | null = null;
    for (let i = 0; i < bench.scale.fundingRepeats && !failure; i++) {
      try {
        times.push((await bench.api.get(path, bench.tokens.staff, 120_000)).ms);
      } catch (error) {
        failure = error instanceof Error ? error.message.slice(0, 200) : String(error);
      }
    }
    const s = summarise(times);
    if (!failure) atScale.set(path, s.p50);
    bench.report.add({
      scenario: 'funding',
      what: `${what} over all ${fmt(cases)} cases`,
      brug: failure ? `failed: ${failure}` : `p50 ${ms(s.p50)}, max ${ms(s.max)} (${s.n} requests)`,
      baseline: '—',
      ratio: '—',
      data: { cases, path, ...s, failure },
    });
  }
  const goalPaths = [
    ['flows', '/api/v1/funding/flows'],
    ['matrix', '/api/v1/funding/matrix'],
    ['heatmap', '/api/v1/funding/matrix/by-domain'],
    ['gaps', '/api/v1/funding/gaps'],
  ] as const;
  const measured = goalPaths.map(([name, path]) => [name, atScale.get(path)] as const);
  bench.report.goal(
    `Funding flows, matrix and gaps under 200 ms over all ${fmt(cases)} cases (issue 18)`,
    measured
      .map(([name, p50]) => `${name} p50 ${p50 === undefined ? 'failed' : ms(p50)}`)
      .join(', '),
    measured.every(([, p50]) => p50 !== undefined && p50 < 200),
  );
}
