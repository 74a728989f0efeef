import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17, local accounts and integrations (ADR 35): a person's TOTP second factor (its secret
 * encrypted) and recovery codes (SHA-256 digests, each usable once); API clients as users of
 * kind `api_client`, with their secrets (argon2id, at most two live at once for rotation).
 */
export class SecondFactorAndApiClients1796476325141 implements MigrationInterface {
  name = 'SecondFactorAndApiClients1796476325141';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" ADD "kind" text NOT NULL DEFAULT 'person'`);
    await q.query(
      `ALTER TABLE "users" ADD CONSTRAINT "users_kind_check" CHECK ("kind" IN ('person', 'api_client'))`,
    );
    await q.query(
      `CREATE INDEX "users_api_client_idx" ON "users" ("name", "id") WHERE "kind" = 'api_client'`,
    );
    await q.query(`
      CREATE TABLE "api_client_secrets" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "client_id" uuid NOT NULL,
        "secret_hash" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "retired_at" TIMESTAMP WITH TIME ZONE,
        "last_used_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "api_client_secrets_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "api_client_secrets_client_fkey" FOREIGN KEY ("client_id")
          REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await q.query(
      `CREATE INDEX "api_client_secrets_client_idx" ON "api_client_secrets" ("client_id", "created_at")`,
    );
    await q.query(`
      CREATE TABLE "user_second_factors" (
        "user_id" uuid NOT NULL,
        "secret_encrypted" text NOT NULL,
        "confirmed_at" TIMESTAMP WITH TIME ZONE,
        "last_used_step" bigint,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "user_second_factors_pkey" PRIMARY KEY ("user_id"),
        CONSTRAINT "user_second_factors_user_fkey" FOREIGN KEY ("user_id")
          REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await q.query(`
      CREATE TABLE "user_recovery_codes" (
        "user_id" uuid NOT NULL,
        "code_digest" text NOT NULL,
        "used_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "user_recovery_codes_pkey" PRIMARY KEY ("user_id", "code_digest"),
        CONSTRAINT "user_recovery_codes_user_fkey" FOREIGN KEY ("user_id")
          REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "user_recovery_codes"`);
    await q.query(`DROP TABLE "user_second_factors"`);
    await q.query(`DROP TABLE "api_client_secrets"`);
    await q.query(`DROP INDEX "users_api_client_idx"`);
    await q.query(`ALTER TABLE "users" DROP CONSTRAINT "users_kind_check"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "kind"`);
  }
}
