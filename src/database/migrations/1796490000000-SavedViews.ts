import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Saved views of the case list (issue 19, item 1; ADR 38), owned by `views`: personal, or
 * shared with the owner's unit (a MeentCoop team or a municipal unit). Listed per owner and per
 * shared unit, by name.
 */
export class SavedViews1796490000000 implements MigrationInterface {
  name = 'SavedViews1796490000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "saved_views" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "owner_id" uuid NOT NULL,
        "name" text NOT NULL,
        "shared_with_unit_id" uuid,
        "filters" jsonb NOT NULL,
        "sort" text NOT NULL,
        "columns" text array NOT NULL,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "saved_views_name_check" CHECK (char_length("name") BETWEEN 1 AND 100),
        CONSTRAINT "saved_views_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "saved_views_owner_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT,
        CONSTRAINT "saved_views_shared_with_unit_fkey" FOREIGN KEY ("shared_with_unit_id") REFERENCES "organisation_units"("id") ON DELETE RESTRICT
      )`);
    await q.query(
      `CREATE INDEX "saved_views_owner_idx" ON "saved_views" ("owner_id", "name", "id")`,
    );
    await q.query(
      `CREATE INDEX "saved_views_shared_unit_idx" ON "saved_views" ("shared_with_unit_id", "name", "id") WHERE "shared_with_unit_id" IS NOT NULL`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "saved_views"`);
  }
}
