import {
  centsToInput,
  dateToInput,
  parseDateInput,
  parseEuroToCents,
} from '../web/src/common/format';

/**
 * Issue 13, item 6: amounts and dates as a person types them, read the way the language writes
 * them, and refused (never guessed) when they could be read two ways or are no date at all.
 */
describe('the web UI reads typed amounts and dates', () => {
  it.each([
    ['nl', '1.200.000', 120_000_000],
    ['nl', '450000,50', 45_000_050],
    ['nl', '€ 1.234,56', 123_456],
    ['nl', '450.5', 45_050],
    ['nl', '450,000', null],
    ['nl', '1,234.56', null],
    ['en', '1,200,000', 120_000_000],
    ['en', '450000.50', 45_000_050],
    ['en', '€1,234.56', 123_456],
    ['en', '450,5', 45_050],
    ['en', '450.000', null],
    ['en', '1.200.000', null],
    ['en', '1,2 million', null],
  ] as const)('%s: "%s" is %p cents', (language, typed, cents) => {
    expect(parseEuroToCents(typed, language)).toBe(cents);
  });

  it('writes cents back as each language types them', () => {
    expect(centsToInput(45_000_050, 'nl')).toBe('450000,50');
    expect(centsToInput(45_000_050, 'en')).toBe('450000.50');
    expect(centsToInput(45_000_000, 'en')).toBe('450000');
  });

  it.each([
    ['01-06-2027', '2027-06-01'],
    ['01/06/2027', '2027-06-01'],
    ['1.6.2027', '2027-06-01'],
    ['01062027', '2027-06-01'],
    [' 29-02-2028 ', '2028-02-29'],
    ['29-02-2027', null],
    ['06/31/2027', null],
    ['01-06-27', null],
    ['2027-06-01', null],
    ['01-06/2027', null],
    ['', null],
  ])('"%s" is the date %p', (typed, date) => {
    expect(parseDateInput(typed)).toBe(date);
  });

  it('shows a date in the format its hint gives', () => {
    expect(dateToInput('2027-06-01', 'nl')).toBe('01-06-2027');
    expect(dateToInput('2027-06-01', 'en')).toBe('01/06/2027');
  });
});
