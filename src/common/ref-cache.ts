/** A display reference: what lists show of a person or a unit. */
export interface Ref {
  id: string;
  name: string;
}

/**
 * Display names, kept briefly per process so a page of cases does not query people and units
 * on every request. Names change rarely; another process sees a rename within `ttlMs`, and the
 * writing process at once (the owner calls `forget`). Never used for anything but display.
 */
export class RefCache {
  private readonly entries = new Map<string, { ref: Ref; until: number }>();

  constructor(
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 20_000,
  ) {}

  /** The refs of `ids`: cached ones, and the rest from `load` (one call for all of them). */
  async get(
    ids: Iterable<string>,
    load: (missing: string[]) => Promise<Ref[]>,
  ): Promise<Map<string, Ref>> {
    const now = Date.now();
    const found = new Map<string, Ref>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const hit = this.entries.get(id);
      if (hit && hit.until > now) found.set(id, hit.ref);
      else missing.push(id);
    }
    if (missing.length) {
      if (this.entries.size + missing.length > this.maxEntries) this.entries.clear();
      for (const ref of await load(missing)) {
        this.entries.set(ref.id, { ref, until: now + this.ttlMs });
        found.set(ref.id, ref);
      }
    }
    return found;
  }

  forget(id: string): void {
    this.entries.delete(id);
  }
}
