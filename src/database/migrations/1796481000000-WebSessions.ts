import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17, item 2 (ADR 34): the web UI's sessions, kept server-side. The cookie holds a random
 * value; only its SHA-256 digest is stored. A session remembers the user's token version when it
 * began, so whatever ends a user's tokens (password, deactivation, role change) ends it too.
 * Written only by `auth/sessions/sessions.service.ts`.
 */
export class WebSessions1796481000000 implements MigrationInterface {
  name = 'WebSessions1796481000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "web_sessions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "token_digest" text NOT NULL,
        "token_version" integer NOT NULL,
        "method" text NOT NULL,
        "provider" text,
        "id_token" text,
        "address" text,
        "user_agent" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "ended_at" TIMESTAMP WITH TIME ZONE,
        "end_reason" text,
        CONSTRAINT "web_sessions_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "web_sessions_method_check" CHECK ("method" IN ('password', 'oidc')),
        CONSTRAINT "web_sessions_user_fkey" FOREIGN KEY ("user_id")
          REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "web_sessions_token_digest_key" ON "web_sessions" ("token_digest")`,
    );
    await q.query(
      `CREATE INDEX "web_sessions_user_open_idx" ON "web_sessions" ("user_id", "created_at") WHERE "ended_at" IS NULL`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "web_sessions"`);
  }
}
