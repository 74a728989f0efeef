import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17, item 1 (ADR 33): people who sign in through an OpenID Connect provider, matched by
 * (issuer, subject) and never by e-mail alone; and the identity mappings administrators keep:
 * a value of the provider's roles claim → role, unit or team, budget domains.
 */
export class OidcIdentities1796482000000 implements MigrationInterface {
  name = 'OidcIdentities1796482000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "user_identities" (
        "issuer" text NOT NULL,
        "subject" text NOT NULL,
        "user_id" uuid NOT NULL,
        "provider" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "last_sign_in_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "user_identities_pkey" PRIMARY KEY ("issuer", "subject"),
        CONSTRAINT "user_identities_user_fkey" FOREIGN KEY ("user_id")
          REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await q.query(`CREATE INDEX "user_identities_user_idx" ON "user_identities" ("user_id")`);
    await q.query(`
      CREATE TABLE "identity_mappings" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "provider" text NOT NULL,
        "claim_value" text NOT NULL,
        "role" text NOT NULL,
        "organisation_unit_id" uuid,
        "domains" text[] NOT NULL DEFAULT '{}',
        "version" integer NOT NULL DEFAULT 1,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "identity_mappings_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "identity_mappings_role_check"
          CHECK ("role" IN ('buyer', 'staff', 'budget_holder', 'auditor', 'admin')),
        CONSTRAINT "identity_mappings_unit_fkey" FOREIGN KEY ("organisation_unit_id")
          REFERENCES "organisation_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "identity_mappings_claim_key" ON "identity_mappings" ("provider", "claim_value")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "identity_mappings"`);
    await q.query(`DROP TABLE "user_identities"`);
  }
}
