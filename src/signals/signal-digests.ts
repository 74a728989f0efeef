import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { UsersService } from '../auth/users.service';
import { visibleTo } from '../cases/case-access';
import { Params } from '../common/sql-params';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { Mailer } from '../workflow/notifications/mailer';
import { JobHandlers } from '../workflow/queues/job-handlers';
import { QueueService } from '../workflow/queues/queue.service';
import { jobIds } from '../workflow/queues/queues';
import { digestMail, type DigestLine } from './signal-mails';
import { SignalMaker } from './signal-maker';

/** The digest's clock: every day at 07:00 in Amsterdam. */
export const DIGEST_PATTERN = '0 7 * * *';
export const DIGEST_TIME_ZONE = 'Europe/Amsterdam';
const DIGEST_SCHEDULER_ID = 'signal-digests';
/** People per page when the daily job hands out the digests; signals listed per mail. */
const PEOPLE_PAGE = 500;
export const DIGEST_LISTED = 50;

/** The calendar day in Amsterdam (yyyy-mm-dd) of a moment. */
export function amsterdamDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: DIGEST_TIME_ZONE }).format(at);
}

/**
 * The signals' work in the worker (ADR 40): registers the handlers of the `signals` queue with
 * the workflow's processors, and keeps the daily digest's repeatable job. Every day one job
 * hands out a `send-digest` job per person with digest signals waiting (a page of people at a
 * time, id `digest-<person>-<day>`); each mails at most DIGEST_LISTED of them with the count of
 * the rest, and marks all it told of, once per person and day (`signal_digests`).
 */
@Injectable()
export class SignalDigests implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('SignalDigests');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly handlers: JobHandlers,
    private readonly maker: SignalMaker,
    private readonly queues: QueueService,
    private readonly users: UsersService,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.handlers.register('make-signals', (data) => this.maker.make(data));
    this.handlers.register('signal-digests', () => this.handOut(amsterdamDay(new Date())));
    this.handlers.register('send-digest', (data) => this.send(data.userId, data.day));
  }

  /** The repeatable job, made (or kept) at every start: Redis may have lost it. */
  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.queues.queues.signals.upsertJobScheduler(
        DIGEST_SCHEDULER_ID,
        { pattern: DIGEST_PATTERN, tz: DIGEST_TIME_ZONE },
        {
          name: 'signal-digests',
          data: {},
          opts: { attempts: this.config.jobAttempts, removeOnComplete: { count: 30 } },
        },
      );
    } catch (error) {
      this.logger.warn(`Cannot keep the daily digest's schedule: ${String(error)}`);
    }
  }

  /** Adds a `send-digest` job for every person with digest signals waiting; returns how many. */
  async handOut(day: string): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let count = 0;
    for (;;) {
      const rows = await this.db.query<{ user_id: string }[]>(
        `SELECT DISTINCT user_id FROM signals
          WHERE delivery = 'daily_digest' AND digested_at IS NULL AND user_id > $1
          ORDER BY user_id LIMIT $2`,
        [after, PEOPLE_PAGE],
      );
      if (rows.length === 0) return count;
      await this.queues.add(
        rows.map((r) => ({
          job: {
            queue: 'signals' as const,
            name: 'send-digest' as const,
            data: { userId: r.user_id, day },
          },
          jobId: jobIds.digest(r.user_id, day),
        })),
      );
      count += rows.length;
      after = rows[rows.length - 1]!.user_id;
    }
  }

  /**
   * One person's digest of a day: claimed by its row (a second run does nothing), the signals
   * waiting marked as told, and the mail sent, in one transaction — a failed mail rolls all of
   * it back for the retry. Returns how many signals it told of.
   */
  async send(userId: string, day: string): Promise<number> {
    const actor = await this.users.findActor(userId);
    return this.db.transaction(async (m) => {
      const claimed = await m.query<{ user_id: string }[]>(
        `INSERT INTO signal_digests (user_id, day, signal_count) VALUES ($1, $2, 0)
         ON CONFLICT DO NOTHING RETURNING user_id`,
        [userId, day],
      );
      if (claimed.length === 0) return 0;
      const [marked] = await m.query<[{ id: string }[], number]>(
        `UPDATE signals SET digested_at = now()
          WHERE user_id = $1 AND delivery = 'daily_digest' AND digested_at IS NULL
          RETURNING id`,
        [userId],
      );
      await m.query('UPDATE signal_digests SET signal_count = $3 WHERE user_id = $1 AND day = $2', [
        userId,
        day,
        marked.length,
      ]);
      if (!actor?.active || marked.length === 0 || !this.mailer.enabled) return marked.length;
      // The newest first, of the cases the person may still see (the cases module's rule).
      const p = new Params();
      const lines = await m.query<DigestLine[]>(
        `SELECT s.kind, c.id AS "caseId", c.reference, c.title
           FROM signals s JOIN cases c ON c.id = s.case_id
          WHERE s.id = ANY(${p.add(marked.map((r) => r.id))}::uuid[]) AND ${visibleTo(actor, p)}
          ORDER BY s.created_at DESC, s.id DESC LIMIT ${p.add(DIGEST_LISTED)}`,
        p.values,
      );
      if (lines.length === 0) return marked.length;
      await this.mailer.send(
        actor.email,
        digestMail(this.config.publicUrl, actor.name, day, lines, marked.length),
        jobIds.digest(userId, day),
      );
      return marked.length;
    });
  }
}
