/**
 * Working-day calendar for SLA due dates: pure functions, no I/O, no dependencies beyond the
 * built-in Intl API.
 *
 * A working day is a calendar day, judged in a time zone (Europe/Amsterdam by default), that is
 * neither a Saturday or Sunday nor a Dutch public holiday on which government offices close.
 * The holiday rules are the current ones (Koningsdag since 2014); they are not meant to
 * reproduce historical calendars.
 */

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

/** The local time a count starts at when the start moment is not on a working day. */
const OFFICE_OPENS_HOUR = 9;

const MS_PER_DAY = 86_400_000;

interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

interface WallClock extends CalendarDate {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

// ---------------------------------------------------------------------------------------------
// Easter and holidays
// ---------------------------------------------------------------------------------------------

/**
 * Easter Sunday in the Gregorian calendar, by the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher). Valid for any Gregorian year (1583 onwards).
 */
export function easterSunday(year: number): { year: number; month: number; day: number } {
  if (!Number.isSafeInteger(year)) {
    throw new RangeError(`year must be an integer, got ${String(year)}`);
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

interface HolidayCalendar {
  readonly dates: readonly string[];
  readonly lookup: ReadonlySet<string>;
}

/** Holidays per year; filled lazily because isWorkingDay sits in a hot path. */
const holidayCache = new Map<number, HolidayCalendar>();

function holidayCalendar(year: number): HolidayCalendar {
  const cached = holidayCache.get(year);
  if (cached) return cached;

  const easter = easterSunday(year);
  const fromEaster = (offset: number): string => isoDate(addDays(easter, offset));
  const on = (month: number, day: number): string => isoDate({ year, month, day });

  // Koningsdag moves to Saturday 26 April when 27 April falls on a Sunday.
  const kingsDay = weekday({ year, month: 4, day: 27 }) === 0 ? on(4, 26) : on(4, 27);

  const days = [
    on(1, 1), // Nieuwjaarsdag
    fromEaster(-2), // Goede Vrijdag
    fromEaster(0), // Eerste Paasdag
    fromEaster(1), // Tweede Paasdag
    kingsDay, // Koningsdag
    fromEaster(39), // Hemelvaartsdag
    fromEaster(49), // Eerste Pinksterdag
    fromEaster(50), // Tweede Pinksterdag
    on(12, 25), // Eerste Kerstdag
    on(12, 26), // Tweede Kerstdag
  ];
  // Bevrijdingsdag (5 May) is a national holiday every year, but the government (the
  // rijksoverheid's collective agreement, followed by the municipality) only gives it as a day
  // off once every five years, in lustrum years (2025, 2030, …). Offices are open otherwise.
  if (year % 5 === 0) days.push(on(5, 5));

  // ISO dates sort chronologically as strings; the Set removes the rare coincidence of two
  // holidays on one day (Hemelvaartsdag was 5 May in 2005).
  const dates = Object.freeze([...new Set(days)].sort());
  const calendar: HolidayCalendar = { dates, lookup: new Set(dates) };
  holidayCache.set(year, calendar);
  return calendar;
}

/**
 * The Dutch public holidays of `year` on which government offices close, as sorted
 * `YYYY-MM-DD` strings. Returns a fresh array each call (the cached list cannot be mutated).
 */
export function dutchPublicHolidays(year: number): string[] {
  return [...holidayCalendar(year).dates];
}

function isHoliday(date: CalendarDate): boolean {
  return holidayCalendar(date.year).lookup.has(isoDate(date));
}

// ---------------------------------------------------------------------------------------------
// Calendar-date arithmetic (proleptic Gregorian, time-zone free)
// ---------------------------------------------------------------------------------------------

/** Milliseconds since the epoch of a wall-clock reading taken as if it were UTC. */
function wallToUtcMs(w: CalendarDate & Partial<WallClock>): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 onto 1900–1999.
  date.setUTCFullYear(w.year, w.month - 1, w.day);
  date.setUTCHours(w.hour ?? 0, w.minute ?? 0, w.second ?? 0, w.millisecond ?? 0);
  return date.getTime();
}

function addDays(date: CalendarDate, days: number): CalendarDate {
  const shifted = new Date(wallToUtcMs(date) + days * MS_PER_DAY);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(date: CalendarDate): number {
  return new Date(wallToUtcMs(date)).getUTCDay();
}

function isoDate({ year, month, day }: CalendarDate): string {
  const y = year < 0 ? `-${String(-year).padStart(6, '0')}` : String(year).padStart(4, '0');
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isWorkingDate(date: CalendarDate): boolean {
  const dow = weekday(date);
  return dow !== 0 && dow !== 6 && !isHoliday(date);
}

// ---------------------------------------------------------------------------------------------
// Time zones
// ---------------------------------------------------------------------------------------------

/** One formatter per time zone, created on first use (constructing them is expensive). */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError for an unknown time zone, before anything is cached.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

formatterFor(DEFAULT_TIME_ZONE);

/** The wall-clock reading of `ms` in `timeZone`. */
function wallClockAt(ms: number, timeZone: string): WallClock {
  const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  let beforeChrist = false;
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type === 'era') beforeChrist = part.value === 'BC';
    else if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  return {
    ...fields,
    year: beforeChrist ? 1 - fields.year : fields.year,
    hour: fields.hour % 24, // some ICU versions print midnight as 24 even with h23
    millisecond: ((ms % 1000) + 1000) % 1000,
  };
}

/** The UTC offset of `timeZone` at the instant `ms`, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  return wallToUtcMs(wallClockAt(ms, timeZone)) - ms;
}

/**
 * The instant at which the clocks in `timeZone` show `wall`. When the reading occurs twice
 * (clocks set back) the earlier instant is taken; when it does not occur at all (clocks set
 * forward) the reading is moved forward by the length of the gap, e.g. 02:30 becomes 03:30.
 * This is Temporal's "compatible" disambiguation.
 */
function instantOf(wall: WallClock, timeZone: string): number {
  const asUtc = wallToUtcMs(wall);
  // No time zone moves its clocks by more than a day, so the offsets a day either side bound
  // every candidate.
  const before = offsetAt(asUtc - MS_PER_DAY, timeZone);
  const after = offsetAt(asUtc + MS_PER_DAY, timeZone);
  const candidates = [...new Set([before, after, offsetAt(asUtc, timeZone)])]
    .map((offset) => asUtc - offset)
    .filter((ms) => wallToUtcMs(wallClockAt(ms, timeZone)) === asUtc)
    .sort((x, y) => x - y);
  return candidates[0] ?? asUtc - before;
}

function assertValidDate(date: Date, name: string): void {
  // No instanceof check: Dates from another realm (vm contexts, Jest) are still Dates.
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`${name} must be a valid Date`);
  }
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/** Whether `date` falls, on the calendar of `timeZone`, on a weekday that is not a holiday. */
export function isWorkingDay(date: Date, timeZone = DEFAULT_TIME_ZONE): boolean {
  assertValidDate(date, 'date');
  return isWorkingDate(wallClockAt(date.getTime(), timeZone));
}

/**
 * The moment `days` working days after `start`: whole calendar days are stepped in the calendar
 * of `timeZone` keeping the local wall-clock time (so 10:00 stays 10:00 across a DST change),
 * and only working days are counted.
 *
 * When `start` is not itself on a working day (a case filed on a Saturday or on Easter Monday)
 * it is treated as received when the office opens: counting starts from the next working day at
 * 09:00 local time. Otherwise a request filed late on a Sunday would be due at that late hour,
 * and one filed early on a Sunday at that early hour, although both reach the office at the
 * same moment. `days = 0` therefore returns `start` itself on a working day, and the next
 * working day at 09:00 otherwise.
 *
 * @throws RangeError when `days` is not a non-negative integer or `start` is an invalid Date.
 */
export function addWorkingDays(start: Date, days: number, timeZone = DEFAULT_TIME_ZONE): Date {
  assertValidDate(start, 'start');
  if (!Number.isSafeInteger(days) || days < 0) {
    throw new RangeError(`days must be a non-negative integer, got ${String(days)}`);
  }
  const startWall = wallClockAt(start.getTime(), timeZone);
  if (days === 0 && isWorkingDate(startWall)) return new Date(start.getTime());

  let date: CalendarDate = startWall;
  let time = {
    hour: startWall.hour,
    minute: startWall.minute,
    second: startWall.second,
    millisecond: startWall.millisecond,
  };
  if (!isWorkingDate(date)) {
    do {
      date = addDays(date, 1);
    } while (!isWorkingDate(date));
    time = { hour: OFFICE_OPENS_HOUR, minute: 0, second: 0, millisecond: 0 };
  }
  for (let remaining = days; remaining > 0;) {
    date = addDays(date, 1);
    if (isWorkingDate(date)) remaining -= 1;
  }
  return new Date(instantOf({ ...date, ...time }, timeZone));
}

/**
 * Due date of an SLA policy. With `seconds` (tests and very short policies) that many plain
 * seconds are added, regardless of the calendar; otherwise `workingDays` working days are added
 * in Europe/Amsterdam (see addWorkingDays). `seconds` wins when both are given.
 *
 * @throws RangeError when neither is given, when `seconds` is negative or not finite, or when
 *   `workingDays` is not a non-negative integer.
 */
export function addBusinessDuration(
  start: Date,
  spec: { workingDays?: number; seconds?: number },
): Date {
  assertValidDate(start, 'start');
  if (spec.seconds !== undefined) {
    if (!Number.isFinite(spec.seconds) || spec.seconds < 0) {
      throw new RangeError(`seconds must be a non-negative number, got ${String(spec.seconds)}`);
    }
    return new Date(start.getTime() + spec.seconds * 1000);
  }
  if (spec.workingDays === undefined) {
    throw new RangeError('an SLA duration needs workingDays or seconds');
  }
  return addWorkingDays(start, spec.workingDays);
}
