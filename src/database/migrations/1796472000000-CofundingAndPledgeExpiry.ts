import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Co-funding proposals and pledges that expire (issue 18, items 3 and 4; ADR 36), owned by
 * funding:
 *
 * - `cofunding_proposals` and `cofunding_proposal_items`: what staff asked each domain to pledge,
 *   and each domain's answer (an accepted item names the pledge it became).
 * - `funding_entries.expires_at`: a pledge may expire; `reason` `expired` for Brug's release.
 * - `pledge_expiries`: per expiring pledge, whether Brug has dealt with it (the alarm clocks are
 *   delayed jobs, re-created from the pending rows at worker start).
 */
export class CofundingAndPledgeExpiry1796472000000 implements MigrationInterface {
  name = 'CofundingAndPledgeExpiry1796472000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "funding_entries" ADD "expires_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(
      `ALTER TABLE "funding_entries" ADD CONSTRAINT "funding_entries_expires_check" CHECK ("expires_at" IS NULL OR "kind" = 'pledge')`,
    );
    await q.query(`ALTER TABLE "funding_entries" DROP CONSTRAINT "funding_entries_reason_check"`);
    await q.query(
      `ALTER TABLE "funding_entries" ADD CONSTRAINT "funding_entries_reason_check" CHECK ("reason" IS NULL OR ("reason" IN ('case_closed', 'expired') AND "kind" = 'release'))`,
    );

    await q.query(`
      CREATE TABLE "pledge_expiries" (
        "entry_id" uuid NOT NULL,
        "case_id" uuid NOT NULL,
        "domain_code" text NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "released_cents" bigint NOT NULL DEFAULT 0,
        "release_entry_id" uuid,
        "done_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pledge_expiries_released_check" CHECK ("released_cents" >= 0),
        CONSTRAINT "pledge_expiries_pkey" PRIMARY KEY ("entry_id"),
        CONSTRAINT "pledge_expiries_entry_fkey" FOREIGN KEY ("entry_id")
          REFERENCES "funding_entries"("id") ON DELETE RESTRICT,
        CONSTRAINT "pledge_expiries_case_fkey" FOREIGN KEY ("case_id")
          REFERENCES "cases"("id") ON DELETE RESTRICT
      )`);
    await q.query(
      `CREATE INDEX "pledge_expiries_pending_idx" ON "pledge_expiries" ("expires_at", "entry_id") WHERE "done_at" IS NULL`,
    );
    await q.query(
      `CREATE INDEX "pledge_expiries_case_idx" ON "pledge_expiries" ("case_id", "domain_code")`,
    );

    await q.query(`
      CREATE TABLE "cofunding_proposals" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL,
        "version" integer NOT NULL DEFAULT 1,
        "shares_version" integer NOT NULL,
        "note" text,
        "answer_by" TIMESTAMP WITH TIME ZONE,
        "created_by_id" uuid,
        "created_by_role" text NOT NULL,
        "created_by_name" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "cofunding_proposals_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "cofunding_proposals_case_fkey" FOREIGN KEY ("case_id")
          REFERENCES "cases"("id") ON DELETE RESTRICT
      )`);
    await q.query(
      `CREATE INDEX "cofunding_proposals_case_idx" ON "cofunding_proposals" ("case_id", "created_at")`,
    );
    await q.query(`
      CREATE TABLE "cofunding_proposal_items" (
        "proposal_id" uuid NOT NULL,
        "domain_code" text NOT NULL,
        "amount_cents" bigint NOT NULL,
        "state" text NOT NULL DEFAULT 'open',
        "reason" text,
        "answered_by_id" uuid,
        "answered_by_name" text,
        "answered_at" TIMESTAMP WITH TIME ZONE,
        "pledge_entry_id" uuid,
        CONSTRAINT "cofunding_proposal_items_amount_check" CHECK ("amount_cents" > 0 AND "amount_cents" <= 10000000000000),
        CONSTRAINT "cofunding_proposal_items_state_check" CHECK ("state" IN ('open', 'accepted', 'declined')),
        CONSTRAINT "cofunding_proposal_items_pkey" PRIMARY KEY ("proposal_id", "domain_code"),
        CONSTRAINT "cofunding_proposal_items_proposal_fkey" FOREIGN KEY ("proposal_id")
          REFERENCES "cofunding_proposals"("id") ON DELETE RESTRICT,
        CONSTRAINT "cofunding_proposal_items_domain_fkey" FOREIGN KEY ("domain_code")
          REFERENCES "domains"("code") ON DELETE RESTRICT,
        CONSTRAINT "cofunding_proposal_items_entry_fkey" FOREIGN KEY ("pledge_entry_id")
          REFERENCES "funding_entries"("id") ON DELETE RESTRICT
      )`);
    await q.query(
      `CREATE INDEX "cofunding_proposal_items_domain_idx" ON "cofunding_proposal_items" ("domain_code", "proposal_id")`,
    );
    await q.query(
      `CREATE INDEX "cofunding_proposal_items_entry_idx" ON "cofunding_proposal_items" ("pledge_entry_id") WHERE "pledge_entry_id" IS NOT NULL`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "cofunding_proposal_items"`);
    await q.query(`DROP TABLE "cofunding_proposals"`);
    await q.query(`DROP TABLE "pledge_expiries"`);
    await q.query(`ALTER TABLE "funding_entries" DROP CONSTRAINT "funding_entries_reason_check"`);
    await q.query(
      `ALTER TABLE "funding_entries" ADD CONSTRAINT "funding_entries_reason_check" CHECK ("reason" IS NULL OR ("reason" = 'case_closed' AND "kind" = 'release'))`,
    );
    await q.query(`ALTER TABLE "funding_entries" DROP CONSTRAINT "funding_entries_expires_check"`);
    await q.query(`ALTER TABLE "funding_entries" DROP COLUMN "expires_at"`);
  }
}
