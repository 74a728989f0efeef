// Every cell goes through the one encoder (quoting, formula starts): src/common/csv.ts.
import { csvLine, type CsvCell } from '../common/csv';
import type { FundingMatrixDto } from './dto/funding-views.dto';

/** The header line of the matrix CSV (with its CRLF): see `matrixToCsv`. */
export function matrixCsvHeader(domains: string[]): string {
  const header = ['caseId', 'reference', 'title'];
  for (const d of domains) {
    header.push(`${d}.role`, `${d}.committedCents`, `${d}.pledgedCents`, `${d}.disbursedCents`);
  }
  return csvLine(header);
}

/** The line of one case (with its CRLF), its cells in the order of `domains`. */
export function matrixCsvRow(domains: string[], row: FundingMatrixDto['rows'][number]): string {
  const fields: CsvCell[] = [row.caseId, row.reference, row.title];
  for (const d of domains) {
    const cell = row.cells[d];
    fields.push(
      cell ? (cell.role ?? '') : null,
      cell?.committedCents ?? null,
      cell?.pledgedCents ?? null,
      cell?.disbursedCents ?? null,
    );
  }
  return csvLine(fields);
}

/**
 * The funding matrix as RFC 4180 CSV: a header row, then one row per case (the JSON's rows, in
 * the same order); for every domain four columns `<code>.role`, `<code>.committedCents`,
 * `<code>.pledgedCents`, `<code>.disbursedCents` (the JSON cell's fields), empty where the case
 * does not touch the domain. Lines end in CRLF.
 * (The API streams the same lines page by page, for every case, see FundingReader.)
 */
export function matrixToCsv(matrix: Pick<FundingMatrixDto, 'domains' | 'rows'>): string {
  return (
    matrixCsvHeader(matrix.domains) +
    matrix.rows.map((row) => matrixCsvRow(matrix.domains, row)).join('')
  );
}
