import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from './validation';
import { MultiLineText, SingleLineText, TEXT_MESSAGES, textProblem } from './text';

class Sample {
  @SingleLineText({ min: 5, max: 20 })
  title!: string;

  @SingleLineText({ min: 0, max: 20, optional: 'nullable' })
  reference?: string | null;

  @MultiLineText({ max: 50, trim: true })
  reason!: string;

  @MultiLineText({ min: 0, max: 50, optional: true })
  description?: string;
}

/** The field errors of a Sample made from `input` (as the pipe would), and the instance. */
function check(input: Record<string, unknown>) {
  const sample = plainToInstance(Sample, { title: 'Titel', reason: 'Omdat', ...input });
  return { sample, errors: flattenValidationErrors(validateSync(sample)) };
}

const messagesOf = (input: Record<string, unknown>, field: string) =>
  check(input)
    .errors.filter((e) => e.field === field)
    .map((e) => e.message);

describe('the text policy', () => {
  it('accepts ordinary text, emoji and line breaks where they belong', () => {
    expect(
      check({
        title: '  Zorg & wonen 2027 🏠 ',
        reference: null,
        reason: 'Eerste regel\nTweede\tregel',
        description: '',
      }).errors,
    ).toEqual([]);
  });

  it('normalises to NFC and trims single-line text', () => {
    const { sample, errors } = check({ title: '  Cafe\u0301 Noord ', reason: 'e\u0301' });
    expect(errors).toEqual([]);
    expect(sample.title).toBe('Café Noord');
    expect(sample.reason).toBe('é');
  });

  it.each([
    ['a line break', 'Twee\nregels', TEXT_MESSAGES.lineBreak],
    ['a tab', 'Met\ttab', TEXT_MESSAGES.lineBreak],
    ['a line separator', 'Twee\u2028regels', TEXT_MESSAGES.lineBreak],
    ['a C0 control', 'Bel\u0007letje', TEXT_MESSAGES.control],
    ['a C1 control', 'Titel\u009b2J', TEXT_MESSAGES.control],
    ['a right-to-left override', 'Factuur \u202Egpj.exe', TEXT_MESSAGES.bidi],
    ['an isolate', 'Titel \u2067x\u2069', TEXT_MESSAGES.bidi],
    ['a right-to-left mark', 'Titel\u200F abc', TEXT_MESSAGES.bidi],
    ['an Arabic letter mark', 'Titel\u061C abc', TEXT_MESSAGES.bidi],
    ['a zero-width space', 'Zero\u200Bwidth', TEXT_MESSAGES.invisible],
    ['a zero-width joiner', 'Zero\u200Dwidth', TEXT_MESSAGES.invisible],
    ['a word joiner', 'Word\u2060joiner', TEXT_MESSAGES.invisible],
    ['a byte order mark inside', 'Byte\uFEFForder', TEXT_MESSAGES.invisible],
    ['only zero-width spaces', '\u200B\u200B\u200B\u200B\u200B', TEXT_MESSAGES.blank],
    ['only Hangul fillers', '\u3164\u3164\u3164\u3164\u3164', TEXT_MESSAGES.blank],
    ['a lone surrogate', 'Titel \uD800 los', TEXT_MESSAGES.loneSurrogate],
  ])('refuses a single-line text with %s', (_, title, message) => {
    const messages = messagesOf({ title }, 'title');
    expect(messages).toHaveLength(1);
    expect(messages[0]!.startsWith(message)).toBe(true);
  });

  it('says which invisible character it found', () => {
    expect(messagesOf({ title: 'Titel \u202E abc' }, 'title')).toEqual([
      `${TEXT_MESSAGES.bidi} (found U+202E)`,
    ]);
  });

  it.each([
    ['a zero-width space', '\u200B'],
    ['spaces around a zero-width space', ' \u00A0\u200B '],
    ['a lone combining mark', '\u0301'],
    ['a soft hyphen and a word joiner', '\u00AD\u2060'],
  ])('refuses a required text that is only %s', (_, reason) => {
    expect(messagesOf({ reason }, 'reason')).toEqual([TEXT_MESSAGES.blank]);
  });

  it('lets multi-line text hold line breaks, tabs and marks but not overrides or controls', () => {
    expect(messagesOf({ reason: 'a\r\nb\tc \u200F\u200B d' }, 'reason')).toEqual([]);
    expect(messagesOf({ reason: 'a \u202D b' }, 'reason')[0]).toMatch(/^must not contain bidi/);
    expect(messagesOf({ reason: 'a \u001B[2J b' }, 'reason')[0]).toMatch(/^must not contain con/);
    expect(messagesOf({ reason: 'a \u0085 b' }, 'reason')[0]).toMatch(/^must not contain con/);
  });

  it('keeps the lengths and presence rules', () => {
    expect(messagesOf({ title: 'Kort' }, 'title')).toEqual([
      'must be longer than or equal to 5 characters',
    ]);
    expect(messagesOf({ title: 'x'.repeat(21) }, 'title')).toEqual([
      'must be shorter than or equal to 20 characters',
    ]);
    expect(messagesOf({ title: undefined }, 'title')).toContain('must be a string');
    expect(messagesOf({ title: 42 }, 'title')).toContain('must be a string');
    expect(messagesOf({ reference: 42 }, 'reference')).toContain('must be a string');
    expect(messagesOf({ description: null }, 'description')).toContain('must be a string');
    expect(messagesOf({ reason: '   ' }, 'reason')).toEqual([
      'must be longer than or equal to 1 characters',
    ]);
    // An optional text with min 0 may be empty or blank: nobody has to fill it.
    expect(messagesOf({ reference: ' ', description: ' \n ' }, 'description')).toEqual([]);
  });

  it('textProblem is null for every text it accepts', () => {
    expect(textProblem('Gewoon een titel', 'single-line', true)).toBeNull();
    expect(textProblem('', 'single-line', true)).toBeNull(); // length is Length's business
    expect(textProblem('regel 1\nregel 2', 'multi-line', true)).toBeNull();
  });
});
