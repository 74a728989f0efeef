/**
 * The days the Algemene termijnenwet (Atw) recognises besides Saturday and Sunday, as pure rules
 * with no I/O (ADR 25). Article 3(1) names Nieuwjaarsdag, the Christian Tweede Paas- and
 * Pinksterdag, both Kerstdagen, Hemelvaartsdag, the day the King's birthday is celebrated and
 * 5 May; article 3(2) equates Goede Vrijdag with them; article 3(3) lets the Crown equate further
 * days by decree (the designated days, kept in `calendar_designated_days`, not here).
 *
 * Eerste Paasdag and Eerste Pinksterdag are Sundays, so the law need not name them: here they
 * are weekend days.
 */

/** Why a day is not a working day: a stable code; the words are in CALENDAR_RULE_NAMES. */
export const CALENDAR_RULES = [
  'weekend',
  'new_years_day',
  'good_friday',
  'easter_monday',
  'kings_day',
  'liberation_day',
  'ascension_day',
  'whit_monday',
  'christmas_day',
  'boxing_day',
  'designated_day',
] as const;

export type CalendarRule = (typeof CALENDAR_RULES)[number];

/** The rules a year's dates are computed for (the rest come from the weekday or the table). */
export type HolidayRule = Exclude<CalendarRule, 'weekend' | 'designated_day'>;

/** Each rule's name in Dutch and English, for the API and for e-mails in the reader's language. */
export const CALENDAR_RULE_NAMES: Record<CalendarRule, { nl: string; en: string }> = {
  weekend: { nl: 'Weekend', en: 'Weekend' },
  new_years_day: { nl: 'Nieuwjaarsdag', en: "New Year's Day" },
  good_friday: { nl: 'Goede Vrijdag', en: 'Good Friday' },
  easter_monday: { nl: 'Tweede Paasdag', en: 'Easter Monday' },
  kings_day: { nl: 'Koningsdag', en: "King's Day" },
  liberation_day: { nl: 'Bevrijdingsdag (5 mei)', en: 'Liberation Day (5 May)' },
  ascension_day: { nl: 'Hemelvaartsdag', en: 'Ascension Day' },
  whit_monday: { nl: 'Tweede Pinksterdag', en: 'Whit Monday' },
  christmas_day: { nl: 'Eerste Kerstdag', en: 'Christmas Day' },
  boxing_day: { nl: 'Tweede Kerstdag', en: 'Boxing Day' },
  designated_day: {
    nl: 'Met een feestdag gelijkgestelde dag',
    en: 'Day designated equal to a public holiday',
  },
};

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

const MS_PER_DAY = 86_400_000;

/**
 * Easter Sunday in the Gregorian calendar, by the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher). Valid for any Gregorian year (1583 onwards).
 */
export function easterSunday(year: number): CalendarDate {
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

/** Milliseconds since the epoch of a calendar date (and time) taken as if it were UTC. */
export function utcMsOf(
  date: CalendarDate & { hour?: number; minute?: number; second?: number; millisecond?: number },
): number {
  const at = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 onto 1900–1999.
  at.setUTCFullYear(date.year, date.month - 1, date.day);
  at.setUTCHours(date.hour ?? 0, date.minute ?? 0, date.second ?? 0, date.millisecond ?? 0);
  return at.getTime();
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const shifted = new Date(utcMsOf(date) + days * MS_PER_DAY);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: CalendarDate): number {
  return new Date(utcMsOf(date)).getUTCDay();
}

/** `YYYY-MM-DD`, the form the designated-days table and the API use. */
export function isoDate({ year, month, day }: CalendarDate): string {
  const y = year < 0 ? `-${String(-year).padStart(6, '0')}` : String(year).padStart(4, '0');
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The calendar date of a `YYYY-MM-DD` string (checked by the caller, e.g. isCalendarDate). */
export function calendarDateOf(iso: string): CalendarDate {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** Holidays per year, date → rule; filled lazily because the working-day checks sit in a hot path. */
const holidayCache = new Map<number, ReadonlyMap<string, HolidayRule>>();

/**
 * The Atw's holidays of `year` (Goede Vrijdag included: whether it counts is the calendar's
 * choice), date → rule, in date order. When two fall on one day (Hemelvaartsdag on 5 May, as in
 * 2005 and 2016) the day is listed once, under the rule named first in article 3(1).
 */
export function holidaysOf(year: number): ReadonlyMap<string, HolidayRule> {
  const cached = holidayCache.get(year);
  if (cached) return cached;

  const easter = easterSunday(year);
  const fromEaster = (offset: number): string => isoDate(addDays(easter, offset));
  const on = (month: number, day: number): string => isoDate({ year, month, day });
  // The King's birthday (27 April) is celebrated on Saturday 26 April when 27 April is a Sunday
  // (Besluit Koningsdag); the Atw names the day of the celebration.
  const kingsDay = weekday({ year, month: 4, day: 27 }) === 0 ? on(4, 26) : on(4, 27);

  // In the order of article 3(1), then 3(2): the first rule of a date wins.
  const rules: [string, HolidayRule][] = [
    [on(1, 1), 'new_years_day'],
    [fromEaster(1), 'easter_monday'],
    [fromEaster(50), 'whit_monday'],
    [on(12, 25), 'christmas_day'],
    [on(12, 26), 'boxing_day'],
    [fromEaster(39), 'ascension_day'],
    [kingsDay, 'kings_day'],
    [on(5, 5), 'liberation_day'],
    [fromEaster(-2), 'good_friday'],
  ];
  const byDate = new Map<string, HolidayRule>();
  for (const [date, rule] of rules) if (!byDate.has(date)) byDate.set(date, rule);
  // ISO dates sort chronologically as strings.
  const sorted: ReadonlyMap<string, HolidayRule> = new Map(
    [...byDate].sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  holidayCache.set(year, sorted);
  return sorted;
}
