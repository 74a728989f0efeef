import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { preparedIn } from '../../database/prepared';
import { QueueService } from '../queues/queue.service';
import type { JobItem } from '../queues/queues';
import { WebhooksService } from '../notifications/webhooks.service';

interface OutboxRow {
  id: string;
  type: string;
  payload: Record<string, unknown>;
}

/**
 * Events that may become an email of the notifications (to the buyer who filed, or to the team
 * and budget holders of a lapsed pledge). The e-mails of what needs a person — a routed case,
 * a deadline, a proposal, money asked of a domain — go with their signals (ADR 40).
 */
export const EMAIL_EVENT_TYPES: ReadonlySet<string> = new Set([
  'case.transitioned',
  'case.suspended',
  'funding.pledge_expired',
  // To the administrators: a webhook failing for an hour, or switched off (ADR 41).
  'webhook.failing',
  'webhook.switched_off',
]);

/**
 * Whether an event may make signals (issue 19, item 3; ADR 40): a case routed to a team or
 * proposed to its buyer, a koppel changed by staff, a deadline near or passed, money asked of
 * domains, a note.
 */
export function makesSignals(row: OutboxRow): boolean {
  switch (row.type) {
    case 'case.transitioned':
      return row.payload.to === 'routed' || row.payload.to === 'proposed';
    case 'case.koppel_changed':
      return row.payload.kind === 'changed';
    case 'case.sla_warning':
    case 'case.sla_breached':
    case 'funding.cofunding_proposed':
    case 'funding.pledge_transfer_requested':
    case 'case.closed_as_duplicate':
    case 'note.added':
      return true;
    default:
      return false;
  }
}

/**
 * Which jobs an outbox event becomes: the workflow's reaction table. `notified` says whether
 * anyone may hear of this event type (an email, or a webhook subscribed to it); when nobody
 * can, no notification job is made at all.
 */
export function jobsFor(row: OutboxRow, notified: (type: string) => boolean): JobItem[] {
  const caseId = typeof row.payload.caseId === 'string' ? row.payload.caseId : '';
  const jobs: JobItem[] = [];
  if (row.type === 'case.filed') {
    jobs.push({ queue: 'routing', name: 'route-case', data: { caseId, eventId: row.id } });
  }
  // Deadline alarms: at routing, and for the due times a restart or an extension moved (ADR 26).
  if (
    (row.type === 'case.transitioned' && row.payload.to === 'routed') ||
    row.type === 'case.resumed' ||
    row.type === 'case.deadline_extended'
  ) {
    jobs.push({ queue: 'sla', name: 'schedule-sla', data: { caseId } });
  }
  // A pledge that expires gets its alarm clock (issue 18, ADR 36).
  if (row.type === 'funding.entry_recorded' && typeof row.payload.expiresAt === 'string') {
    const entryId = String(row.payload.entryId);
    jobs.push({ queue: 'sla', name: 'schedule-pledge-expiry', data: { entryId } });
  }
  if (makesSignals(row)) {
    jobs.push({
      queue: 'signals',
      name: 'make-signals',
      data: { eventId: row.id, type: row.type, payload: row.payload },
    });
  }
  // A bulk action runs in the background, case by case (issue 19, ADR 39).
  if (row.type === 'bulk_action.requested') {
    const bulkActionId = String(row.payload.bulkActionId);
    jobs.push({ queue: 'bulk', name: 'run-bulk-action', data: { bulkActionId } });
  }
  if (notified(row.type)) {
    jobs.push({
      queue: 'notifications',
      name: 'notify',
      data: { eventId: row.id, type: row.type, payload: row.payload },
    });
  }
  return jobs;
}

const LISTEN_CHANNEL = 'brug_outbox';
const MAX_BACKOFF_MS = 5_000;
const REPLAY_PAGE = 500;

/**
 * Publishes the transactional outbox to BullMQ: takes unpublished rows (FOR UPDATE SKIP LOCKED,
 * so several relays share the work without overlap), adds their jobs with the row id as job id
 * (BullMQ drops a job id it has already), then marks them published, in one transaction. Woken by
 * NOTIFY, polling as the fallback. When Redis is down the transaction rolls back, the rows stay,
 * and the relay retries with exponential backoff.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private listener: Client | undefined;
  private failures = 0;
  private notified = false;
  private passes = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queues: QueueService,
    private readonly webhooks: WebhooksService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    void this.listen();
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
  }

  /** Publishes one batch; returns how many rows it published. */
  async publishBatch(): Promise<number> {
    return this.db.transaction(async (m) => {
      // Both statements prepared: the relay runs them for every batch.
      const { rows } = await preparedIn<OutboxRow>(
        m,
        `SELECT id, type, payload FROM outbox_events
          WHERE published_at IS NULL
          ORDER BY created_at, id
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [this.config.relayBatch],
      );
      if (rows.length === 0) return 0;
      // Read per batch, so a webhook registered in any process hears the next event.
      const notified = await this.notifiedTypes(m);
      await this.queues.add(
        rows.flatMap((row) => jobsFor(row, notified).map((job) => ({ job, jobId: row.id }))),
      );
      await preparedIn(
        m,
        'UPDATE outbox_events SET published_at = now() WHERE id = ANY($1::uuid[])',
        [rows.map((r) => r.id)],
      );
      return rows.length;
    });
  }

  /**
   * Adds the jobs of every event published since `since` again, with the same job ids, a page
   * at a time (by id). For when Redis lost its data: jobs of published events that were still
   * waiting, retrying or about to fan out are gone, and the outbox is where they came from.
   * Every handler is effect-once (a routed case is not routed again, a sent delivery not sent
   * again), so a job that had run already does nothing. Returns how many events it replayed.
   */
  async replay(since: Date, pageSize = REPLAY_PAGE): Promise<number> {
    let after: string | null = null;
    let replayed = 0;
    for (;;) {
      const rows: OutboxRow[] = await this.db.query(
        `SELECT id, type, payload FROM outbox_events
          WHERE published_at IS NOT NULL AND created_at >= $1
            AND ($2::uuid IS NULL OR id > $2::uuid)
          ORDER BY id LIMIT $3`,
        [since, after, pageSize],
      );
      if (rows.length === 0) break;
      const notified = await this.notifiedTypes();
      await this.queues.add(
        rows.flatMap((row) => jobsFor(row, notified).map((job) => ({ job, jobId: row.id }))),
      );
      replayed += rows.length;
      after = rows[rows.length - 1]!.id;
    }
    return replayed;
  }

  /** Whether anyone may hear of an event type: a webhook subscribed to it, or an email. */
  private async notifiedTypes(m?: EntityManager): Promise<(type: string) => boolean> {
    const subscribed = await this.webhooks.subscribedTypes(m);
    return (type) =>
      subscribed.has(type) || (this.config.smtpUrl !== null && EMAIL_EVENT_TYPES.has(type));
  }

  private async run(): Promise<void> {
    while (this.running) {
      let published: number;
      try {
        published = await this.publishBatch();
        if (this.failures > 0) this.logger.log('Publishing again');
        this.failures = 0;
        if (++this.passes % 600 === 0) await this.prune();
      } catch (error) {
        this.failures++;
        const wait = Math.min(this.config.relayPollMs * 2 ** this.failures, MAX_BACKOFF_MS);
        if (this.failures === 1 || this.failures % 10 === 0) {
          this.logger.warn(`Cannot publish the outbox (${String(error)}); retrying in ${wait} ms`);
        }
        await this.sleep(wait);
        continue;
      }
      if (published < this.config.relayBatch) await this.sleep(this.config.relayPollMs);
    }
  }

  /** Waits for a NOTIFY (also one that came while publishing), or the poll interval. */
  private sleep(ms: number): Promise<void> {
    if (this.notified) {
      this.notified = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined = undefined;
      const done = (): void => {
        clearTimeout(timer);
        this.notified = false;
        this.wake = undefined;
        resolve();
      };
      timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  /** Published rows are kept a week for inspection, then removed in small batches. */
  private async prune(): Promise<void> {
    await this.db.query(
      `DELETE FROM outbox_events WHERE id IN (
         SELECT id FROM outbox_events
          WHERE published_at < now() - interval '7 days' LIMIT 10000)`,
    );
  }

  /** A dedicated connection LISTENs; if it drops, polling carries on and it reconnects. */
  private async listen(): Promise<void> {
    while (this.running) {
      const client = new Client({
        connectionString: this.config.databaseUrl,
        application_name: 'brug-relay',
      });
      try {
        await client.connect();
        this.listener = client;
        client.on('notification', () => {
          this.notified = true;
          this.wake?.();
        });
        await client.query(`LISTEN ${LISTEN_CHANNEL}`);
        await new Promise<void>((resolve) => {
          client.once('error', () => resolve());
          client.once('end', () => resolve());
        });
      } catch {
        // Polling covers the gap; try again shortly.
      } finally {
        await client.end().catch(() => undefined);
      }
      if (this.running) await new Promise((r) => setTimeout(r, 2000));
    }
  }
}
