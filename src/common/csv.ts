/**
 * The cells of every CSV Brug writes: RFC 4180 (comma-separated, `"` quoting, CRLF lines), safe
 * to open in a spreadsheet. Every CSV writer builds its lines with `csvLine`, nothing else.
 *
 * "CSV injection" (OWASP): a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (also
 * after blanks or quotes, and their full-width forms) as a formula. And a spreadsheet does not
 * always split where Brug's quotes say: one set to split on `;` (the Dutch default) or TAB
 * ignores the commas and honours a quote only at the start of what it takes for a cell, so it
 * starts a new cell after every `;` or TAB, and a new row after every line break, even inside a
 * quoted field.
 *
 * So a text cell
 * - gets a leading `'` when it starts with a formula character (after blanks or quotes) or with a
 *   TAB or CR; spreadsheets show the apostrophe, and treat the cell as text;
 * - gets a `'` after every `;`, TAB, CR or LF that a formula character follows (after blanks or
 *   quotes): whatever a spreadsheet splits on, no cell it makes starts with a formula;
 * - is quoted (`"` doubled) when it holds `,` `;` TAB CR LF or `"`, or was changed by the above.
 *
 * Numbers are a different kind of cell: a `number` is a value Brug computed (an amount in cents,
 * a count), never text a person typed, so it is written as it is, `-500` included; a spreadsheet
 * reads it as the number it is. Text that merely looks like a number is a `string` and is
 * treated as text. `null` is an empty cell.
 */

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';

export type CsvCell = string | number | null;

/** Formula starts: = + - @ and their full-width forms (which some spreadsheets also take). */
const FORMULA = '=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20';
const CELL_START = new RegExp(`^(?:[\\t\\r]|[\\s"]*[${FORMULA}])`);
/** A break a spreadsheet may split on (CRLF as one), before a formula start. */
const PIECE_START = new RegExp(`(\\r\\n|[;\\t\\r\\n])(?=[\\s"]*[${FORMULA}])`, 'g');
const NEEDS_QUOTES = /[,;\t\r\n"]/;

/** One text cell, neutralised and quoted as described above. */
export function csvText(value: string): string {
  let text = value.replace(PIECE_START, "$1'");
  if (CELL_START.test(text)) text = `'${text}`;
  return text !== value || NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One numeric cell, written as it is; only finite numbers are values. */
export function csvNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a CSV number: ${value}`);
  return String(value);
}

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  return typeof value === 'number' ? csvNumber(value) : csvText(value);
}

/** One line of cells, with its CRLF. */
export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
