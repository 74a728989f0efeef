/**
 * Working time for the SLA clock (ADR 26): how much of a span fell on working days, and where a
 * due time lands when working time is added to it. Pure: the calendar is passed in as `ruleOf`,
 * which names why a day is not a working day (`weekend`, `kings_day`, …) or says null.
 *
 * A due time that still falls on a day off is rolled by the calendar (`rollForward`, ADR 25).
 *
 * A working day counts whole (24 hours, judged in Europe/Amsterdam), as the due times do
 * (`addWorkingDays` steps whole days keeping the wall-clock time): a case suspended from Friday
 * 15:00 to Tuesday 10:00 around King's Day lost 9 + 10 = 19 hours of working time.
 */

/** Why the local day holding this instant is not a working day, or null when it is one. */
export type DayRule = (instant: Date) => string | null;

export const CLOCK_TIME_ZONE = 'Europe/Amsterdam';
const HOUR = 3_600_000;

const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: CLOCK_TIME_ZONE,
  calendar: 'gregory',
  numberingSystem: 'latn',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallAt(ms: number): Wall {
  const w: Wall = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatter.formatToParts(ms)) {
    if (part.type in w) w[part.type as keyof Wall] = Number(part.value);
  }
  w.hour %= 24;
  return w;
}

/** The instant the clocks in Amsterdam show this wall time (DST changes are never at midnight). */
function instantOf(w: Wall, extraMs = 0): number {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) + extraMs;
  const offsetAt = (ms: number) => {
    const x = wallAt(ms);
    return Date.UTC(x.year, x.month - 1, x.day, x.hour, x.minute, x.second) - (ms - (ms % 1000));
  };
  const first = asUtc - offsetAt(asUtc - 3 * HOUR);
  return asUtc - offsetAt(first);
}

/** The local midnight that starts the day holding `ms`, and the one that ends it. */
function dayBounds(ms: number): { start: number; end: number } {
  const w = wallAt(ms);
  const start = instantOf({ ...w, hour: 0, minute: 0, second: 0 });
  const next = new Date(Date.UTC(w.year, w.month - 1, w.day + 1));
  const end = instantOf({
    year: next.getUTCFullYear(),
    month: next.getUTCMonth() + 1,
    day: next.getUTCDate(),
    hour: 0,
    minute: 0,
    second: 0,
  });
  return { start, end };
}

/** The working time (ms) in [from, to): the parts of it that fell on working days. */
export function workingMsBetween(from: Date, to: Date, ruleOf: DayRule): number {
  let total = 0;
  for (let at = from.getTime(); at < to.getTime();) {
    const { end } = dayBounds(at);
    const until = Math.min(end, to.getTime());
    if (ruleOf(new Date(at)) === null) total += until - at;
    at = until;
  }
  return total;
}

/**
 * `start` plus `ms` of working time: non-working days are skipped whole. A start on a
 * non-working day counts from the next working day's first moment.
 */
export function addWorkingMs(start: Date, ms: number, ruleOf: DayRule): Date {
  let at = start.getTime();
  let remaining = ms;
  for (let guard = 0; guard < 3660; guard++) {
    const { end } = dayBounds(at);
    if (ruleOf(new Date(at)) === null) {
      if (at + remaining <= end) return new Date(at + remaining);
      remaining -= end - at;
    }
    at = end;
  }
  throw new RangeError('no working day within ten years');
}
