import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReadReplica, type ReplicaStatus } from '../database/read-replica';
import { RedisService } from '../redis/redis.service';
import { RelayLagIndicator, type RelayLag } from './health-indicators';

export type DependencyState = 'up' | 'down';

export interface Readiness {
  status: 'ready' | 'unavailable';
  checks: { database: DependencyState; redis: DependencyState };
  /**
   * The read replica (ADR 42): `degraded` while reads fall back to the primary, which keeps the
   * service ready; `off` without one.
   */
  replica: ReplicaStatus;
  /** How far the outbox relay is behind (null when the database does not answer). */
  relay: RelayLag | null;
}

const CHECK_TIMEOUT_MS = 1500;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
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

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly redis: RedisService,
    private readonly outbox: RelayLagIndicator,
    private readonly replica: ReadReplica,
  ) {}

  /** Both dependencies checked at once, each bounded in time, so a probe never hangs. */
  async readiness(): Promise<Readiness> {
    const [database, redis, relay] = await Promise.all([
      withTimeout(this.db.query('SELECT 1')).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
      withTimeout(this.redis.ping()).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
      withTimeout(this.outbox.lag()).catch(() => null),
    ]);
    return {
      status: database === 'up' && redis === 'up' ? 'ready' : 'unavailable',
      checks: { database, redis },
      replica: this.replica.readiness(),
      relay,
    };
  }
}
