import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why Brug recorded a funding entry itself: `case_closed` for the release of a case's open
 * pledges when it is declined or withdrawn (ADR 21). Null for every entry a person records.
 * A new nullable column with a check: no rewrite of the append-only table.
 */
export class FundingEntryReason1796466082827 implements MigrationInterface {
  name = 'FundingEntryReason1796466082827';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "funding_entries" ADD "reason" text`);
    await q.query(
      `ALTER TABLE "funding_entries" ADD CONSTRAINT "funding_entries_reason_check"
         CHECK ("reason" IS NULL OR ("reason" = 'case_closed' AND "kind" = 'release'))`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "funding_entries" DROP CONSTRAINT "funding_entries_reason_check"`);
    await q.query(`ALTER TABLE "funding_entries" DROP COLUMN "reason"`);
  }
}
