import { isIPv6 } from 'node:net';

/**
 * The address a throttle counts by. IPv4 as it is (an IPv4-mapped IPv6 address as its IPv4
 * form); IPv6 by its /64, since one subscriber is usually given a whole /64 and could otherwise
 * take a fresh address for every attempt.
 */
export function throttleAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  const groups = ipv6Groups(address);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : address;
}

/** The eight groups of an IPv6 address (hex, no leading zeros), or null for anything else. */
function ipv6Groups(address: string): string[] | null {
  const bare = address.replace(/%.*$/, '');
  if (!isIPv6(bare)) return null;
  const toGroups = (part: string): string[] => {
    if (part === '') return [];
    return part.split(':').flatMap((group) => {
      if (!group.includes('.')) return [group];
      // A trailing dotted IPv4 part is two groups.
      const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
      return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
    });
  };
  const [head = '', tail] = bare.toLowerCase().split('::');
  const first = toGroups(head);
  const last = tail === undefined ? [] : toGroups(tail);
  const zeros = Array<string>(8 - first.length - last.length).fill('0');
  return [...first, ...zeros, ...last].map((g) => parseInt(g, 16).toString(16));
}

interface Window {
  count: number;
  endsAt: number;
}

/**
 * Fixed-window attempt counters in this process's memory: the throttle's fallback while Redis
 * is unreachable. Bounded: at most `capacity` windows are kept; when full, the oldest goes (a
 * Map iterates in insertion order).
 */
export class AttemptWindows {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly capacity = 10_000) {}

  get size(): number {
    return this.windows.size;
  }

  /**
   * Counts one attempt against every key whose count is below its limit, or none if any key is
   * at its limit. Returns 0 when counted, else the milliseconds until the blocking window ends.
   * Synchronous, so check and count cannot interleave with another attempt.
   */
  take(keys: readonly { key: string; limit: number }[], windowMs: number, now: number): number {
    let waitMs = 0;
    for (const { key, limit } of keys) {
      const window = this.live(key, now);
      if (window && window.count >= limit) waitMs = Math.max(waitMs, window.endsAt - now);
    }
    if (waitMs > 0) return waitMs;
    for (const { key } of keys) {
      const window = this.live(key, now);
      if (window) window.count++;
      else this.add(key, { count: 1, endsAt: now + windowMs });
    }
    return 0;
  }

  /** After a success: forgets `clear`'s failures and gives back the attempt counted on `give`. */
  release(clear: string, give: string, now: number): void {
    this.windows.delete(clear);
    const window = this.live(give, now);
    if (window && window.count > 0) window.count--;
  }

  private live(key: string, now: number): Window | undefined {
    const window = this.windows.get(key);
    if (window && window.endsAt <= now) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private add(key: string, window: Window): void {
    // Every window has the same length, so insertion order is also the order windows end in:
    // the first entry is the one that has ended, or will end, soonest.
    while (this.windows.size >= this.capacity) {
      const oldest = this.windows.keys().next();
      if (oldest.done) break;
      this.windows.delete(oldest.value);
    }
    this.windows.set(key, window);
  }
}
