import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * EU thresholds (issue 18, item 6; ADR 36), owned by cases:
 *
 * - `cases.procurement_kind`: supplies, services, works, or social and other specific services;
 *   null until someone says.
 * - `cases_tender_reference_idx`: the cases of one tender reference, for the group check.
 * - `eu_thresholds`: the European thresholds for decentralised authorities per kind and period,
 *   seeded with 2024–2025 and 2026–2027; an administrator adds later periods.
 */
export class EuThresholds1796478000000 implements MigrationInterface {
  name = 'EuThresholds1796478000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "cases" ADD "procurement_kind" text`);
    await q.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "cases_procurement_kind_check" CHECK ("procurement_kind" IS NULL OR "procurement_kind" IN ('supplies', 'services', 'works', 'social_and_other_specific_services'))`,
    );
    await q.query(
      `CREATE INDEX "cases_tender_reference_idx" ON "cases" ("tender_reference") WHERE "tender_reference" IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE "eu_thresholds" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "kind" text NOT NULL,
        "valid_from" date NOT NULL,
        "valid_to" date NOT NULL,
        "amount_cents" bigint NOT NULL,
        "added_by_name" text NOT NULL,
        "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "eu_thresholds_kind_check" CHECK ("kind" IN ('supplies', 'services', 'works', 'social_and_other_specific_services')),
        CONSTRAINT "eu_thresholds_period_check" CHECK ("valid_to" >= "valid_from"),
        CONSTRAINT "eu_thresholds_amount_check" CHECK ("amount_cents" > 0 AND "amount_cents" <= 10000000000000),
        CONSTRAINT "eu_thresholds_pkey" PRIMARY KEY ("id")
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "eu_thresholds_kind_from_key" ON "eu_thresholds" ("kind", "valid_from")`,
    );
    // The thresholds for sub-central authorities as issue 18 gives them (EUR, excluding VAT; the
    // Commission revises them every two years; social and other specific services stay 750,000).
    await q.query(`
      INSERT INTO "eu_thresholds" ("kind", "valid_from", "valid_to", "amount_cents", "added_by_name")
      VALUES ('supplies', '2024-01-01', '2025-12-31', 22100000, 'Brug'),
             ('services', '2024-01-01', '2025-12-31', 22100000, 'Brug'),
             ('works', '2024-01-01', '2025-12-31', 553800000, 'Brug'),
             ('social_and_other_specific_services', '2024-01-01', '2025-12-31', 75000000, 'Brug'),
             ('supplies', '2026-01-01', '2027-12-31', 21600000, 'Brug'),
             ('services', '2026-01-01', '2027-12-31', 21600000, 'Brug'),
             ('works', '2026-01-01', '2027-12-31', 540400000, 'Brug'),
             ('social_and_other_specific_services', '2026-01-01', '2027-12-31', 75000000, 'Brug')`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "eu_thresholds"`);
    await q.query(`DROP INDEX "cases_tender_reference_idx"`);
    await q.query(`ALTER TABLE "cases" DROP CONSTRAINT "cases_procurement_kind_check"`);
    await q.query(`ALTER TABLE "cases" DROP COLUMN "procurement_kind"`);
  }
}
