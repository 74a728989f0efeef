/**
 * When a failed notification (a webhook call or an email) is tried again (issue 20, ADR 41):
 * exponential backoff with equal jitter, capped per pause, for a window that starts at the first
 * attempt (24 hours by default). Pure, so the schedule itself is tested without a clock.
 *
 * The pause after attempt n (n = 1, 2, …) has a ceiling `min(maxDelay, base · 2^(n-1))` and is
 * drawn uniformly from [ceiling / 2, ceiling] ("equal jitter": half fixed, half random). Half
 * fixed keeps a floor under every pause, so the number of attempts has an upper bound; half
 * random spreads the retries of many deliveries that failed at once (a receiver that went down)
 * instead of sending them back in one wave when it comes up.
 *
 * An attempt is only scheduled inside the window: when the next pause would end after
 * `firstAttemptAt + retryFor`, the delivery gives up and stays `failed` with its last error.
 * The last attempt is therefore at most `maxDelay` before the end of the window.
 */
export interface RetryPolicy {
  /** The ceiling of the first pause. */
  baseMs: number;
  /** The ceiling of every pause: backoff stops growing here. */
  maxDelayMs: number;
  /** How long after the first attempt a delivery is still tried. */
  retryForMs: number;
}

/** The ceiling of the pause after attempt `attempt` (1-based). */
export function pauseCeiling(policy: RetryPolicy, attempt: number): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 40);
  return Math.min(policy.maxDelayMs, policy.baseMs * 2 ** exponent);
}

/** The pause after attempt `attempt`, with equal jitter; `random` in [0, 1). */
export function pauseAfter(
  policy: RetryPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const ceiling = pauseCeiling(policy, attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * When to try again after attempt `attempt` failed at `now`, or null when the window that began
 * at `firstAttemptAt` does not hold another attempt (give up: the delivery stays `failed`).
 */
export function nextAttemptAt(
  policy: RetryPolicy,
  attempt: number,
  firstAttemptAt: Date,
  now: Date,
  random: () => number = Math.random,
): Date | null {
  const at = now.getTime() + pauseAfter(policy, attempt, random);
  return at <= firstAttemptAt.getTime() + policy.retryForMs ? new Date(at) : null;
}

/**
 * The most attempts the schedule allows in its window: every pause at its floor (ceiling / 2)
 * and every attempt taking no time. A delivery is never tried more often than this.
 */
export function maxAttempts(policy: RetryPolicy): number {
  let attempts = 1;
  let elapsed = 0;
  for (;;) {
    const floor = Math.round(pauseCeiling(policy, attempts) / 2);
    if (elapsed + floor > policy.retryForMs) return attempts;
    elapsed += floor;
    attempts += 1;
  }
}

/**
 * The fewest attempts a delivery that keeps failing gets before it gives up, when attempts take
 * no time: every pause at its ceiling.
 */
export function minAttempts(policy: RetryPolicy): number {
  let attempts = 1;
  let elapsed = 0;
  for (;;) {
    const ceiling = pauseCeiling(policy, attempts);
    if (elapsed + ceiling > policy.retryForMs) return attempts;
    elapsed += ceiling;
    attempts += 1;
  }
}
