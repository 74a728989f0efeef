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

/**
 * The funding matrix as RFC 4180 CSV: a header row, then one row per case (the JSON's rows, in
 * the same order); for every domain three columns `<code>.role`, `<code>.committedCents`,
 * `<code>.pledgedCents`, empty where the case does not touch the domain. Lines end in CRLF.
 */
export function matrixToCsv(matrix: FundingMatrixDto): string {
  const header = ['caseId', 'reference', 'title'];
  for (const d of matrix.domains)
    header.push(`${d}.role`, `${d}.committedCents`, `${d}.pledgedCents`);
  const lines = [line(header)];
  for (const row of matrix.rows) {
    const fields: (string | number | null)[] = [row.caseId, row.reference, row.title];
    for (const d of matrix.domains) {
      const cell = row.cells[d];
      fields.push(
        cell ? (cell.role ?? '') : null,
        cell?.committedCents ?? null,
        cell?.pledgedCents ?? null,
      );
    }
    lines.push(line(fields));
  }
  return `${lines.join('\r\n')}\r\n`;
}
