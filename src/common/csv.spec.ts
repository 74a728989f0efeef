import { parse } from 'csv-parse/sync';
import { csvCell, csvLine, csvNumber, csvText } from './csv';

/** What a spreadsheet would take for a formula at the start of a cell. */
const FORMULA_START = /^[\s"]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

describe('csvText', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['Aanbesteding energiebespaarservice', 'Aanbesteding energiebespaarservice'],
    ['a, b', '"a, b"'],
    ['a; b', '"a; b"'],
    ['a\tb', '"a\tb"'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['one\nline', '"one\nline"'],
    ['say "hi"', '"say ""hi"""'],
    ['=SUM(A1:A9)', `"'=SUM(A1:A9)"`],
    ['+31 20 123', `"'+31 20 123"`],
    ['-1, or so', `"'-1, or so"`],
    ['-5.00', `"'-5.00"`],
    ['@cmd', `"'@cmd"`],
    ['\tindented', `"'\tindented"`],
    ['\rback', `"'\rback"`],
    ['  =1+1', `"'  =1+1"`],
    ['"=1+1"', `"'""=1+1"""`],
    ['\uFF1D1+1', `"'\uFF1D1+1"`],
    // After a separator a spreadsheet may split on, as at the start of a cell.
    ["x;+cmd|' /C calc'!A0", `"x;'+cmd|' /C calc'!A0"`],
    ["+cmd|' /C calc'!A0;=1+1", `"'+cmd|' /C calc'!A0;'=1+1"`],
    ['x\t-1', `"x\t'-1"`],
    ['x\n@SUM(1)', `"x\n'@SUM(1)"`],
    ['x\r\n=1', `"x\r\n'=1"`],
    ['x; "=1"', `"x;' ""=1"""`],
    ['x;;=1', `"x;;'=1"`],
    // A formula character inside a piece is harmless.
    ['a-b=c+d@e', 'a-b=c+d@e'],
    ['e-mail: a@b.example', 'e-mail: a@b.example'],
  ])('writes %j as %j', (value, expected) => {
    expect(csvText(value)).toBe(expected);
  });
});

describe('csvCell', () => {
  it.each([
    [null, ''],
    [0, '0'],
    [45_000_000, '45000000'],
    // Amounts Brug computed are numbers, not text: written as they are.
    [-500, '-500'],
    ['-500', `"'-500"`],
  ])('writes %p as %p', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('refuses a number that is not a value', () => {
    expect(() => csvNumber(Number.NaN)).toThrow(RangeError);
    expect(() => csvNumber(Infinity)).toThrow(RangeError);
  });
});

describe('csvLine', () => {
  const nasty = [
    "+cmd|' /C calc'!A0;=1+1",
    'Energie; wonen',
    'tab\there',
    'line\nbreak',
    'crlf\r\n-2',
    'say "hi"; =HYPERLINK("http://x")',
    '@at',
    '-',
    ' \t "=x',
    "it's fine",
  ];

  it('keeps every cell a cell for a comma-splitting reader, the text intact but for apostrophes', () => {
    const [record]: string[][] = parse(csvLine(['id', ...nasty, -5, null]), {
      relax_quotes: false,
    });
    expect(record).toHaveLength(nasty.length + 3);
    nasty.forEach((text, i) => {
      const cell = record![i + 1]!;
      expect(cell.replace(/'/g, '')).toBe(text.replace(/'/g, ''));
      expect(cell).not.toMatch(FORMULA_START);
    });
    expect(record!.slice(-2)).toEqual(['-5', '']);
  });

  it.each([';', '\t'])(
    'starts no cell with a formula for a reader that splits on %j',
    (delimiter) => {
      const records: string[][] = parse(csvLine(['id', ...nasty]), {
        delimiter,
        relax_quotes: true,
        relax_column_count: true,
      });
      for (const cell of records.flat()) expect(cell).not.toMatch(FORMULA_START);
    },
  );

  it('ends a line with CRLF', () => {
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });
});
