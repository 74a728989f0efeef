import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { ActorRecord } from './users.store';

export interface ActorCacheStats {
  /** Lookups answered from the cache. */
  hit: number;
  /** Lookups read from the database and kept. */
  miss: number;
  /** Lookups read from the database because the cache was not listening. */
  bypass: number;
  /** Notifications received. */
  invalidations: number;
  /** Times the listening connection dropped. */
  drops: number;
  listening: boolean;
  entries: number;
}

/** The channel the `users` and `user_domains` triggers notify, with the user's id (ADR 47). */
export const ACTOR_CHANNEL = 'brug_actor_changed';
/** The payload of a TRUNCATE of either table: every entry goes. */
const EVERYONE = '*';
/** A backstop: an entry is read again after this long even without a notification. */
export const ACTOR_TTL_MS = 60_000;
/** At most this many actors are kept; the least recently used goes first. */
export const ACTOR_CACHE_SIZE = 10_000;
/** How long the listener waits before reconnecting, doubling up to the maximum. */
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 10_000;
/** The listening connection is asked to answer this often; no answer in time counts as down. */
const PING_EVERY_MS = 15_000;
const PING_TIMEOUT_MS = 5_000;

/**
 * The actor of a token or session (what `findActor` returns), kept per process by user id so a
 * request does not read it from PostgreSQL each time (issue 21, ADR 47). Entries are trusted
 * only while a dedicated connection to the primary LISTENs on `brug_actor_changed`: the triggers
 * on `users` and `user_domains` notify at commit, and the entry is dropped on arrival. Before the
 * connection listens, and from the moment it drops until it listens again, nothing is kept and
 * every lookup reads the database, as before the cache. Entries also expire after a minute.
 *
 * The listener starts with the first lookup, so only processes that authenticate requests (the
 * API) open it; workers and the CLI never do.
 */
@Injectable()
export class ActorCache implements OnApplicationShutdown {
  private readonly logger = new Logger('ActorCache');
  /** In least-recently-used order (a Map keeps insertion order; a hit re-inserts). */
  private readonly entries = new Map<string, { record: ActorRecord; until: number }>();
  private listening = false;
  private started = false;
  private stopped = false;
  private client: Client | null = null;
  private wake: (() => void) | null = null;
  /**
   * Counted up by every invalidation and every clearing. A read that began before one may have
   * seen the row before the change, so it is used for its request but not kept.
   */
  private generation = 0;
  /** What the cache did since the start, for the metrics (src/health registers them). */
  private readonly counts = { hit: 0, miss: 0, bypass: 0, invalidations: 0, drops: 0 };

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The counts, whether it listens, and how many actors it keeps. */
  stats(): ActorCacheStats {
    return { ...this.counts, listening: this.listening, entries: this.entries.size };
  }

  /** Whether entries are kept and used (the listening connection is up). */
  get isListening(): boolean {
    return this.listening;
  }

  /**
   * The actor of `id` when it is active at `tokenVersion` (the token's `tv` or the session's),
   * else null. A kept actor answers only yes: one that would refuse (another version, inactive)
   * is read again first, so a token issued just after a change works at once.
   */
  async signedIn(
    id: string,
    tokenVersion: number,
    load: () => Promise<ActorRecord | null>,
  ): Promise<ActorRecord | null> {
    const valid = (record: ActorRecord | null): ActorRecord | null =>
      record?.active && record.tokenVersion === tokenVersion ? record : null;
    this.start();
    if (!this.listening) {
      this.counts.bypass++;
      return valid(await load());
    }
    const kept = this.entries.get(id);
    if (kept && kept.until > performance.now() && valid(kept.record)) {
      this.entries.delete(id);
      this.entries.set(id, kept);
      this.counts.hit++;
      return kept.record;
    }
    this.counts.miss++;
    return valid(await this.read(id, load));
  }

  /** Reads and keeps the actor, unless something changed (or the listener dropped) meanwhile. */
  private async read(
    id: string,
    load: () => Promise<ActorRecord | null>,
  ): Promise<ActorRecord | null> {
    const generation = this.generation;
    const record = await load();
    if (!this.listening || this.generation !== generation) return record;
    this.entries.delete(id);
    if (!record) return record;
    this.entries.set(id, { record, until: performance.now() + ACTOR_TTL_MS });
    if (this.entries.size > ACTOR_CACHE_SIZE) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return record;
  }

  /** Drops one user's entry (a notification), or all of them. */
  forget(id: string): void {
    this.generation++;
    if (id === EVERYONE) this.entries.clear();
    else this.entries.delete(id);
  }

  /** Waits until the listener listens (for tests and the bench's warm-up); false after `ms`. */
  async whenListening(ms: number): Promise<boolean> {
    this.start();
    const end = Date.now() + ms;
    while (!this.listening && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    return this.listening;
  }

  /** The backend pid of the listening connection (tests end it to prove the fallback). */
  async listenerPid(): Promise<number | null> {
    if (!this.client || !this.listening) return null;
    const rows = await this.client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    return rows.rows[0]?.pid ?? null;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.down();
    this.wake?.();
    await this.client?.end().catch(() => undefined);
  }

  private start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    void this.listen();
  }

  /** Stops using the cache: nothing kept may outlive the connection that would invalidate it. */
  private down(): void {
    this.listening = false;
    this.generation++;
    this.entries.clear();
  }

  /** One dedicated connection to the primary (never the replica); reconnects with backoff. */
  private async listen(): Promise<void> {
    let delay = RECONNECT_MIN_MS;
    while (!this.stopped) {
      const client = new Client({
        connectionString: this.config.databaseUrl,
        application_name: 'brug-actor-cache',
        keepAlive: true,
      });
      this.client = client;
      let ping: NodeJS.Timeout | null = null;
      try {
        const ended = new Promise<void>((resolve) => {
          // `on`, not `once`: a second error without a listener would end the process.
          client.on('error', () => resolve());
          client.on('end', () => resolve());
        });
        await client.connect();
        client.on('notification', (message) => {
          if (message.channel !== ACTOR_CHANNEL) return;
          this.counts.invalidations++;
          this.forget(message.payload ?? EVERYONE);
        });
        await client.query(`LISTEN ${ACTOR_CHANNEL}`);
        if (this.stopped) break;
        this.generation++;
        this.listening = true;
        delay = RECONNECT_MIN_MS;
        this.logger.log({ event: 'actor_cache_listening' }, 'Actor cache listening');
        const unanswered = new Promise<void>((resolve) => {
          ping = setInterval(() => {
            const timer = setTimeout(resolve, PING_TIMEOUT_MS);
            client.query('SELECT 1').then(
              () => clearTimeout(timer),
              () => resolve(),
            );
          }, PING_EVERY_MS);
          ping.unref();
        });
        await Promise.race([ended, unanswered]);
      } catch {
        // Reads go to the database meanwhile; try again after the backoff.
      } finally {
        if (ping) clearInterval(ping);
        const was = this.listening;
        this.down();
        if (was) this.counts.drops++;
        if (was && !this.stopped) {
          this.logger.warn(
            { event: 'actor_cache_down' },
            'Actor cache stopped listening; the actor is read per request until it listens again',
          );
        }
        await client.end().catch(() => undefined);
      }
      if (this.stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
      delay = Math.min(delay * 2, RECONNECT_MAX_MS);
    }
  }
}
