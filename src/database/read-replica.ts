import { Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { classifyInfrastructureError } from '../common/infrastructure-errors';
import type { AppConfig } from '../config/config';
import type { MetricsService } from '../health/metrics.service';
import type { RedisService } from '../redis/redis.service';
import { dataSourceOptions } from './data-source-options';
import { keepErrorListeners } from './error-listeners';

/** The replica as the readiness probe reports it (ADR 42). */
export interface ReplicaStatus {
  /** `off`: none configured; `degraded`: reads are served by the primary meanwhile. */
  state: 'up' | 'degraded' | 'off';
  /** Why the replica is not used (null while it is). */
  reason: 'unreachable' | 'lagging' | 'not_in_recovery' | null;
  /** How far its replay was behind the primary at the last probe (null when unknown). */
  lagSeconds: number | null;
}

/** Someone whose reads should see their own writes (a signed-in person). */
export interface Reader {
  id: string;
}

/** How often the replica's replay position and the primary's WAL position are sampled. */
const PROBE_INTERVAL_MS = 1000;
/** A probe query that takes longer counts as the replica being unreachable. */
const PROBE_TIMEOUT_MS = 1500;
/** A status older than this (a stuck probe) counts as degraded. */
const STALE_STATUS_MS = 5 * PROBE_INTERVAL_MS;
/** The replica pool waits at most this long for a connection: the primary is there to fall back on. */
const REPLICA_CONNECT_TIMEOUT_MS = 2000;

/** `pg_lsn` as a byte position (numeric text in SQL, a bigint here). */
const LSN_BYTES = (expr: string) => `(${expr} - '0/0'::pg_lsn)::text`;

/**
 * Keeps the larger of the stored and the given position (decimal text: the longer one, or at
 * equal length the later in order), and (re)sets the key's lifetime. Two writes of one person
 * that finish out of order leave the later position.
 */
export const KEEP_LARGER_POSITION = `
local current = redis.call('GET', KEYS[1])
if current == false or #ARGV[1] > #current or (#ARGV[1] == #current and ARGV[1] > current) then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
else
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 1`;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('replica probe timed out')), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Where the reads that may be a moment old go: the streaming replica in `DATABASE_REPLICA_URL`
 * when it is there, caught up within `DATABASE_REPLICA_MAX_LAG_SECONDS` and has replayed the
 * reader's own last write; the primary otherwise (ADR 42). Writes and every read inside a unit
 * of work never come here: they use the primary's data source directly.
 *
 * Read-your-writes: after a unit of work by a person commits, the primary's WAL insert position
 * (at or past the commit record) is kept in Redis under that person for a while; their reads go
 * to the replica only once its replay position has passed it. The replica's replay position is
 * sampled once a second, so a person's reads go to the primary for about a second after each of
 * their writes, and never see the replica before it holds the write.
 */
export class ReadReplica implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ReadReplica');
  private replica: DataSource | null = null;
  private connecting: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** Recent samples of the primary's WAL position, oldest first, for measuring lag in time. */
  private samples: { at: number; lsn: bigint }[] = [];
  /** The replica's replay position at the last good probe. */
  private replayed = -1n;
  private status: ReplicaStatus & { at: number };
  /** Own writes this process knows of, for when Redis cannot be asked (see `wrote`). */
  private readonly localMarks = new Map<string, { lsn: bigint; until: number }>();
  private lastProblem = '';
  private readonly reads: Counter<'source'> | null = null;

  constructor(
    private readonly primary: DataSource,
    private readonly redis: RedisService,
    private readonly config: AppConfig,
    /** Only processes that serve reads (the API) open the replica; workers only mark writes. */
    private readonly servesReads: boolean,
    metrics?: MetricsService,
  ) {
    const used = this.configured && servesReads;
    this.status = {
      state: used ? 'degraded' : 'off',
      reason: used ? 'unreachable' : null,
      lagSeconds: null,
      at: Date.now(),
    };
    if (used && metrics) {
      this.reads = new Counter({
        name: 'brug_replica_reads_total',
        help: 'Reads that may be served by the read replica, by the server that served them',
        labelNames: ['source'],
        registers: [metrics.registry],
      });
      for (const source of ['replica', 'primary'] as const) this.reads.inc({ source }, 0);
      const status = () => this.readiness();
      new Gauge({
        name: 'brug_replica_lag_seconds',
        help: 'How far the read replica replayed behind the primary at the last probe (-1: unknown)',
        registers: [metrics.registry],
        collect() {
          this.set(status().lagSeconds ?? -1);
        },
      });
      new Gauge({
        name: 'brug_replica_up',
        help: 'Whether the read replica serves reads (1) or they go to the primary (0)',
        registers: [metrics.registry],
        collect() {
          this.set(status().state === 'up' ? 1 : 0);
        },
      });
    }
  }

  /** Whether a replica is configured at all. */
  get configured(): boolean {
    return this.config.databaseReplicaUrl !== null;
  }

  /** How long a person's write steers their reads: past any lag the replica may be used with. */
  private get markMs(): number {
    return this.config.databaseReplicaMaxLagSeconds * 1000 + 60_000;
  }

  onModuleInit(): void {
    if (!this.configured || !this.servesReads) return;
    // The replica may be down when the service starts: the service starts anyway (reads on the
    // primary) and the probe keeps trying.
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.connecting?.catch(() => undefined);
    if (this.replica?.isInitialized) await this.replica.destroy().catch(() => undefined);
  }

  /** The replica's state for `/health/ready`. */
  readiness(): ReplicaStatus {
    const { at, ...status } = this.status;
    if (status.state === 'up' && Date.now() - at > STALE_STATUS_MS) {
      return { state: 'degraded', reason: 'unreachable', lagSeconds: status.lagSeconds };
    }
    return status;
  }

  /**
   * Runs a read that may be served by the replica. `reader` is the person reading (their own
   * writes must be visible), or null for reads on no one's behalf. When the replica fails the
   * read with a connection-class error (or a recovery conflict), it is run again on the primary.
   */
  async read<T>(reader: Reader | null, work: (db: DataSource) => Promise<T>): Promise<T> {
    const replica = await this.choose(reader);
    if (replica === null) {
      this.reads?.inc({ source: 'primary' });
      return work(this.primary);
    }
    try {
      const result = await work(replica);
      this.reads?.inc({ source: 'replica' });
      return result;
    } catch (error) {
      if (classifyInfrastructureError(error)?.cause !== 'database') throw error;
      this.degrade('unreachable', error);
      this.reads?.inc({ source: 'primary' });
      return work(this.primary);
    }
  }

  /**
   * Records that `userId` wrote: called after their unit of work committed. The position is
   * read on the primary after the commit, so it is at or past the commit record.
   */
  async wrote(userId: string): Promise<void> {
    if (!this.configured) return;
    let lsn: bigint;
    try {
      const [row] = await this.primary.query<{ lsn: string }[]>(
        `SELECT ${LSN_BYTES('pg_current_wal_insert_lsn()')} AS lsn`,
      );
      lsn = BigInt(row!.lsn);
    } catch {
      // Without the position this process reads the person's data from the primary for the
      // whole mark; the write itself is committed and stays so.
      lsn = BigInt(Number.MAX_SAFE_INTEGER) * 1024n;
    }
    this.localMarks.set(userId, { lsn, until: Date.now() + this.markMs });
    if (this.localMarks.size > 10_000) this.forgetExpiredMarks();
    try {
      await this.redis.client.eval(
        KEEP_LARGER_POSITION,
        1,
        this.markKey(userId),
        lsn.toString(),
        String(this.markMs),
      );
    } catch (error) {
      this.logger.warn(
        `Could not keep the write position of a person in Redis (${error instanceof Error ? error.message : String(error)}); their reads in other API processes may miss it`,
      );
    }
  }

  private markKey(userId: string): string {
    return this.redis.key('replica', 'wrote', userId);
  }

  /** The replica when it may serve this reader now, else null (the primary). */
  private async choose(reader: Reader | null): Promise<DataSource | null> {
    const replica = this.replica;
    if (!replica?.isInitialized || this.readiness().state !== 'up') return null;
    if (reader === null) return replica;
    const needed = await this.positionToWaitFor(reader.id);
    if (needed === null) return null;
    return this.replayed >= needed ? replica : null;
  }

  /** The WAL position the reader's last write reached (0 when none), or null when unknown. */
  private async positionToWaitFor(userId: string): Promise<bigint | null> {
    const local = this.localMarks.get(userId);
    const localLsn = local && local.until > Date.now() ? local.lsn : 0n;
    try {
      const stored = await this.redis.client.get(this.markKey(userId));
      const storedLsn = stored === null ? 0n : BigInt(stored);
      return storedLsn > localLsn ? storedLsn : localLsn;
    } catch {
      // Redis cannot say whether this person wrote lately (in another process): the primary.
      return null;
    }
  }

  private forgetExpiredMarks(): void {
    const now = Date.now();
    for (const [id, mark] of this.localMarks) if (mark.until <= now) this.localMarks.delete(id);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.probe().finally(() => this.schedule(PROBE_INTERVAL_MS));
    }, delay);
    this.timer.unref();
  }

  /** Opens the replica's pool; a replica that is down now is tried again at the next probe. */
  private async connect(): Promise<DataSource> {
    const options = dataSourceOptions(
      {
        databaseUrl: this.config.databaseReplicaUrl!,
        databasePoolSize: this.config.databasePoolSize,
        databaseConnectTimeoutMs: Math.min(
          this.config.databaseConnectTimeoutMs,
          REPLICA_CONNECT_TIMEOUT_MS,
        ),
      },
      { applicationName: 'brug-api-replica' },
    );
    const dataSource = new DataSource(options);
    await dataSource.initialize();
    keepErrorListeners(dataSource, this.logger);
    return dataSource;
  }

  /**
   * One probe: the primary's WAL position, then the replica's replay position and whether it is
   * (still) a standby. The lag is the age of the newest primary sample the replica has replayed
   * past; measured on this process's clock, so the two servers' clocks do not matter.
   */
  private async probe(): Promise<void> {
    try {
      if (!this.replica?.isInitialized) {
        this.connecting = this.connect().then((db) => {
          this.replica = db;
        });
        await this.connecting;
        this.connecting = null;
        this.logger.log('Connected to the read replica');
      }
      const at = Date.now();
      const [primary] = await withTimeout(
        this.primary.query<{ lsn: string }[]>(`SELECT ${LSN_BYTES('pg_current_wal_lsn()')} AS lsn`),
        PROBE_TIMEOUT_MS,
      );
      const primaryLsn = BigInt(primary!.lsn);
      this.samples.push({ at, lsn: primaryLsn });
      const keepSince = at - (this.config.databaseReplicaMaxLagSeconds + 10) * 1000;
      while (this.samples.length > 1 && this.samples[0]!.at < keepSince) this.samples.shift();
      const [row] = await withTimeout(
        this.replica!.query<{ recovery: boolean; replayed: string | null }[]>(
          `SELECT pg_is_in_recovery() AS recovery, ${LSN_BYTES('pg_last_wal_replay_lsn()')} AS replayed`,
        ),
        PROBE_TIMEOUT_MS,
      );
      if (!row?.recovery || row.replayed === null) {
        // Promoted (or not a standby at all): its data may part from the primary's.
        this.replayed = -1n;
        this.setStatus({ state: 'degraded', reason: 'not_in_recovery', lagSeconds: null });
        return;
      }
      const replayed = BigInt(row.replayed);
      this.replayed = replayed;
      const now = Date.now();
      let caughtUpTo: number | null = null;
      for (const sample of this.samples) if (sample.lsn <= replayed) caughtUpTo = sample.at;
      const lagSeconds =
        caughtUpTo === null
          ? (now - this.samples[0]!.at) / 1000
          : replayed >= primaryLsn
            ? 0
            : (now - caughtUpTo) / 1000;
      const lagging = lagSeconds > this.config.databaseReplicaMaxLagSeconds;
      this.setStatus({
        state: lagging ? 'degraded' : 'up',
        reason: lagging ? 'lagging' : null,
        lagSeconds: Math.round(lagSeconds * 10) / 10,
      });
    } catch (error) {
      this.connecting = null;
      this.degrade('unreachable', error);
    }
  }

  private degrade(reason: 'unreachable', error: unknown): void {
    this.setStatus({ state: 'degraded', reason, lagSeconds: null }, error);
  }

  private setStatus(status: ReplicaStatus, error?: unknown): void {
    const problem =
      status.state === 'up'
        ? ''
        : `${status.reason}${error instanceof Error ? `: ${error.message}` : ''}`;
    if (problem !== this.lastProblem) {
      if (problem) this.logger.warn(`Reads go to the primary: the read replica is ${problem}`);
      else this.logger.log('Reads go to the read replica again');
      this.lastProblem = problem;
    }
    this.status = { ...status, at: Date.now() };
  }
}
