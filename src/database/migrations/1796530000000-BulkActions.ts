import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bulk actions on the work queue (issue 19, item 2; ADR 39), owned by `bulk-actions`: one row per
 * request, one row per selected case with the version the person saw and, once the job reached
 * it, its outcome. The job finds what is left by (bulk action, outcome IS NULL, position); the
 * progress page lists results by position, optionally of one outcome.
 */
export class BulkActions1796530000000 implements MigrationInterface {
  name = 'BulkActions1796530000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "bulk_actions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "requested_by_id" uuid NOT NULL,
        "action" text NOT NULL,
        "params" jsonb NOT NULL,
        "selection" text NOT NULL,
        "filters" jsonb,
        "state" text NOT NULL DEFAULT 'queued',
        "total" integer NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "started_at" TIMESTAMP WITH TIME ZONE,
        "finished_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "bulk_actions_action_check" CHECK ("action" IN ('assign', 'take_on', 'transition')),
        CONSTRAINT "bulk_actions_selection_check" CHECK ("selection" IN ('cases', 'filters')),
        CONSTRAINT "bulk_actions_state_check" CHECK ("state" IN ('queued', 'running', 'finished')),
        CONSTRAINT "bulk_actions_total_check" CHECK ("total" BETWEEN 1 AND 1000),
        CONSTRAINT "bulk_actions_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "bulk_actions_requested_by_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE RESTRICT
      )`);
    await q.query(
      `CREATE INDEX "bulk_actions_requested_by_idx" ON "bulk_actions" ("requested_by_id", "created_at", "id")`,
    );
    await q.query(`
      CREATE TABLE "bulk_action_items" (
        "bulk_action_id" uuid NOT NULL,
        "position" integer NOT NULL,
        "case_id" uuid NOT NULL,
        "reference" text,
        "expected_version" integer,
        "outcome" text,
        "reason" text,
        "finished_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "bulk_action_items_outcome_check" CHECK ("outcome" IN ('done', 'skipped', 'failed')),
        CONSTRAINT "bulk_action_items_reason_check" CHECK (("outcome" IS NULL OR "outcome" = 'done') = ("reason" IS NULL)),
        CONSTRAINT "bulk_action_items_pkey" PRIMARY KEY ("bulk_action_id", "position"),
        CONSTRAINT "bulk_action_items_case_uq" UNIQUE ("bulk_action_id", "case_id"),
        CONSTRAINT "bulk_action_items_bulk_action_fkey" FOREIGN KEY ("bulk_action_id") REFERENCES "bulk_actions"("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX "bulk_action_items_outcome_idx" ON "bulk_action_items" ("bulk_action_id", "outcome", "position")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "bulk_action_items"`);
    await q.query(`DROP TABLE "bulk_actions"`);
  }
}
