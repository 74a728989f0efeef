/**
 * The working-day calendar for deadlines: pure functions, no I/O, no dependencies beyond the
 * built-in Intl API (ADR 25).
 *
 * A working day is a calendar day, judged in a time zone (Europe/Amsterdam by default), that is
 * not a Saturday or Sunday, not one of the days the Algemene termijnenwet recognises (see
 * holidays.ts; Goede Vrijdag unless the installation works on it) and not a day the Crown has
 * designated equal to them (the designated days, read from the database by CalendarService and
 * handed in). A WorkingCalendar holds one such choice; `dayOff` says why a day is not a working
 * day, by a stable rule code, so a moved deadline can say why it moved.
 */

import {
  addDays,
  type CalendarDate,
  type CalendarRule,
  holidaysOf,
  isoDate,
  utcMsOf,
  weekday,
} from './holidays';

export { easterSunday } from './holidays';

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

/** The local time a count starts at when the start moment is not on a working day. */
const OFFICE_OPENS_HOUR = 9;

const MS_PER_DAY = 86_400_000;

interface WallClock extends CalendarDate {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** Why a date is not a working day. */
export interface DayOff {
  /** `YYYY-MM-DD`, the calendar date in the time zone asked for. */
  date: string;
  rule: CalendarRule;
  /** A designated day's name as the administrator entered it; absent for the other rules. */
  name?: string;
}

export interface CalendarChoice {
  /** Goede Vrijdag counts as a holiday (Atw art. 3(2)); default true (CALENDAR_GOOD_FRIDAY). */
  goodFriday?: boolean;
  /** Days designated equal to a holiday: `YYYY-MM-DD` → name. */
  designatedDays?: Iterable<readonly [string, string]>;
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
  return utcMsOf(wallClockAt(ms, timeZone)) - ms;
}

/**
 * The instant at which the clocks in `timeZone` show `wall`. When the reading occurs twice
 * (clocks set back) the earlier instant is taken; when it does not occur at all (clocks set
 * forward) the reading is moved forward by the length of the gap, e.g. 02:30 becomes 03:30.
 * This is Temporal's "compatible" disambiguation.
 */
function instantOf(wall: WallClock, timeZone: string): number {
  const asUtc = utcMsOf(wall);
  // No time zone moves its clocks by more than a day, so the offsets a day either side bound
  // every candidate.
  const before = offsetAt(asUtc - MS_PER_DAY, timeZone);
  const after = offsetAt(asUtc + MS_PER_DAY, timeZone);
  const candidates = [...new Set([before, after, offsetAt(asUtc, timeZone)])]
    .map((offset) => asUtc - offset)
    .filter((ms) => utcMsOf(wallClockAt(ms, timeZone)) === asUtc)
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
// The calendar
// ---------------------------------------------------------------------------------------------

/**
 * One installation's working-day calendar: the Atw's days, Goede Vrijdag or not, and a snapshot
 * of the designated days. Immutable; CalendarService builds a fresh one when the table changes.
 */
export class WorkingCalendar {
  readonly goodFriday: boolean;
  private readonly designated: ReadonlyMap<string, string>;

  constructor(choice: CalendarChoice = {}) {
    this.goodFriday = choice.goodFriday ?? true;
    this.designated = new Map(choice.designatedDays ?? []);
  }

  /** The designated days this calendar knows, `YYYY-MM-DD` → name, in date order. */
  designatedDays(): [string, string][] {
    return [...this.designated].sort(([a], [b]) => (a < b ? -1 : 1));
  }

  /**
   * Why the calendar date `date` is not a working day, or null when it is one. A holiday that
   * falls on a weekend is named as the holiday (Koningsdag on Saturday 26 April 2025), and a
   * statutory holiday before a designated day.
   */
  dayOffOn(date: CalendarDate): DayOff | null {
    const iso = isoDate(date);
    const holiday = holidaysOf(date.year).get(iso);
    if (holiday && (holiday !== 'good_friday' || this.goodFriday)) {
      return { date: iso, rule: holiday };
    }
    const designated = this.designated.get(iso);
    if (designated !== undefined) return { date: iso, rule: 'designated_day', name: designated };
    const dow = weekday(date);
    if (dow === 0 || dow === 6) return { date: iso, rule: 'weekend' };
    return null;
  }

  /** Why the day of `moment` (on the calendar of `timeZone`) is not a working day, or null. */
  dayOff(moment: Date, timeZone = DEFAULT_TIME_ZONE): DayOff | null {
    assertValidDate(moment, 'moment');
    return this.dayOffOn(wallClockAt(moment.getTime(), timeZone));
  }

  /** Whether `moment` falls, on the calendar of `timeZone`, on a working day. */
  isWorkingDay(moment: Date, timeZone = DEFAULT_TIME_ZONE): boolean {
    return this.dayOff(moment, timeZone) === null;
  }

  /**
   * The days off of `year` other than ordinary weekends (holidays, also those on a Saturday or
   * Sunday, and designated days), in date order.
   */
  daysOffIn(year: number): DayOff[] {
    const days: DayOff[] = [];
    for (const [date, rule] of holidaysOf(year)) {
      if (rule !== 'good_friday' || this.goodFriday) days.push({ date, rule });
    }
    const prefix = isoDate({ year, month: 1, day: 1 }).slice(0, -5);
    for (const [date, name] of this.designated) {
      if (date.startsWith(prefix) && !days.some((d) => d.date === date)) {
        days.push({ date, rule: 'designated_day', name });
      }
    }
    return days.sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  /**
   * The moment `days` working days after `start`: whole calendar days are stepped in the
   * calendar of `timeZone` keeping the local wall-clock time (so 10:00 stays 10:00 across a DST
   * change), and only working days are counted.
   *
   * When `start` is not itself on a working day (a case filed on a Saturday or on Easter Monday)
   * it is treated as received when the office opens: counting starts from the next working day
   * at 09:00 local time. Otherwise a request filed late on a Sunday would be due at that late
   * hour, and one filed early on a Sunday at that early hour, although both reach the office at
   * the same moment. `days = 0` therefore returns `start` itself on a working day, and the next
   * working day at 09:00 otherwise.
   *
   * @throws RangeError when `days` is not a non-negative integer or `start` is an invalid Date.
   */
  addWorkingDays(start: Date, days: number, timeZone = DEFAULT_TIME_ZONE): Date {
    assertValidDate(start, 'start');
    if (!Number.isSafeInteger(days) || days < 0) {
      throw new RangeError(`days must be a non-negative integer, got ${String(days)}`);
    }
    const working = (date: CalendarDate): boolean => this.dayOffOn(date) === null;
    const startWall = wallClockAt(start.getTime(), timeZone);
    if (days === 0 && working(startWall)) return new Date(start.getTime());

    let date: CalendarDate = startWall;
    let time = {
      hour: startWall.hour,
      minute: startWall.minute,
      second: startWall.second,
      millisecond: startWall.millisecond,
    };
    if (!working(date)) {
      do {
        date = addDays(date, 1);
      } while (!working(date));
      time = { hour: OFFICE_OPENS_HOUR, minute: 0, second: 0, millisecond: 0 };
    }
    for (let remaining = days; remaining > 0;) {
      date = addDays(date, 1);
      if (working(date)) remaining -= 1;
    }
    return new Date(instantOf({ ...date, ...time }, timeZone));
  }

  /**
   * A due time that lands on a day off moves to the same local time on the next working day;
   * `skipped` lists every day passed over with its rule, first the one it landed on, so the
   * move can be recorded and explained (`cause: calendar`, `rule: kings_day`). A due time on a
   * working day stays as it is, with nothing skipped.
   */
  rollForward(due: Date, timeZone = DEFAULT_TIME_ZONE): { due: Date; skipped: DayOff[] } {
    assertValidDate(due, 'due');
    const wall = wallClockAt(due.getTime(), timeZone);
    const skipped: DayOff[] = [];
    let date: CalendarDate = wall;
    for (let off = this.dayOffOn(date); off; off = this.dayOffOn(date)) {
      skipped.push(off);
      date = addDays(date, 1);
    }
    if (skipped.length === 0) return { due: new Date(due.getTime()), skipped };
    return { due: new Date(instantOf({ ...wall, ...date }, timeZone)), skipped };
  }

  /**
   * Due date of an SLA policy. With `seconds` (tests and very short policies) that many plain
   * seconds are added, regardless of the calendar; otherwise `workingDays` working days are
   * added in Europe/Amsterdam (see addWorkingDays). `seconds` wins when both are given.
   *
   * @throws RangeError when neither is given, when `seconds` is negative or not finite, or when
   *   `workingDays` is not a non-negative integer.
   */
  addBusinessDuration(start: Date, spec: { workingDays?: number; seconds?: number }): Date {
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
    return this.addWorkingDays(start, spec.workingDays);
  }
}

/** The Atw's calendar with Goede Vrijdag and no designated days: what the functions below use. */
export const STATUTORY_CALENDAR = new WorkingCalendar();

/** Whether `date` falls on a working day of the statutory calendar (no designated days). */
export function isWorkingDay(date: Date, timeZone = DEFAULT_TIME_ZONE): boolean {
  return STATUTORY_CALENDAR.isWorkingDay(date, timeZone);
}

/** WorkingCalendar.addWorkingDays on the statutory calendar (no designated days). */
export function addWorkingDays(start: Date, days: number, timeZone = DEFAULT_TIME_ZONE): Date {
  return STATUTORY_CALENDAR.addWorkingDays(start, days, timeZone);
}

/** WorkingCalendar.addBusinessDuration on the statutory calendar (no designated days). */
export function addBusinessDuration(
  start: Date,
  spec: { workingDays?: number; seconds?: number },
): Date {
  return STATUTORY_CALENDAR.addBusinessDuration(start, spec);
}

/**
 * The Atw's holidays of `year` (Goede Vrijdag included) as sorted `YYYY-MM-DD` strings. Returns a
 * fresh array each call (the cached list cannot be mutated).
 */
export function dutchPublicHolidays(year: number): string[] {
  return STATUTORY_CALENDAR.daysOffIn(year).map((d) => d.date);
}
