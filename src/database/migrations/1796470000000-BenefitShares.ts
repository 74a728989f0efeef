import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Benefit shares (issue 18, item 1; ADR 36), owned by funding:
 *
 * - `benefit_shares`: the shares in force per (case, domain), in basis points, with the budget
 *   holder's answer; replaced as a whole when staff set new ones. No rows: the lead domain 100 %.
 * - `benefit_share_versions`: every set, append-only (`refuse_change()`, as the ledger).
 */
export class BenefitShares1796470000000 implements MigrationInterface {
  name = 'BenefitShares1796470000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "benefit_shares" (
        "case_id" uuid NOT NULL,
        "domain_code" text NOT NULL,
        "version" integer NOT NULL,
        "basis_points" integer NOT NULL,
        "answer" text,
        "answer_reason" text,
        "answer_by_id" uuid,
        "answer_by_name" text,
        "answer_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "benefit_shares_basis_points_check" CHECK ("basis_points" >= 0 AND "basis_points" <= 10000),
        CONSTRAINT "benefit_shares_answer_check" CHECK (("answer" IS NULL AND "answer_at" IS NULL) OR ("answer" IN ('agreed', 'disputed') AND "answer_at" IS NOT NULL)),
        CONSTRAINT "benefit_shares_pkey" PRIMARY KEY ("case_id", "domain_code"),
        CONSTRAINT "benefit_shares_case_fkey" FOREIGN KEY ("case_id")
          REFERENCES "cases"("id") ON DELETE RESTRICT,
        CONSTRAINT "benefit_shares_domain_fkey" FOREIGN KEY ("domain_code")
          REFERENCES "domains"("code") ON DELETE RESTRICT
      )`);
    await q.query(
      `CREATE INDEX "benefit_shares_domain_idx" ON "benefit_shares" ("domain_code", "case_id")`,
    );

    await q.query(`
      CREATE TABLE "benefit_share_versions" (
        "case_id" uuid NOT NULL,
        "version" integer NOT NULL,
        "shares" jsonb NOT NULL,
        "reasoning" text NOT NULL,
        "actor_id" uuid,
        "actor_role" text NOT NULL,
        "actor_name" text NOT NULL,
        "set_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "benefit_share_versions_version_check" CHECK ("version" >= 1),
        CONSTRAINT "benefit_share_versions_pkey" PRIMARY KEY ("case_id", "version"),
        CONSTRAINT "benefit_share_versions_case_fkey" FOREIGN KEY ("case_id")
          REFERENCES "cases"("id") ON DELETE RESTRICT
      )`);
    await q.query(`
      CREATE TRIGGER "benefit_share_versions_append_only" BEFORE UPDATE OR DELETE ON "benefit_share_versions"
        FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`
      CREATE TRIGGER "benefit_share_versions_no_truncate" BEFORE TRUNCATE ON "benefit_share_versions"
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "benefit_share_versions"`);
    await q.query(`DROP TABLE "benefit_shares"`);
  }
}
