import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { MATRIX_ROW_LIMIT } from '../src/funding/funding-matrix-reader';
import { OCDS_PAGE } from '../src/funding/ocds-export';
import { fileCase } from './support/factories';
import { EUR, recordEntry } from './support/funding';
import { startTestApp, TestApp } from './support/test-app';

type Matrix = {
  domains: string[];
  rows: { caseId: string; reference: string; cells: Record<string, { pledgedCents: number }> }[];
  totals: Record<string, { touchedCases: number; payingCases: number; pledgedCents: number }>;
  caseCount: number;
  truncated: boolean;
};

/**
 * The funding views as the years pile cases up: the matrix JSON stays the same size (the newest
 * MATRIX_ROW_LIMIT cases, totals over all of them); the matrix CSV and the OCDS package stream
 * every case, a page at a time.
 */
describe('funding matrix and OCDS export over more cases than a page', () => {
  let t: TestApp;
  let db: DataSource;
  const older = MATRIX_ROW_LIMIT + 250; // history, inserted directly
  let newest: string;

  beforeAll(async () => {
    t = await startTestApp();
    await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    db = t.app.get(DataSource);
    // Cases filed over the past years, one a day, each touching housing (lead) and care. Some
    // share a filing moment, so the CSV's pages must also order by id.
    await db.query(
      `WITH buyer AS (SELECT id, organisation_unit_id FROM users WHERE email = 'buyer@brug.example'),
            c AS (
              INSERT INTO cases (reference, title, estimated_value_cents, organisation_unit_id,
                                 filed_by_id, filed_at, updated_at)
              SELECT 'BRUG-2020-' || lpad(g::text, 6, '0'), 'Historie ' || g, 100000,
                     buyer.organisation_unit_id, buyer.id,
                     now() - interval '5 years' + ((g / 3) * interval '1 day'),
                     now() - interval '5 years' + ((g / 3) * interval '1 day')
                FROM generate_series(1, $1::int) g, buyer
              RETURNING id)
       INSERT INTO case_domains (case_id, domain_code, role)
       SELECT c.id, d.code, d.role FROM c,
              (VALUES ('housing', 'lead'), ('care', 'affected')) AS d(code, role)`,
      [older],
    );
    // And one filed today through the API, with a pledge: the newest row.
    const filed = await fileCase(t, 'buyer', {
      title: 'Nieuwste zaak',
      domains: [
        { code: 'energy', role: 'lead' },
        { code: 'housing', role: 'affected' },
      ],
    });
    newest = filed.id;
    await recordEntry(t, 'staff', newest, {
      domainCode: 'energy',
      kind: 'pledge',
      amountCents: 1_000 * EUR,
    });
  });
  afterAll(() => t.close());

  const get = async (accept: string, query = '') =>
    t
      .http()
      .get(`/api/v1/funding/matrix${query}`)
      .set('authorization', `Bearer ${await t.token('admin')}`)
      .set('accept', accept);

  it('answers JSON with the newest cases only, says so, and totals over every case', async () => {
    const response = await get('application/json');
    expect(response.status).toBe(200);
    const matrix = response.body as Matrix;
    expect(matrix.caseCount).toBe(older + 1);
    expect(matrix.truncated).toBe(true);
    expect(matrix.rows).toHaveLength(MATRIX_ROW_LIMIT);
    // The newest cases, oldest filed first: the case filed today is the last row.
    const expected = await db.query<{ id: string }[]>(
      `SELECT id FROM cases ORDER BY filed_at DESC, id DESC LIMIT ${MATRIX_ROW_LIMIT}`,
    );
    expect(matrix.rows.map((r) => r.caseId)).toEqual(expected.map((r) => r.id).reverse());
    expect(matrix.rows[matrix.rows.length - 1]!.caseId).toBe(newest);
    expect(matrix.domains).toEqual(['care', 'energy', 'housing']);
    expect(matrix.totals.housing).toMatchObject({ touchedCases: older + 1, payingCases: 0 });
    expect(matrix.totals.care).toMatchObject({ touchedCases: older, payingCases: 0 });
    expect(matrix.totals.energy).toMatchObject({
      touchedCases: 1,
      payingCases: 1,
      pledgedCents: 1_000 * EUR,
    });
  });

  it('is not truncated when the filters select fewer cases', async () => {
    const matrix = (await get('application/json', '?domain=energy')).body as Matrix;
    expect(matrix).toMatchObject({ caseCount: 1, truncated: false });
    expect(matrix.rows.map((r) => r.caseId)).toEqual([newest]);
  });

  it('streams every case as CSV, oldest first, each once', async () => {
    const response = await get('text/csv');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const records: string[][] = parse(response.text);
    expect(records[0]!.slice(0, 3)).toEqual(['caseId', 'reference', 'title']);
    const rows = records.slice(1);
    expect(rows).toHaveLength(older + 1);
    expect(new Set(rows.map((r) => r[0])).size).toBe(older + 1);
    const expected = await db.query<{ id: string }[]>('SELECT id FROM cases ORDER BY filed_at, id');
    expect(rows.map((r) => r[0])).toEqual(expected.map((r) => r.id));
    expect(rows[older]![0]).toBe(newest);

    // The JSON's rows are the CSV's last ones, cell for cell.
    const json = (await get('application/json')).body as Matrix;
    const header = records[0]!;
    const tail = rows.slice(-MATRIX_ROW_LIMIT);
    expect(tail.map((r) => r[0])).toEqual(json.rows.map((r) => r.caseId));
    tail.forEach((record, i) => {
      for (const d of json.domains) {
        const cell = json.rows[i]!.cells[d];
        const pledged = record[header.indexOf(`${d}.pledgedCents`)];
        expect(pledged).toBe(cell ? String(cell.pledgedCents) : '');
      }
    });
  });

  it('streams every case into one OCDS release package, oldest filed first', async () => {
    expect(older + 1).toBeGreaterThan(OCDS_PAGE);
    const response = await t
      .http()
      .get('/api/v1/exports/ocds')
      .set('authorization', `Bearer ${await t.token('auditor')}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const pkg = JSON.parse(response.text) as {
      version: string;
      publishedDate: string;
      releases: { ocid: string; date: string }[];
    };
    expect(pkg.version).toBe('1.1');
    const expected = await db.query<{ reference: string }[]>(
      'SELECT reference FROM cases ORDER BY filed_at, id',
    );
    expect(pkg.releases.map((r) => r.ocid.slice(r.ocid.lastIndexOf('BRUG-')))).toEqual(
      expected.map((r) => r.reference),
    );
    // The package's date is the latest change of any case in it.
    const latest = pkg.releases
      .map((r) => r.date)
      .sort()
      .pop();
    expect(pkg.publishedDate).toBe(latest);
  });
});
