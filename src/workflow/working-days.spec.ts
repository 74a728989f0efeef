import {
  addBusinessDuration,
  addWorkingDays,
  dutchPublicHolidays,
  easterSunday,
  isWorkingDay,
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
  it('lists the holidays of 2026 exactly, sorted', () => {
    expect(dutchPublicHolidays(2026)).toEqual([
      '2026-01-01', // Nieuwjaarsdag
      '2026-04-03', // Goede Vrijdag
      '2026-04-05', // Eerste Paasdag
      '2026-04-06', // Tweede Paasdag
      '2026-04-27', // Koningsdag (a Monday)
      '2026-05-14', // Hemelvaartsdag
      '2026-05-24', // Eerste Pinksterdag
      '2026-05-25', // Tweede Pinksterdag
      '2026-12-25', // Eerste Kerstdag
      '2026-12-26', // Tweede Kerstdag
    ]);
  });

  it('moves Koningsdag to 26 April when 27 April is a Sunday (2025), and has 5 May in 2025', () => {
    expect(dutchPublicHolidays(2025)).toEqual([
      '2025-01-01',
      '2025-04-18',
      '2025-04-20',
      '2025-04-21',
      '2025-04-26',
      '2025-05-05',
      '2025-05-29',
      '2025-06-08',
      '2025-06-09',
      '2025-12-25',
      '2025-12-26',
    ]);
  });

  it('has Bevrijdingsdag only in lustrum years', () => {
    expect(dutchPublicHolidays(2025)).toContain('2025-05-05');
    expect(dutchPublicHolidays(2026)).not.toContain('2026-05-05');
    expect(dutchPublicHolidays(2027)).not.toContain('2027-05-05');
    expect(dutchPublicHolidays(2030)).toContain('2030-05-05');
  });

  it('spot-checks 2027', () => {
    const holidays = dutchPublicHolidays(2027);
    expect(holidays).toHaveLength(10);
    expect(holidays).toEqual(
      expect.arrayContaining([
        '2027-03-26', // Goede Vrijdag
        '2027-03-28', // Eerste Paasdag
        '2027-03-29', // Tweede Paasdag
        '2027-04-27', // Koningsdag (a Tuesday)
        '2027-05-06', // Hemelvaartsdag
        '2027-05-16', // Eerste Pinksterdag
        '2027-05-17', // Tweede Pinksterdag
      ]),
    );
    expect(holidays).not.toContain('2027-04-26');
  });

  it('lists a day once when two holidays coincide (Hemelvaartsdag on 5 May 2005)', () => {
    const holidays = dutchPublicHolidays(2005);
    expect(holidays.filter((d) => d === '2005-05-05')).toHaveLength(1);
    expect(holidays).toEqual([...holidays].sort());
  });

  it('returns a copy, so callers cannot corrupt the cache', () => {
    const first = dutchPublicHolidays(2026);
    first.pop();
    first.push('2026-07-01');
    expect(dutchPublicHolidays(2026)).toHaveLength(10);
    expect(dutchPublicHolidays(2026)).not.toContain('2026-07-01');
    expect(isWorkingDay(at('2026-07-01T12:00:00+02:00'))).toBe(true);
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
    expect(isWorkingDay(at('2026-05-05T12:00:00+02:00'))).toBe(true); // no lustrum
    expect(isWorkingDay(at('2025-05-05T12:00:00+02:00'))).toBe(false); // lustrum
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

  it('adds 15 working days across Koningsdag and Hemelvaartsdag, not 5 May 2026', () => {
    expect(addWorkingDays(at('2026-04-22T11:00:00+02:00'), 15)).toEqual(
      at('2026-05-15T11:00:00+02:00'),
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
