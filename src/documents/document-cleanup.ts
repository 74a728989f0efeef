import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { RedisService } from '../redis/redis.service';
import { DocumentStore, type StoredObject } from './document-store';
import { TusUploads } from './tus-uploads';

const BATCH = 500;

export interface CleanupResult {
  removed: number;
  kept: number;
}

/**
 * Removes stored content no version names (a crash between storing and recording it, a record
 * refused after the content was kept) and temporary objects left behind, once they are older
 * than `DOCUMENT_ORPHAN_GRACE_SECONDS`, so an upload still on its way is never touched. Content
 * a version names is never removed: each batch asks the database which names are still used.
 */
@Injectable()
export class DocumentCleanup {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: DocumentStore,
    private readonly uploads: TusUploads,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(
    olderThan = new Date(Date.now() - this.config.documentOrphanGraceSeconds * 1000),
  ): Promise<CleanupResult> {
    const result: CleanupResult = { removed: 0, kept: 0 };
    let batch: StoredObject[] = [];
    for await (const object of this.store.list()) {
      if (object.modifiedAt >= olderThan) {
        result.kept++;
      } else if (object.kind === 'temporary') {
        await this.store.remove(object);
        result.removed++;
      } else {
        batch.push(object);
        if (batch.length >= BATCH) {
          await this.sweep(batch, result);
          batch = [];
        }
      }
    }
    await this.sweep(batch, result);
    await this.uploads.removeExpired(olderThan);
    return result;
  }

  private async sweep(batch: StoredObject[], result: CleanupResult): Promise<void> {
    if (batch.length === 0) return;
    const used = new Set(
      (
        await this.db.query<{ sha256: string }[]>(
          `SELECT DISTINCT sha256 FROM document_versions WHERE sha256 = ANY($1::text[])`,
          [batch.map((o) => o.name)],
        )
      ).map((r) => r.sha256),
    );
    for (const object of batch) {
      if (used.has(object.name)) {
        result.kept++;
      } else {
        await this.store.remove(object);
        result.removed++;
      }
    }
  }
}

/** Runs the clean-up every `DOCUMENT_CLEANUP_INTERVAL_MS`, one worker process at a time. */
@Injectable()
export class DocumentCleanupTimer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DocumentCleanupTimer.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly cleanup: DocumentCleanup,
    private readonly redis: RedisService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running = this.tick();
    }, this.config.documentCleanupIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    try {
      const turn = await this.redis.client.set(
        this.redis.key('documents', 'cleanup'),
        '1',
        'PX',
        Math.max(1000, Math.floor(this.config.documentCleanupIntervalMs / 2)),
        'NX',
      );
      if (turn !== 'OK') return;
      const { removed, kept } = await this.cleanup.run();
      if (removed > 0) this.logger.log(`Document clean-up: ${removed} removed, ${kept} kept`);
    } catch (error) {
      this.logger.warn(
        `Document clean-up failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
