import type { FundingMatrixDto } from './dto/funding-views.dto';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';

/**
 * Spreadsheet programs run a cell that starts with one of these as a formula ("CSV injection");
 * such text cells get a leading apostrophe, which spreadsheets show as plain text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (fields: (string | number | null)[]): string => fields.map(csvField).join(',');

/** The header line of the matrix CSV (with its CRLF): see `matrixToCsv`. */
export function matrixCsvHeader(domains: string[]): string {
  const header = ['caseId', 'reference', 'title'];
  for (const d of domains) header.push(`${d}.role`, `${d}.committedCents`, `${d}.pledgedCents`);
  return `${line(header)}\r\n`;
}

/** The line of one case (with its CRLF), its cells in the order of `domains`. */
export function matrixCsvRow(domains: string[], row: FundingMatrixDto['rows'][number]): string {
  const fields: (string | number | null)[] = [row.caseId, row.reference, row.title];
  for (const d of domains) {
    const cell = row.cells[d];
    fields.push(
      cell ? (cell.role ?? '') : null,
      cell?.committedCents ?? null,
      cell?.pledgedCents ?? null,
    );
  }
  return `${line(fields)}\r\n`;
}

/**
 * The funding matrix as RFC 4180 CSV: a header row, then one row per case (the JSON's rows, in
 * the same order); for every domain three columns `<code>.role`, `<code>.committedCents`,
 * `<code>.pledgedCents`, empty where the case does not touch the domain. Lines end in CRLF.
 * (The API streams the same lines page by page, for every case, see FundingReader.)
 */
export function matrixToCsv(matrix: Pick<FundingMatrixDto, 'domains' | 'rows'>): string {
  return (
    matrixCsvHeader(matrix.domains) +
    matrix.rows.map((row) => matrixCsvRow(matrix.domains, row)).join('')
  );
}
