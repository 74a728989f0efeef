import {
  maxAttempts,
  minAttempts,
  nextAttemptAt,
  pauseAfter,
  pauseCeiling,
  type RetryPolicy,
} from './retry-schedule';

/** The defaults: NOTIFY_RETRY_BASE_MS, NOTIFY_RETRY_MAX_DELAY_MS, NOTIFY_RETRY_FOR_MS. */
const DAY: RetryPolicy = { baseMs: 30_000, maxDelayMs: 3_600_000, retryForMs: 86_400_000 };
const HOUR = 3_600_000;

/**
 * Runs the schedule of one delivery that keeps failing, attempts taking no time, with a given
 * source of randomness: the times of its attempts, from the first (0) to the one it gives up after.
 */
function attemptsOf(policy: RetryPolicy, random: () => number): number[] {
  const first = new Date(0);
  const times = [0];
  for (;;) {
    const now = new Date(times[times.length - 1]!);
    const next = nextAttemptAt(policy, times.length, first, now, random);
    if (!next) return times;
    times.push(next.getTime());
  }
}

/** A seeded generator (mulberry32), so a failing run can be repeated. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the retry schedule of webhook and email deliveries (ADR 41)', () => {
  it('doubles the ceiling from 30 s up to one hour and stays there', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 30].map((n) => pauseCeiling(DAY, n) / 1000)).toEqual([
      30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600,
    ]);
  });

  it('draws every pause from [ceiling / 2, ceiling] (equal jitter)', () => {
    for (const n of [1, 2, 5, 8, 20]) {
      const ceiling = pauseCeiling(DAY, n);
      expect(pauseAfter(DAY, n, () => 0)).toBe(ceiling / 2);
      expect(pauseAfter(DAY, n, () => 0.999_999_9)).toBe(ceiling);
      const random = seeded(n);
      for (let i = 0; i < 1000; i++) {
        const pause = pauseAfter(DAY, n, random);
        expect(pause).toBeGreaterThanOrEqual(ceiling / 2);
        expect(pause).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('spreads deliveries that failed together: their second attempts do not come at once', () => {
    const random = seeded(7);
    const pauses = Array.from({ length: 200 }, () => pauseAfter(DAY, 8, random));
    expect(new Set(pauses).size).toBeGreaterThan(190);
    expect(Math.max(...pauses) - Math.min(...pauses)).toBeGreaterThan(HOUR / 4);
  });

  it('gives up after 24 hours: 30 attempts when every pause is at its ceiling, 54 at its floor', () => {
    expect(minAttempts(DAY)).toBe(30);
    expect(maxAttempts(DAY)).toBe(54);
    const longest = attemptsOf(DAY, () => 0.999_999_9);
    const shortest = attemptsOf(DAY, () => 0);
    expect(longest).toHaveLength(30);
    expect(shortest).toHaveLength(54);
    // Every attempt inside the window, and the last within one pause of its end.
    for (const times of [longest, shortest]) {
      expect(times[times.length - 1]!).toBeLessThanOrEqual(24 * HOUR);
      expect(times[times.length - 1]!).toBeGreaterThan(24 * HOUR - HOUR);
    }
  });

  it('keeps any random run inside the window and inside the bounds', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const times = attemptsOf(DAY, seeded(seed));
      expect(times.length).toBeGreaterThanOrEqual(minAttempts(DAY));
      expect(times.length).toBeLessThanOrEqual(maxAttempts(DAY));
      expect(times[times.length - 1]!).toBeLessThanOrEqual(24 * HOUR);
      for (let i = 1; i < times.length; i++) {
        const ceiling = pauseCeiling(DAY, i);
        expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(ceiling / 2);
        expect(times[i]! - times[i - 1]!).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('counts the window from the first attempt, not from the last', () => {
    const first = new Date(0);
    const late = new Date(24 * HOUR - 60_000);
    expect(nextAttemptAt(DAY, 40, first, late, () => 0)).toBeNull();
    expect(nextAttemptAt(DAY, 1, first, late, () => 0)).toEqual(new Date(late.getTime() + 15_000));
  });

  it('scales: the test scale (one hour in 6 s) keeps the shape', () => {
    const scaled: RetryPolicy = { baseMs: 50, maxDelayMs: 6000, retryForMs: 144_000 };
    expect(minAttempts(scaled)).toBe(30);
    expect(maxAttempts(scaled)).toBe(54);
  });
});
