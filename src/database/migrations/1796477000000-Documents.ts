import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `documents` and `document_versions` (issue 16, ADR 31): a document on a case and its
 * versions, each naming its content by SHA-256. Versions are append-only, like the status
 * history: a new version never replaces an earlier one, and a withdrawn document keeps them all.
 */
export class Documents1796477000000 implements MigrationInterface {
  name = 'Documents1796477000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "documents" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL,
        "title" text NOT NULL,
        "kind" text NOT NULL,
        "direction" text NOT NULL,
        "visibility" text NOT NULL,
        "version_count" integer NOT NULL DEFAULT '1',
        "created_by_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "withdrawn_at" TIMESTAMP WITH TIME ZONE,
        "withdrawn_by_id" uuid,
        "withdrawal_reason" text,
        "version" integer NOT NULL DEFAULT '1',
        CONSTRAINT "documents_withdrawal_check" CHECK (("withdrawn_at" IS NULL) = ("withdrawal_reason" IS NULL) AND ("withdrawn_at" IS NULL) = ("withdrawn_by_id" IS NULL)),
        CONSTRAINT "documents_visibility_check" CHECK ("visibility" IN ('internal', 'shared')),
        CONSTRAINT "documents_direction_check" CHECK ("direction" IN ('incoming', 'outgoing', 'internal')),
        CONSTRAINT "documents_kind_check" CHECK ("kind" IN ('specification', 'market_consultation', 'offer', 'clarification', 'decision', 'contract', 'correspondence', 'other')),
        CONSTRAINT "documents_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "documents_case_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "documents_created_by_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "documents_withdrawn_by_fkey" FOREIGN KEY ("withdrawn_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(
      `CREATE INDEX "documents_case_idx" ON "documents" ("case_id", "created_at", "id")`,
    );
    await q.query(`
      CREATE TABLE "document_versions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "document_id" uuid NOT NULL,
        "number" integer NOT NULL,
        "file_name" text NOT NULL,
        "media_type" text NOT NULL,
        "size_bytes" bigint NOT NULL,
        "sha256" text NOT NULL,
        "uploaded_by_id" uuid NOT NULL,
        "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "document_versions_size_check" CHECK ("size_bytes" > 0),
        CONSTRAINT "document_versions_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
        CONSTRAINT "document_versions_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "document_versions_document_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "document_versions_uploaded_by_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "document_versions_number_key" ON "document_versions" ("document_id", "number")`,
    );
    // The clean-up job asks whether any version names a stored content.
    await q.query(`CREATE INDEX "document_versions_sha256_idx" ON "document_versions" ("sha256")`);
    await q.query(`
      CREATE TRIGGER "document_versions_append_only" BEFORE UPDATE OR DELETE ON "document_versions"
        FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`
      CREATE TRIGGER "document_versions_no_truncate" BEFORE TRUNCATE ON "document_versions"
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "document_versions"`);
    await q.query(`DROP TABLE "documents"`);
  }
}
