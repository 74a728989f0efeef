import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Related cases, sub-cases and duplicates (issue 19, item 4; ADR 44):
 * - `case_links` (owned by `cases`): one link between two cases, `related`, `part_of` (a sub-case
 *   and its parent) or `duplicate_of` (a case closed as a duplicate and the one that stays). At
 *   most one link per pair of cases either way round (a unique index on the ordered pair), one
 *   parent and one survivor per case (unique partial indexes); read from either end.
 * - `cases.outcome_kind`: how a resolved case was resolved, `awarded` or `duplicate`.
 * - `pledge_transfers` (owned by `funding`): the consent asked of a budget holder to move an open
 *   pledge of a duplicate to the case that stays; open until they accept or decline.
 * - the signal kind `closed_as_duplicate`, for the buyer of a case closed as a duplicate.
 */
export class CaseLinks1796550000000 implements MigrationInterface {
  name = 'CaseLinks1796550000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "case_links" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "target_id" uuid NOT NULL,
        "created_by_id" uuid,
        "created_by_role" text NOT NULL,
        "created_by_name" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "case_links_kind_check" CHECK ("kind" IN ('related', 'part_of', 'duplicate_of')),
        CONSTRAINT "case_links_not_itself_check" CHECK ("case_id" <> "target_id"),
        CONSTRAINT "case_links_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "case_links_case_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT,
        CONSTRAINT "case_links_target_fkey" FOREIGN KEY ("target_id") REFERENCES "cases"("id") ON DELETE RESTRICT
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "case_links_pair_uq" ON "case_links" (LEAST("case_id", "target_id"), GREATEST("case_id", "target_id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "case_links_one_parent" ON "case_links" ("case_id") WHERE "kind" = 'part_of'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "case_links_one_survivor" ON "case_links" ("case_id") WHERE "kind" = 'duplicate_of'`,
    );
    await q.query(`CREATE INDEX "case_links_case_idx" ON "case_links" ("case_id", "created_at")`);
    await q.query(
      `CREATE INDEX "case_links_target_idx" ON "case_links" ("target_id", "created_at")`,
    );

    await q.query(`ALTER TABLE "cases" ADD "outcome_kind" text`);
    await q.query(`UPDATE "cases" SET "outcome_kind" = 'awarded' WHERE "status" = 'resolved'`);
    await q.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "cases_outcome_kind_check" CHECK ("outcome_kind" IS NULL OR ("status" = 'resolved' AND "outcome_kind" IN ('awarded', 'duplicate')))`,
    );

    await q.query(`
      CREATE TABLE "pledge_transfers" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "from_case_id" uuid NOT NULL,
        "to_case_id" uuid NOT NULL,
        "domain_code" text NOT NULL,
        "amount_cents" bigint NOT NULL,
        "state" text NOT NULL DEFAULT 'open',
        "version" integer NOT NULL DEFAULT 1,
        "reason" text,
        "moved_cents" bigint,
        "answered_by_id" uuid,
        "answered_by_name" text,
        "answered_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pledge_transfers_state_check" CHECK ("state" IN ('open', 'accepted', 'declined')),
        CONSTRAINT "pledge_transfers_amount_check" CHECK ("amount_cents" > 0),
        CONSTRAINT "pledge_transfers_answer_check" CHECK (("state" = 'open') = ("answered_at" IS NULL)),
        CONSTRAINT "pledge_transfers_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "pledge_transfers_from_case_fkey" FOREIGN KEY ("from_case_id") REFERENCES "cases"("id") ON DELETE RESTRICT,
        CONSTRAINT "pledge_transfers_to_case_fkey" FOREIGN KEY ("to_case_id") REFERENCES "cases"("id") ON DELETE RESTRICT,
        CONSTRAINT "pledge_transfers_domain_fkey" FOREIGN KEY ("domain_code") REFERENCES "domains"("code") ON DELETE RESTRICT
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "pledge_transfers_one_open" ON "pledge_transfers" ("from_case_id", "domain_code") WHERE "state" = 'open'`,
    );
    await q.query(
      `CREATE INDEX "pledge_transfers_from_idx" ON "pledge_transfers" ("from_case_id", "created_at")`,
    );
    await q.query(
      `CREATE INDEX "pledge_transfers_to_idx" ON "pledge_transfers" ("to_case_id", "created_at")`,
    );

    await q.query(`ALTER TABLE "signals" DROP CONSTRAINT "signals_kind_check"`);
    await q.query(
      `ALTER TABLE "signals" ADD CONSTRAINT "signals_kind_check" CHECK ("kind" IN ('case_assigned', 'deadline_due_soon', 'deadline_breached', 'proposal_awaiting', 'funding_requested', 'note_shared', 'closed_as_duplicate'))`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "signals" WHERE "kind" = 'closed_as_duplicate'`);
    await q.query(`ALTER TABLE "signals" DROP CONSTRAINT "signals_kind_check"`);
    await q.query(
      `ALTER TABLE "signals" ADD CONSTRAINT "signals_kind_check" CHECK ("kind" IN ('case_assigned', 'deadline_due_soon', 'deadline_breached', 'proposal_awaiting', 'funding_requested', 'note_shared'))`,
    );
    await q.query(`DROP TABLE "pledge_transfers"`);
    await q.query(`ALTER TABLE "cases" DROP CONSTRAINT "cases_outcome_kind_check"`);
    await q.query(`ALTER TABLE "cases" DROP COLUMN "outcome_kind"`);
    await q.query(`DROP TABLE "case_links"`);
  }
}
