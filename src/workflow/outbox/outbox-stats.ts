import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { RelayLag, RelayLagIndicator } from '../../health/health-indicators';

/** How far the relay is behind: the age of the oldest unpublished outbox event. */
@Injectable()
export class OutboxStats implements RelayLagIndicator {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async lag(): Promise<RelayLag> {
    const [row] = await this.db.query<{ n: number; age: number | null }[]>(
      `SELECT count(*)::int AS n, extract(epoch FROM now() - min(created_at))::float8 AS age
         FROM outbox_events WHERE published_at IS NULL`,
    );
    return {
      unpublished: row?.n ?? 0,
      oldestSeconds: Math.max(0, Math.round((row?.age ?? 0) * 10) / 10),
    };
  }
}
