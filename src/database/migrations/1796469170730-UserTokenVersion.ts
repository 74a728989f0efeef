import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tokens are ended by a per-user version instead of a time: `credentials_changed_at` compared
 * with a token's `iat` in whole seconds, so a token issued in the same second as a password reset
 * survived it, and reactivating a user revived the tokens from before the deactivation. Every
 * token now carries `token_version` (claim `tv`), which a password change or reset, deactivation
 * and a role change count up (ADR 17). Tokens issued before this migration carry no version and
 * are refused: people sign in once more.
 */
export class UserTokenVersion1796469170730 implements MigrationInterface {
  name = 'UserTokenVersion1796469170730';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" ADD "token_version" integer NOT NULL DEFAULT '0'`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "credentials_changed_at"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    // Every token issued before the revert predates this moment and is refused again.
    await q.query(
      `ALTER TABLE "users" ADD "credentials_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await q.query(`ALTER TABLE "users" DROP COLUMN "token_version"`);
  }
}
