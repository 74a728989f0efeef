import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The signals inbox (issue 19, item 3; ADR 40), owned by `signals`: a signal per person and
 * outbox event (unique, so a redelivered event adds nothing), listed per person newest first
 * (all, or the unread ones), the pending digest signals per person; each person's choice per
 * kind; and one row per daily digest sent.
 */
export class Signals1796500000000 implements MigrationInterface {
  name = 'Signals1796500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "signals" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "case_id" uuid NOT NULL,
        "event_id" uuid NOT NULL,
        "detail" jsonb NOT NULL DEFAULT '{}',
        "delivery" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "read_at" TIMESTAMP WITH TIME ZONE,
        "digested_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "signals_kind_check" CHECK ("kind" IN ('case_assigned', 'deadline_due_soon', 'deadline_breached', 'proposal_awaiting', 'funding_requested', 'note_shared')),
        CONSTRAINT "signals_delivery_check" CHECK ("delivery" IN ('in_app', 'email', 'daily_digest')),
        CONSTRAINT "signals_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "signals_user_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT,
        CONSTRAINT "signals_case_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT
      )`);
    await q.query(`CREATE UNIQUE INDEX "signals_once" ON "signals" ("event_id", "user_id")`);
    await q.query(`CREATE INDEX "signals_user_idx" ON "signals" ("user_id", "created_at", "id")`);
    await q.query(
      `CREATE INDEX "signals_unread_idx" ON "signals" ("user_id", "created_at", "id") WHERE "read_at" IS NULL`,
    );
    await q.query(
      `CREATE INDEX "signals_digest_idx" ON "signals" ("user_id", "created_at") WHERE "delivery" = 'daily_digest' AND "digested_at" IS NULL`,
    );
    await q.query(`
      CREATE TABLE "signal_preferences" (
        "user_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "delivery" text NOT NULL,
        CONSTRAINT "signal_preferences_delivery_check" CHECK ("delivery" IN ('in_app', 'email', 'daily_digest')),
        CONSTRAINT "signal_preferences_pkey" PRIMARY KEY ("user_id", "kind"),
        CONSTRAINT "signal_preferences_user_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT
      )`);
    await q.query(`
      CREATE TABLE "signal_digests" (
        "user_id" uuid NOT NULL,
        "day" date NOT NULL,
        "signal_count" integer NOT NULL,
        "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "signal_digests_pkey" PRIMARY KEY ("user_id", "day"),
        CONSTRAINT "signal_digests_user_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "signal_digests"`);
    await q.query(`DROP TABLE "signal_preferences"`);
    await q.query(`DROP TABLE "signals"`);
  }
}
