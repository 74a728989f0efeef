import { CALENDAR_RULE_NAMES, CALENDAR_RULES, calendarDateOf, type CalendarRule } from './holidays';
import {
  addBusinessDuration,
  addWorkingDays,
  dutchPublicHolidays,
  easterSunday,
  isWorkingDay,
  STATUTORY_CALENDAR,
  WorkingCalendar,
} from './working-days';

/** Moments are written with their explicit Amsterdam offset: +01:00 (CET) or +02:00 (CEST). */
const at = (iso: string): Date => new Date(iso);

describe('easterSunday', () => {
  it.each([
    [2024, 3, 31],
    [2025, 4, 20],
    [2026, 4, 5],
    [2027, 3, 28],
    [2028, 4, 16],
    [2030, 4, 21],
    [2038, 4, 25], // the latest possible date
    [2285, 3, 22], // the earliest possible date
  ])('%i is %i-%i', (year, month, day) => {
    expect(easterSunday(year)).toEqual({ year, month, day });
  });

  it('refuses a non-integer year', () => {
    expect(() => easterSunday(2026.5)).toThrow(RangeError);
    expect(() => easterSunday(Number.NaN)).toThrow(RangeError);
  });
});

describe('dutchPublicHolidays', () => {
  it('lists the Algemene termijnenwet days of 2026 exactly, sorted (not the Sundays of Easter and Whitsun)', () => {
    expect(dutchPublicHolidays(2026)).toEqual([
      '2026-01-01', // Nieuwjaarsdag
      '2026-04-03', // Goede Vrijdag (art. 3(2))
      '2026-04-06', // Tweede Paasdag
      '2026-04-27', // Koningsdag (a Monday)
      '2026-05-05', // 5 mei
      '2026-05-14', // Hemelvaartsdag
      '2026-05-25', // Tweede Pinksterdag
      '2026-12-25', // Eerste Kerstdag
      '2026-12-26', // Tweede Kerstdag (a Saturday)
    ]);
  });

  it('moves Koningsdag to 26 April when 27 April is a Sunday (2025)', () => {
    expect(dutchPublicHolidays(2025)).toEqual([
      '2025-01-01',
      '2025-04-18',
      '2025-04-21',
      '2025-04-26',
      '2025-05-05',
      '2025-05-29',
      '2025-06-09',
      '2025-12-25',
      '2025-12-26',
    ]);
  });

  it('has 5 May every year, not only in lustrum years', () => {
    for (const year of [2025, 2026, 2027, 2028, 2029, 2030]) {
      expect(dutchPublicHolidays(year)).toContain(`${year}-05-05`);
    }
  });

  it('lists a day once when two holidays coincide (Hemelvaartsdag on 5 May 2005)', () => {
    const holidays = dutchPublicHolidays(2005);
    expect(holidays.filter((d) => d === '2005-05-05')).toHaveLength(1);
    expect(holidays).toEqual([...holidays].sort());
    expect(STATUTORY_CALENDAR.dayOffOn({ year: 2005, month: 5, day: 5 })?.rule).toBe(
      'ascension_day',
    );
  });

  it('returns a copy, so callers cannot corrupt the cache', () => {
    const first = dutchPublicHolidays(2026);
    first.pop();
    first.push('2026-07-01');
    expect(dutchPublicHolidays(2026)).toHaveLength(9);
    expect(dutchPublicHolidays(2026)).not.toContain('2026-07-01');
    expect(isWorkingDay(at('2026-07-01T12:00:00+02:00'))).toBe(true);
  });
});

/**
 * The published dates of 2026–2030 (Rijksoverheid's list of feestdagen; Easter by the Computus,
 * checked against an independent implementation), each with the rule the calendar must name.
 */
const PUBLISHED: Record<number, [string, CalendarRule][]> = {
  2026: [
    ['2026-01-01', 'new_years_day'],
    ['2026-04-03', 'good_friday'],
    ['2026-04-06', 'easter_monday'],
    ['2026-04-27', 'kings_day'],
    ['2026-05-05', 'liberation_day'],
    ['2026-05-14', 'ascension_day'],
    ['2026-05-25', 'whit_monday'],
    ['2026-12-25', 'christmas_day'],
    ['2026-12-26', 'boxing_day'],
  ],
  2027: [
    ['2027-01-01', 'new_years_day'],
    ['2027-03-26', 'good_friday'],
    ['2027-03-29', 'easter_monday'],
    ['2027-04-27', 'kings_day'],
    ['2027-05-05', 'liberation_day'],
    ['2027-05-06', 'ascension_day'],
    ['2027-05-17', 'whit_monday'],
    ['2027-12-25', 'christmas_day'],
    ['2027-12-26', 'boxing_day'],
  ],
  2028: [
    ['2028-01-01', 'new_years_day'],
    ['2028-04-14', 'good_friday'],
    ['2028-04-17', 'easter_monday'],
    ['2028-04-27', 'kings_day'],
    ['2028-05-05', 'liberation_day'],
    ['2028-05-25', 'ascension_day'],
    ['2028-06-05', 'whit_monday'],
    ['2028-12-25', 'christmas_day'],
    ['2028-12-26', 'boxing_day'],
  ],
  2029: [
    ['2029-01-01', 'new_years_day'],
    ['2029-03-30', 'good_friday'],
    ['2029-04-02', 'easter_monday'],
    ['2029-04-27', 'kings_day'],
    ['2029-05-05', 'liberation_day'],
    ['2029-05-10', 'ascension_day'],
    ['2029-05-21', 'whit_monday'],
    ['2029-12-25', 'christmas_day'],
    ['2029-12-26', 'boxing_day'],
  ],
  2030: [
    ['2030-01-01', 'new_years_day'],
    ['2030-04-19', 'good_friday'],
    ['2030-04-22', 'easter_monday'],
    ['2030-04-27', 'kings_day'],
    ['2030-05-05', 'liberation_day'],
    ['2030-05-30', 'ascension_day'],
    ['2030-06-10', 'whit_monday'],
    ['2030-12-25', 'christmas_day'],
    ['2030-12-26', 'boxing_day'],
  ],
};

describe('the calendar against the published dates of 2026–2030', () => {
  it.each(Object.keys(PUBLISHED).map(Number))('%i: every day off and its rule', (year) => {
    expect(
      STATUTORY_CALENDAR.daysOffIn(year).map((d) => [d.date, d.rule] as [string, CalendarRule]),
    ).toEqual(PUBLISHED[year]);
    for (const [date, rule] of PUBLISHED[year] ?? []) {
      expect(STATUTORY_CALENDAR.dayOffOn(calendarDateOf(date))).toEqual({ date, rule });
    }
  });

  it.each([
    [2027, 3, 28],
    [2028, 4, 16],
    [2029, 4, 1],
    [2030, 4, 21],
  ])('Easter %i is %i-%i', (year, month, day) => {
    expect(easterSunday(year)).toEqual({ year, month, day });
  });

  it('names Koningsdag on Saturday 26 April 2025 as Koningsdag, not as the weekend', () => {
    expect(STATUTORY_CALENDAR.dayOff(at('2025-04-26T12:00:00+02:00'))).toEqual({
      date: '2025-04-26',
      rule: 'kings_day',
    });
    // 27 April 2025 is an ordinary Sunday.
    expect(STATUTORY_CALENDAR.dayOff(at('2025-04-27T12:00:00+02:00'))?.rule).toBe('weekend');
  });

  it('calls Easter Sunday and Whit Sunday weekend days, and a Tuesday a working day', () => {
    expect(STATUTORY_CALENDAR.dayOffOn(calendarDateOf('2026-04-05'))?.rule).toBe('weekend');
    expect(STATUTORY_CALENDAR.dayOffOn(calendarDateOf('2026-05-24'))?.rule).toBe('weekend');
    expect(STATUTORY_CALENDAR.dayOffOn(calendarDateOf('2026-04-28'))).toBeNull();
  });

  it('has a Dutch and an English name for every rule', () => {
    for (const rule of CALENDAR_RULES) {
      expect(CALENDAR_RULE_NAMES[rule].nl.length).toBeGreaterThan(0);
      expect(CALENDAR_RULE_NAMES[rule].en.length).toBeGreaterThan(0);
    }
    expect(CALENDAR_RULE_NAMES.kings_day).toEqual({ nl: 'Koningsdag', en: "King's Day" });
  });
});

describe('Goede Vrijdag and designated days', () => {
  const withoutGoodFriday = new WorkingCalendar({ goodFriday: false });

  it('counts Goede Vrijdag by default (Atw art. 3(2)) and not when switched off', () => {
    const goodFriday = at('2026-04-03T12:00:00+02:00');
    expect(STATUTORY_CALENDAR.dayOff(goodFriday)?.rule).toBe('good_friday');
    expect(withoutGoodFriday.dayOff(goodFriday)).toBeNull();
    expect(withoutGoodFriday.daysOffIn(2026).map((d) => d.date)).not.toContain('2026-04-03');
    // Thursday 2 April + 1 working day: Tuesday 7 April with it, Friday 3 April without it.
    expect(withoutGoodFriday.addWorkingDays(at('2026-04-02T10:00:00+02:00'), 1)).toEqual(
      at('2026-04-03T10:00:00+02:00'),
    );
  });

  it('treats a designated day as a day off named by its rule and name', () => {
    const calendar = new WorkingCalendar({
      designatedDays: [['2026-05-15', 'Vrijdag na Hemelvaartsdag']],
    });
    expect(calendar.dayOff(at('2026-05-15T12:00:00+02:00'))).toEqual({
      date: '2026-05-15',
      rule: 'designated_day',
      name: 'Vrijdag na Hemelvaartsdag',
    });
    expect(STATUTORY_CALENDAR.isWorkingDay(at('2026-05-15T12:00:00+02:00'))).toBe(true);
    // Wednesday 13 May + 1: Monday 18 May (Hemelvaartsdag, the designated Friday, the weekend).
    expect(calendar.addWorkingDays(at('2026-05-13T10:00:00+02:00'), 1)).toEqual(
      at('2026-05-18T10:00:00+02:00'),
    );
    expect(calendar.daysOffIn(2026).map((d) => d.rule)).toContain('designated_day');
    expect(calendar.daysOffIn(2027).map((d) => d.rule)).not.toContain('designated_day');
  });
});

describe('rollForward', () => {
  it('moves a due time on Koningsdag 2026 to Tuesday at the same time, naming the rule', () => {
    expect(STATUTORY_CALENDAR.rollForward(at('2026-04-27T15:00:00+02:00'))).toEqual({
      due: at('2026-04-28T15:00:00+02:00'),
      skipped: [{ date: '2026-04-27', rule: 'kings_day' }],
    });
  });

  it('passes over a weekend and a holiday, listing each day', () => {
    expect(STATUTORY_CALENDAR.rollForward(at('2026-04-25T09:30:00+02:00'))).toEqual({
      due: at('2026-04-28T09:30:00+02:00'),
      skipped: [
        { date: '2026-04-25', rule: 'weekend' },
        { date: '2026-04-26', rule: 'weekend' },
        { date: '2026-04-27', rule: 'kings_day' },
      ],
    });
  });

  it('keeps the local time across a change of the clocks, and leaves a working day alone', () => {
    // Saturday 28 March 2026 11:00 CET → Monday 30 March 11:00 CEST.
    expect(STATUTORY_CALENDAR.rollForward(at('2026-03-28T11:00:00+01:00')).due).toEqual(
      at('2026-03-30T11:00:00+02:00'),
    );
    const tuesday = at('2026-04-28T15:00:00+02:00');
    expect(STATUTORY_CALENDAR.rollForward(tuesday)).toEqual({ due: tuesday, skipped: [] });
  });
});

describe('isWorkingDay', () => {
  it('is false on weekends and holidays, true on other days', () => {
    expect(isWorkingDay(at('2026-04-02T12:00:00+02:00'))).toBe(true); // Thursday
    expect(isWorkingDay(at('2026-04-03T12:00:00+02:00'))).toBe(false); // Goede Vrijdag
    expect(isWorkingDay(at('2026-04-04T12:00:00+02:00'))).toBe(false); // Saturday
    expect(isWorkingDay(at('2026-04-05T12:00:00+02:00'))).toBe(false); // Sunday
    expect(isWorkingDay(at('2026-04-06T12:00:00+02:00'))).toBe(false); // Tweede Paasdag
    expect(isWorkingDay(at('2026-04-07T12:00:00+02:00'))).toBe(true); // Tuesday
    expect(isWorkingDay(at('2026-05-05T12:00:00+02:00'))).toBe(false); // 5 mei, every year
    expect(isWorkingDay(at('2026-05-06T12:00:00+02:00'))).toBe(true); // Wednesday
  });

  it('judges the calendar date in the given time zone, not in UTC', () => {
    // Tuesday 28 April 00:30 in Amsterdam, still Koningsdag (Monday 27 April) in UTC.
    const afterMidnight = at('2026-04-27T22:30:00Z');
    expect(isWorkingDay(afterMidnight)).toBe(true);
    expect(isWorkingDay(afterMidnight, 'Europe/Amsterdam')).toBe(true);
    expect(isWorkingDay(afterMidnight, 'UTC')).toBe(false);
    // Monday 27 April 00:30 in Amsterdam is Koningsdag, although UTC still says Sunday evening.
    expect(isWorkingDay(at('2026-04-26T22:30:00Z'))).toBe(false);
    // Monday 16 March 00:30 in Amsterdam, Sunday 15 March in UTC.
    expect(isWorkingDay(at('2026-03-15T23:30:00Z'))).toBe(true);
    expect(isWorkingDay(at('2026-03-15T23:30:00Z'), 'UTC')).toBe(false);
  });

  it('refuses an unknown time zone and an invalid Date', () => {
    expect(() => isWorkingDay(at('2026-04-02T12:00:00Z'), 'Europe/Atlantis')).toThrow(RangeError);
    expect(() => isWorkingDay(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('skips Goede Vrijdag, the weekend and Tweede Paasdag around Easter 2026', () => {
    expect(addWorkingDays(at('2026-04-02T10:00:00+02:00'), 1)).toEqual(
      at('2026-04-07T10:00:00+02:00'),
    );
  });

  it('skips the weekend and Koningsdag 2026', () => {
    expect(addWorkingDays(at('2026-04-24T14:45:00+02:00'), 1)).toEqual(
      at('2026-04-28T14:45:00+02:00'),
    );
  });

  it('skips Christmas 2026 (Friday and Saturday) and the Sunday', () => {
    expect(addWorkingDays(at('2026-12-24T11:00:00+01:00'), 1)).toEqual(
      at('2026-12-28T11:00:00+01:00'),
    );
  });

  it('steps across an ordinary weekend', () => {
    expect(addWorkingDays(at('2026-03-13T16:30:00+01:00'), 1)).toEqual(
      at('2026-03-16T16:30:00+01:00'),
    );
    expect(addWorkingDays(at('2026-03-12T16:30:00+01:00'), 3)).toEqual(
      at('2026-03-17T16:30:00+01:00'),
    );
  });

  it('keeps the local time across the change to summer time (29 March 2026)', () => {
    const due = addWorkingDays(at('2026-03-27T10:00:00+01:00'), 1);
    expect(due).toEqual(at('2026-03-30T10:00:00+02:00'));
    expect(due.toISOString()).toBe('2026-03-30T08:00:00.000Z');
    // Near midnight the UTC date differs from the Amsterdam one on both sides of the change.
    expect(addWorkingDays(at('2026-03-27T23:30:00+01:00'), 1)).toEqual(
      at('2026-03-30T23:30:00+02:00'),
    );
    expect(addWorkingDays(at('2026-03-27T00:15:00+01:00'), 1)).toEqual(
      at('2026-03-30T00:15:00+02:00'),
    );
  });

  it('keeps the local time across the change to winter time (25 October 2026)', () => {
    const due = addWorkingDays(at('2026-10-23T10:00:00+02:00'), 1);
    expect(due).toEqual(at('2026-10-26T10:00:00+01:00'));
    expect(due.toISOString()).toBe('2026-10-26T09:00:00.000Z');
    expect(addWorkingDays(at('2026-10-22T23:30:00+02:00'), 2)).toEqual(
      at('2026-10-26T23:30:00+01:00'),
    );
  });

  it('keeps seconds and milliseconds', () => {
    expect(addWorkingDays(at('2026-03-27T10:11:12.345+01:00'), 1)).toEqual(
      at('2026-03-30T10:11:12.345+02:00'),
    );
  });

  it('counts from the next working day at 09:00 when starting on a Saturday', () => {
    const saturday = at('2026-03-14T15:00:00+01:00');
    expect(addWorkingDays(saturday, 0)).toEqual(at('2026-03-16T09:00:00+01:00'));
    expect(addWorkingDays(saturday, 1)).toEqual(at('2026-03-17T09:00:00+01:00'));
    expect(addWorkingDays(saturday, 5)).toEqual(at('2026-03-23T09:00:00+01:00'));
  });

  it('counts from the next working day at 09:00 when starting on a holiday', () => {
    // Tweede Paasdag, and Saturday 28 March 2026 across the change to summer time.
    expect(addWorkingDays(at('2026-04-06T14:00:00+02:00'), 0)).toEqual(
      at('2026-04-07T09:00:00+02:00'),
    );
    expect(addWorkingDays(at('2026-03-28T18:00:00+01:00'), 0)).toEqual(
      at('2026-03-30T09:00:00+02:00'),
    );
  });

  it('returns the start itself for 0 on a working day', () => {
    const start = at('2026-03-16T13:37:00+01:00');
    const due = addWorkingDays(start, 0);
    expect(due).toEqual(start);
    expect(due).not.toBe(start);
  });

  it('uses the Amsterdam date, not the UTC one, to decide the start is a working day', () => {
    // Sunday 15 March 23:30 UTC is Monday 16 March 00:30 in Amsterdam: a working day.
    const start = at('2026-03-15T23:30:00Z');
    expect(addWorkingDays(start, 0)).toEqual(start);
    expect(addWorkingDays(start, 1)).toEqual(at('2026-03-17T00:30:00+01:00'));
  });

  it('adds 15 working days in an ordinary stretch', () => {
    expect(addWorkingDays(at('2026-06-01T09:00:00+02:00'), 15)).toEqual(
      at('2026-06-22T09:00:00+02:00'),
    );
  });

  it('adds 15 working days across Koningsdag, 5 May and Hemelvaartsdag', () => {
    expect(addWorkingDays(at('2026-04-22T11:00:00+02:00'), 15)).toEqual(
      at('2026-05-18T11:00:00+02:00'),
    );
  });

  it('refuses negative, fractional and non-finite day counts', () => {
    const start = at('2026-03-16T10:00:00+01:00');
    for (const days of [-1, 1.5, 0.1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => addWorkingDays(start, days)).toThrow(RangeError);
    }
    expect(() => addWorkingDays(new Date(Number.NaN), 1)).toThrow(RangeError);
  });

  it('works in other time zones, resolving skipped and repeated local times', () => {
    // New York: Friday 10:00 EST → Monday 10:00 EDT (clocks went forward on 8 March 2026).
    expect(addWorkingDays(at('2026-03-06T10:00:00-05:00'), 1, 'America/New_York')).toEqual(
      at('2026-03-09T10:00:00-04:00'),
    );
    // Tehran moved its clocks on weekdays at midnight (2022). 00:30 did not exist on Tuesday
    // 22 March: it becomes 01:30 (+04:30), the reading moved forward by the gap.
    expect(addWorkingDays(at('2022-03-21T00:30:00+03:30'), 1, 'Asia/Tehran')).toEqual(
      at('2022-03-22T01:30:00+04:30'),
    );
    // 23:30 occurred twice on Wednesday 21 September 2022: the earlier one is taken.
    expect(addWorkingDays(at('2022-09-20T23:30:00+04:30'), 1, 'Asia/Tehran')).toEqual(
      at('2022-09-21T23:30:00+04:30'),
    );
  });
});

describe('addBusinessDuration', () => {
  it('adds plain seconds when seconds is given, ignoring the calendar', () => {
    expect(addBusinessDuration(at('2026-03-13T23:59:30+01:00'), { seconds: 60 })).toEqual(
      at('2026-03-14T00:00:30+01:00'),
    );
    expect(addBusinessDuration(at('2026-03-13T12:00:00Z'), { seconds: 1.5 })).toEqual(
      at('2026-03-13T12:00:01.500Z'),
    );
  });

  it('prefers seconds over workingDays', () => {
    const start = at('2026-03-13T12:00:00+01:00');
    expect(addBusinessDuration(start, { seconds: 0, workingDays: 5 })).toEqual(start);
  });

  it('adds working days in Amsterdam otherwise', () => {
    expect(addBusinessDuration(at('2026-04-02T10:00:00+02:00'), { workingDays: 1 })).toEqual(
      at('2026-04-07T10:00:00+02:00'),
    );
  });

  it('refuses an empty or invalid spec', () => {
    const start = at('2026-03-13T12:00:00+01:00');
    expect(() => addBusinessDuration(start, {})).toThrow(RangeError);
    expect(() => addBusinessDuration(start, { seconds: -1 })).toThrow(RangeError);
    expect(() => addBusinessDuration(start, { seconds: Number.NaN })).toThrow(RangeError);
    expect(() => addBusinessDuration(start, { workingDays: -2 })).toThrow(RangeError);
  });
});
