import { parse } from 'csv-parse/sync';
import { bearer, fileCase } from './support/factories';
import {
  EUR,
  modelCaseWithFunding,
  recordEntry,
  withdrawCase,
  type FiledCase,
} from './support/funding';
import { expectProblem } from './support/problem';
import { startTestApp, TestApp } from './support/test-app';

type Cell = {
  role: string | null;
  committedCents: number;
  pledgedCents: number;
  disbursedCents: number;
};
type Matrix = {
  domains: string[];
  rows: { caseId: string; reference: string; title: string; cells: Record<string, Cell> }[];
  totals: Record<
    string,
    {
      touchedCases: number;
      payingCases: number;
      committedCents: number;
      pledgedCents: number;
      disbursedCents: number;
    }
  >;
};
type Gap = { caseId: string; gapCents: number; nonPayingDomains: string[] };

/** Issue 6, acceptance item 5 (the matrix, JSON and CSV) and the gaps list. */
describe('funding matrix and gaps', () => {
  let t: TestApp;
  const c: Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f', FiledCase> = {} as never;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
    new Date(),
  );
  const yesterday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
    new Date(Date.now() - 86400_000),
  );

  beforeAll(async () => {
    t = await startTestApp();
    await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    // A: the model case — energy and housing pay; care and energy-poverty do not. Gap 600,000.
    c.a = await modelCaseWithFunding(t);
    // B: food pledges; energy (the lead) pays nothing. A title that CSV must quote.
    c.b = await fileCase(t, 'buyer', {
      title: 'Voedsel, "stadslandbouw" en energie',
      estimatedValueCents: 500_000 * EUR,
      domains: [
        { code: 'energy', role: 'lead' },
        { code: 'food', role: 'affected' },
      ],
    });
    await recordEntry(t, 'staff', c.b.id, {
      domainCode: 'food',
      kind: 'pledge',
      amountCents: 10_000 * EUR,
    });
    // C: housing only, unfunded; a title a spreadsheet would take for a formula.
    c.c = await fileCase(t, 'buyer', {
      title: '=Wonen zonder geld',
      estimatedValueCents: 300_000 * EUR,
      domains: [{ code: 'housing', role: 'lead' }],
    });
    // D: another unit's case; energy pledged and released again: paying nothing.
    c.d = await fileCase(t, 'buyer2', {
      title: 'Buurtzorg en energie',
      estimatedValueCents: 800_000 * EUR,
      domains: [
        { code: 'care', role: 'lead' },
        { code: 'energy', role: 'affected' },
      ],
    });
    await recordEntry(t, 'budgetEnergy', c.d.id, {
      domainCode: 'energy',
      kind: 'pledge',
      amountCents: 5_000 * EUR,
    });
    await recordEntry(t, 'budgetEnergy', c.d.id, {
      domainCode: 'energy',
      kind: 'release',
      releaseFrom: 'pledge',
      amountCents: 5_000 * EUR,
    });
    // E: fully committed by its only domain: no gap, nothing non-paying.
    c.e = await fileCase(t, 'buyer', {
      title: 'Volledig gefinancierd',
      estimatedValueCents: 200_000 * EUR,
      domains: [{ code: 'energy', role: 'lead' }],
      initialFunding: [{ domainCode: 'energy', amountCents: 200_000 * EUR }],
    });
    await recordEntry(t, 'budgetEnergy', c.e.id, {
      domainCode: 'energy',
      kind: 'commit',
      amountCents: 200_000 * EUR,
    });
    // F: withdrawn, housing, unfunded: in the matrix, not among the gaps (closed).
    c.f = await fileCase(t, 'buyer', {
      title: 'Ingetrokken vraag',
      domains: [{ code: 'housing', role: 'lead' }],
    });
    await withdrawCase(t, c.f);
  });
  afterAll(() => t.close());

  const matrixAs = async (who: string, query = '', accept = 'application/json') =>
    t
      .http()
      .get(`/api/v1/funding/matrix${query}`)
      .set({ ...(await bearer(t, who)), Accept: accept });

  describe('5. the matrix', () => {
    let matrix: Matrix;
    beforeAll(async () => {
      const response = await matrixAs('admin');
      expect(response.status).toBe(200);
      matrix = response.body as Matrix;
    });

    it('has one row per case, oldest filed first, with a cell per touched domain', () => {
      expect(matrix.domains).toEqual(['care', 'energy', 'energy-poverty', 'food', 'housing']);
      expect(matrix.rows.map((r) => r.caseId)).toEqual(
        [c.a, c.b, c.c, c.d, c.e, c.f].map((x) => x.id),
      );
      expect(matrix.rows[0]).toEqual({
        caseId: c.a.id,
        reference: c.a.reference,
        title: c.a.title,
        cells: {
          energy: {
            role: 'lead',
            committedCents: 450_000 * EUR,
            pledgedCents: 0,
            disbursedCents: 100_000 * EUR,
          },
          housing: {
            role: 'affected',
            committedCents: 150_000 * EUR,
            pledgedCents: 0,
            disbursedCents: 0,
          },
          'energy-poverty': {
            role: 'affected',
            committedCents: 0,
            pledgedCents: 0,
            disbursedCents: 0,
          },
          care: { role: 'affected', committedCents: 0, pledgedCents: 0, disbursedCents: 0 },
        },
      });
      expect(matrix.rows[1]!.cells).toEqual({
        energy: { role: 'lead', committedCents: 0, pledgedCents: 0, disbursedCents: 0 },
        food: {
          role: 'affected',
          committedCents: 0,
          pledgedCents: 10_000 * EUR,
          disbursedCents: 0,
        },
      });
    });

    it('counts touched and paying cases per domain right', () => {
      expect(matrix.totals).toEqual({
        energy: {
          touchedCases: 4, // A, B, D, E
          payingCases: 2, // A, E (D's pledge was released)
          committedCents: 650_000 * EUR,
          pledgedCents: 0,
          disbursedCents: 100_000 * EUR,
        },
        housing: {
          touchedCases: 3, // A, C, F
          payingCases: 1,
          committedCents: 150_000 * EUR,
          pledgedCents: 0,
          disbursedCents: 0,
        },
        'energy-poverty': {
          touchedCases: 1,
          payingCases: 0,
          committedCents: 0,
          pledgedCents: 0,
          disbursedCents: 0,
        },
        care: {
          touchedCases: 2,
          payingCases: 0,
          committedCents: 0,
          pledgedCents: 0,
          disbursedCents: 0,
        },
        food: {
          touchedCases: 1,
          payingCases: 1,
          committedCents: 0,
          pledgedCents: 10_000 * EUR,
          disbursedCents: 0,
        },
      });
    });

    it('gives the same as RFC 4180 CSV with Accept: text/csv', async () => {
      const response = await matrixAs('admin', '', 'text/csv');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(response.headers.vary).toMatch(/Accept/);
      const text = response.text;
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
      expect(text).toContain('"Voedsel, ""stadslandbouw"" en energie"');

      const records = parse(text, { record_delimiter: '\r\n' });
      const header = records[0]!;
      expect(header).toEqual([
        'caseId',
        'reference',
        'title',
        ...matrix.domains.flatMap((d) => [
          `${d}.role`,
          `${d}.committedCents`,
          `${d}.pledgedCents`,
          `${d}.disbursedCents`,
        ]),
      ]);
      expect(records).toHaveLength(matrix.rows.length + 1);
      // Every CSV row says what the JSON row says.
      records.slice(1).forEach((record, i) => {
        const row = matrix.rows[i]!;
        const title = row.title.startsWith('=') ? `'${row.title}` : row.title;
        expect(record.slice(0, 3)).toEqual([row.caseId, row.reference, title]);
        matrix.domains.forEach((d, k) => {
          const cell = row.cells[d];
          expect(record.slice(3 + 4 * k, 7 + 4 * k)).toEqual(
            cell
              ? [
                  cell.role ?? '',
                  String(cell.committedCents),
                  String(cell.pledgedCents),
                  String(cell.disbursedCents),
                ]
              : ['', '', '', ''],
          );
        });
      });
      // The disbursements are in it (issue 13, item 15): the model case paid out 100,000.
      expect(records[1]![header.indexOf('energy.disbursedCents')]).toBe(String(100_000 * EUR));
      // A title that would run as a formula in a spreadsheet is kept as text.
      expect(records[3]![2]).toBe("'=Wonen zonder geld");
    });

    it('filters by domain, status and filing date, and agrees in both formats', async () => {
      const rowsOf = async (query: string) => {
        const json = (await matrixAs('admin', query)).body as Matrix;
        const csv = parse((await matrixAs('admin', query, 'text/csv')).text);
        expect(csv.slice(1).map((r) => r[0])).toEqual(json.rows.map((r) => r.caseId));
        return json;
      };
      const food = await rowsOf('?domain=food');
      expect(food.rows.map((r) => r.caseId)).toEqual([c.b.id]);
      expect(food.domains).toEqual(['energy', 'food']);
      expect(food.totals.energy).toMatchObject({ touchedCases: 1, payingCases: 0 });
      expect((await rowsOf('?status=withdrawn')).rows.map((r) => r.caseId)).toEqual([c.f.id]);
      expect(
        (await rowsOf('?status=withdrawn&status=filed')).rows.map((r) => r.caseId),
      ).toHaveLength(6);
      expect((await rowsOf(`?filedFrom=${today}&filedTo=${today}`)).rows).toHaveLength(6);
      const none = await rowsOf(`?filedTo=${yesterday}`);
      expect(none).toEqual({
        domains: [],
        rows: [],
        totals: {},
        caseCount: 0,
        truncated: false,
        page: 1,
        pageSize: 1000,
      });
    });

    it('applies the caller’s visibility', async () => {
      const ids = async (who: string) =>
        ((await matrixAs(who)).body as Matrix).rows.map((r) => r.caseId);
      expect(await ids('buyer2')).toEqual([c.d.id]);
      expect(await ids('budgetHousing')).toEqual([c.a.id, c.c.id, c.f.id]);
      expect(await ids('buyer')).toEqual([c.a.id, c.b.id, c.c.id, c.e.id, c.f.id]);
      expect(await ids('auditor')).toHaveLength(6);
    });

    it('pages its rows from the newest case on, each page oldest first (issue 13, item 17)', async () => {
      const page = async (n: number) => {
        const response = await matrixAs('admin', `?pageSize=2&page=${n}`);
        expect(response.status).toBe(200);
        return response.body as Matrix & { page: number; pageSize: number; truncated: boolean };
      };
      const pages = await Promise.all([1, 2, 3, 4].map(page));
      expect(pages.map((m) => m.rows.map((r) => r.caseId))).toEqual([
        [c.e.id, c.f.id],
        [c.c.id, c.d.id],
        [c.a.id, c.b.id],
        [],
      ]);
      for (const [i, m] of pages.entries()) {
        expect(m).toMatchObject({ page: i + 1, pageSize: 2, caseCount: 6, truncated: true });
        // The totals cover every selected case on every page.
        expect(m.totals).toEqual(matrix.totals);
      }
      expectProblem(await matrixAs('admin', '?page=0'), 400);
      expectProblem(await matrixAs('admin', '?pageSize=1001'), 400);
      expectProblem(await matrixAs('admin', '?page=1.5'), 400);
    });

    it('refuses bad filters (400) and other formats (406)', async () => {
      expectProblem(await matrixAs('admin', '?status=open'), 400);
      expectProblem(await matrixAs('admin', '?filedFrom=2026-02-30'), 400);
      expectProblem(await matrixAs('admin', '?domain=Energy'), 400);
      expectProblem(await matrixAs('admin', '', 'application/xml'), 406);
    });
  });

  describe('domains against domains (issue 13, item 17)', () => {
    type DomainCell = {
      leadDomain: string | null;
      domain: string;
      touchedCases: number;
      payingCases: number;
      nonPayingCases: number;
      committedCents: number;
      pledgedCents: number;
      disbursedCents: number;
    };
    type DomainMatrix = {
      domains: string[];
      cells: DomainCell[];
      totals: Record<string, Omit<DomainCell, 'leadDomain' | 'domain'>>;
      caseCount: number;
    };
    const byDomainAs = async (who: string, query = '') => {
      const response = await t
        .http()
        .get(`/api/v1/funding/matrix/by-domain${query}`)
        .set(await bearer(t, who));
      expect(response.status).toBe(200);
      return response.body as DomainMatrix;
    };
    const cell = (
      leadDomain: string,
      domain: string,
      [touchedCases, payingCases, nonPayingCases]: [number, number, number],
      money: Partial<Record<'committedCents' | 'pledgedCents' | 'disbursedCents', number>> = {},
    ): DomainCell => ({
      leadDomain,
      domain,
      touchedCases,
      payingCases,
      nonPayingCases,
      committedCents: 0,
      pledgedCents: 0,
      disbursedCents: 0,
      ...money,
    });

    it('gives per lead domain what each domain funds and how many cases it pays for', async () => {
      const m = await byDomainAs('admin');
      expect(m.caseCount).toBe(6);
      expect(m.domains).toEqual(['care', 'energy', 'energy-poverty', 'food', 'housing']);
      expect(m.cells).toEqual([
        cell('care', 'care', [1, 0, 1]), // D
        cell('care', 'energy', [1, 0, 1]), // D: pledged and released
        cell('energy', 'care', [1, 0, 1]), // A
        // A, B, E: A's 450,000 and E's 200,000 committed, A's 100,000 paid out; B unpaid.
        cell('energy', 'energy', [3, 2, 1], {
          committedCents: 650_000 * EUR,
          disbursedCents: 100_000 * EUR,
        }),
        cell('energy', 'energy-poverty', [1, 0, 1]), // A
        cell('energy', 'food', [1, 1, 0], { pledgedCents: 10_000 * EUR }), // B
        cell('energy', 'housing', [1, 1, 0], { committedCents: 150_000 * EUR }), // A
        cell('housing', 'housing', [2, 0, 2]), // C, F
      ]);
    });

    it('adds up, per domain, to the totals of the per-case matrix', async () => {
      const [m, perCase] = await Promise.all([
        byDomainAs('admin'),
        matrixAs('admin').then((r) => r.body as Matrix),
      ]);
      const sums: Record<string, Record<string, number>> = {};
      for (const c of m.cells) {
        const sum = (sums[c.domain] ??= {});
        for (const key of [
          'touchedCases',
          'payingCases',
          'committedCents',
          'pledgedCents',
          'disbursedCents',
        ] as const) {
          sum[key] = (sum[key] ?? 0) + c[key];
        }
      }
      expect(sums).toEqual(perCase.totals);
      for (const [domain, total] of Object.entries(m.totals)) {
        expect(total).toEqual({
          ...perCase.totals[domain],
          nonPayingCases: m.cells
            .filter((c) => c.domain === domain)
            .reduce((n, c) => n + c.nonPayingCases, 0),
        });
      }
      // The model case's money to the cent (docs/funding.md): the cells of its lead domain.
      const energyLed = m.cells.filter((c) => c.leadDomain === 'energy' && c.domain !== 'energy');
      expect(energyLed.reduce((n, c) => n + c.committedCents, 0)).toBe(150_000 * EUR);
    });

    it('takes the filters and the caller’s visibility of the per-case matrix', async () => {
      expect((await byDomainAs('buyer2')).cells).toEqual([
        cell('care', 'care', [1, 0, 1]),
        cell('care', 'energy', [1, 0, 1]),
      ]);
      const food = await byDomainAs('admin', '?domain=food');
      expect(food.caseCount).toBe(1);
      expect(food.cells.map((x) => [x.leadDomain, x.domain])).toEqual([
        ['energy', 'energy'],
        ['energy', 'food'],
      ]);
      const none = await byDomainAs('admin', `?filedTo=${yesterday}`);
      expect(none).toEqual({ domains: [], cells: [], totals: {}, caseCount: 0 });
      const bad = await t
        .http()
        .get('/api/v1/funding/matrix/by-domain?status=open')
        .set(await bearer(t, 'admin'));
      expectProblem(bad, 400);
    });
  });

  describe('gaps', () => {
    const gapsAs = async (who: string, query = '') =>
      t
        .http()
        .get(`/api/v1/funding/gaps${query}`)
        .set(await bearer(t, who));

    it('lists open cases with non-paying domains or a gap, largest gap first', async () => {
      const response = await gapsAs('staff');
      expect(response.status).toBe(200);
      const items = response.body.items as Gap[];
      expect(items.map((g) => [g.caseId, g.gapCents, g.nonPayingDomains])).toEqual([
        [c.d.id, 800_000 * EUR, ['care', 'energy']],
        [c.a.id, 600_000 * EUR, ['care', 'energy-poverty']],
        [c.b.id, 500_000 * EUR, ['energy']],
        [c.c.id, 300_000 * EUR, ['housing']],
      ]);
      expect(items[1]).toEqual({
        caseId: c.a.id,
        reference: c.a.reference,
        title: c.a.title,
        status: 'filed',
        estimatedValueCents: 1_200_000 * EUR,
        committedCents: 600_000 * EUR,
        pledgedCents: 0,
        gapCents: 600_000 * EUR,
        nonPayingDomains: ['care', 'energy-poverty'],
      });
      expect(response.body.nextCursor).toBeNull();
    });

    it('pages with a cursor, filters by domain and applies visibility', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `?pageSize=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const page = await gapsAs('admin', query);
        expect(page.status).toBe(200);
        seen.push(...(page.body.items as Gap[]).map((g) => g.caseId));
        cursor = page.body.nextCursor as string | null;
      } while (cursor);
      expect(seen).toEqual([c.d.id, c.a.id, c.b.id, c.c.id]);

      const care = (await gapsAs('admin', '?domain=care')).body.items as Gap[];
      expect(care.map((g) => g.caseId)).toEqual([c.d.id, c.a.id]);
      const buyer2 = (await gapsAs('buyer2')).body.items as Gap[];
      expect(buyer2.map((g) => g.caseId)).toEqual([c.d.id]);

      expectProblem(await gapsAs('admin', '?cursor=forged.cursor'), 400);
      const first = (await gapsAs('admin', '?pageSize=1')).body.nextCursor as string;
      // A cursor belongs to its caller and filter.
      expectProblem(await gapsAs('staff', `?pageSize=1&cursor=${encodeURIComponent(first)}`), 400);
      expectProblem(await gapsAs('admin', '?pageSize=0'), 400);
    });
  });
});
