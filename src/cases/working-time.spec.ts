import { STATUTORY_CALENDAR } from '../calendar/working-days';
import { addWorkingMs, workingMsBetween, type DayRule } from './working-time';

const ruleOf: DayRule = (d) => STATUTORY_CALENDAR.dayOff(d)?.rule ?? null;
const cest = (iso: string) => new Date(`${iso}+02:00`);
const cet = (iso: string) => new Date(`${iso}+01:00`);
const HOUR = 3_600_000;

describe('working time of the SLA clock', () => {
  it('counts only working days: Friday 15:00 to Tuesday 10:00 around King’s Day 2026 is 19 hours', () => {
    expect(workingMsBetween(cest('2026-04-24T15:00:00'), cest('2026-04-28T10:00:00'), ruleOf)).toBe(
      19 * HOUR,
    );
  });

  it('is plain time within one working day, and nothing over a weekend', () => {
    expect(workingMsBetween(cest('2026-04-21T09:00:00'), cest('2026-04-21T17:30:00'), ruleOf)).toBe(
      8.5 * HOUR,
    );
    expect(workingMsBetween(cest('2026-04-25T09:00:00'), cest('2026-04-26T22:00:00'), ruleOf)).toBe(
      0,
    );
  });

  it('adds working time skipping days off: Thursday 30 April 12:00 + 19 hours is Friday 1 May 07:00', () => {
    expect(addWorkingMs(cest('2026-04-30T12:00:00'), 19 * HOUR, ruleOf)).toEqual(
      cest('2026-05-01T07:00:00'),
    );
    // Friday 20:00 + 10 hours: Friday until midnight, then Monday (Saturday and Sunday skipped).
    expect(addWorkingMs(cest('2026-04-17T20:00:00'), 10 * HOUR, ruleOf)).toEqual(
      cest('2026-04-20T06:00:00'),
    );
  });

  it('keeps the wall clock across the change to summer time (29 March 2026)', () => {
    // Friday 27 March 12:00 CET + 24 working hours: Monday 30 March 12:00 CEST.
    expect(addWorkingMs(cet('2026-03-27T12:00:00'), 24 * HOUR, ruleOf)).toEqual(
      cest('2026-03-30T12:00:00'),
    );
  });
});
