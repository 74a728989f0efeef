import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications that survive a day (issue 20, item 4; ADR 41). A delivery that failed and will
 * be tried again is `retrying` (with the time of its next attempt), one that gave up after its
 * window is `failed`; the first attempt starts the window; a replay counts up `replays` (its job
 * id). Webhooks: filters by team and domain, the start of a failing episode and whether the
 * administrators were told, and when and why Brug switched one off (410 Gone).
 */
export class DeliveriesSurviveADay1796510000000 implements MigrationInterface {
  name = 'DeliveriesSurviveADay1796510000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "notification_deliveries"
        ADD "first_attempt_at" TIMESTAMP WITH TIME ZONE,
        ADD "next_attempt_at" TIMESTAMP WITH TIME ZONE,
        ADD "event_time" TIMESTAMP WITH TIME ZONE,
        ADD "replays" integer NOT NULL DEFAULT 0,
        DROP CONSTRAINT "notification_deliveries_status_check",
        ADD CONSTRAINT "notification_deliveries_status_check"
          CHECK ("status" IN ('pending', 'sending', 'retrying', 'sent', 'failed', 'skipped'))`);
    // The replay filters (subscription, event type, each with status and period), and the
    // safety net that looks for deliveries still to be done.
    await q.query(
      `CREATE INDEX "notification_deliveries_recipient_idx" ON "notification_deliveries" ("recipient", "status", "created_at")`,
    );
    await q.query(
      `CREATE INDEX "notification_deliveries_type_idx" ON "notification_deliveries" ("event_type", "status", "created_at")`,
    );
    await q.query(
      `CREATE INDEX "notification_deliveries_open_idx" ON "notification_deliveries" ("id") WHERE "status" IN ('pending', 'retrying', 'sending')`,
    );
    await q.query(`
      ALTER TABLE "webhooks"
        ADD "team_ids" uuid array NOT NULL DEFAULT '{}',
        ADD "domain_codes" text array NOT NULL DEFAULT '{}',
        ADD "failing_since" TIMESTAMP WITH TIME ZONE,
        ADD "failure_alerted_at" TIMESTAMP WITH TIME ZONE,
        ADD "switched_off_at" TIMESTAMP WITH TIME ZONE,
        ADD "switched_off_reason" text`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "webhooks"
        DROP "team_ids", DROP "domain_codes", DROP "failing_since", DROP "failure_alerted_at",
        DROP "switched_off_at", DROP "switched_off_reason"`);
    await q.query(`DROP INDEX "notification_deliveries_open_idx"`);
    await q.query(`DROP INDEX "notification_deliveries_type_idx"`);
    await q.query(`DROP INDEX "notification_deliveries_recipient_idx"`);
    await q.query(
      `UPDATE "notification_deliveries" SET "status" = 'failed' WHERE "status" = 'retrying'`,
    );
    await q.query(`
      ALTER TABLE "notification_deliveries"
        DROP CONSTRAINT "notification_deliveries_status_check",
        ADD CONSTRAINT "notification_deliveries_status_check"
          CHECK ("status" IN ('pending', 'sending', 'sent', 'failed', 'skipped')),
        DROP "first_attempt_at", DROP "next_attempt_at", DROP "event_time", DROP "replays"`);
  }
}
