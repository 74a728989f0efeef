import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail becomes a verifiable log (issue 15, ADR 29): a change writes its events
 * straight into `audit_events` (a `seq` from a sequence, no lock, no hash) with `data_hash`;
 * the sequencer gives them leaf indexes later and stores the tree (`audit_tree_nodes`) and
 * signed checkpoints (`audit_checkpoints`). Events from before keep `prev_hash` and `hash` and
 * their chain stays checkable (ADR 30); they get their `data_hash` here and become the first
 * leaves, in `seq` order, when the sequencer first runs. `audit_events` allows two updates
 * only: a leaf index given once, and data erased once under an erasure (`audit_erasures`).
 */
export class AuditLog1796480000000 implements MigrationInterface {
  name = 'AuditLog1796480000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "audit_pending"`);
    await q.query(`DROP FUNCTION chain_audit_event()`);
    await q.query(`CREATE SEQUENCE "audit_events_seq_seq" OWNED BY "audit_events"."seq"`);
    await q.query(
      `SELECT setval('audit_events_seq_seq', coalesce((SELECT max(seq) FROM audit_events), 0) + 1, false)`,
    );
    await q.query(`
      ALTER TABLE "audit_events"
        ALTER "seq" SET DEFAULT nextval('audit_events_seq_seq'),
        ALTER "prev_hash" DROP NOT NULL,
        ALTER "hash" DROP NOT NULL,
        ALTER "data" DROP NOT NULL,
        ADD "data_hash" character(64),
        ADD "leaf_index" bigint,
        ADD "written_at" TIMESTAMP WITH TIME ZONE,
        ADD "sequenced_at" TIMESTAMP WITH TIME ZONE,
        ADD "erasure_id" uuid`);
    await q.query(`ALTER TABLE "audit_events" DISABLE TRIGGER "audit_events_append_only"`);
    await q.query(`
      UPDATE "audit_events"
         SET data_hash = encode(sha256(convert_to(data, 'UTF8')), 'hex'), written_at = occurred_at`);
    await q.query(`ALTER TABLE "audit_events" ENABLE TRIGGER "audit_events_append_only"`);
    await q.query(`
      ALTER TABLE "audit_events"
        ALTER "data_hash" SET NOT NULL,
        ALTER "written_at" SET NOT NULL,
        ALTER "written_at" SET DEFAULT clock_timestamp()`);
    await q.query(`CREATE UNIQUE INDEX "audit_events_leaf_idx" ON "audit_events" ("leaf_index")`);
    // What the sequencer reads: the committed events without a leaf, oldest first.
    await q.query(
      `CREATE INDEX "audit_events_unsequenced_idx" ON "audit_events" ("seq") WHERE leaf_index IS NULL`,
    );

    await q.query(`
      CREATE TABLE "audit_erasures" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "subject_type" text NOT NULL,
        "subject_id" text NOT NULL,
        "basis" text NOT NULL,
        "reason" text NOT NULL,
        "erased_by" uuid,
        "erased_by_name" text NOT NULL,
        "erased_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "events" integer NOT NULL,
        CONSTRAINT "audit_erasures_pkey" PRIMARY KEY ("id")
      )`);
    await q.query(`
      ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_erasure_fkey"
        FOREIGN KEY ("erasure_id") REFERENCES "audit_erasures"("id")`);
    await q.query(`
      CREATE TABLE "audit_tree_nodes" (
        "level" smallint NOT NULL,
        "index" bigint NOT NULL,
        "hash" bytea NOT NULL,
        CONSTRAINT "audit_tree_nodes_pkey" PRIMARY KEY ("level", "index")
      )`);
    await q.query(`
      CREATE TABLE "audit_checkpoints" (
        "tree_size" bigint NOT NULL,
        "root_hash" bytea NOT NULL,
        "note" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "audit_checkpoints_pkey" PRIMARY KEY ("tree_size")
      )`);
    for (const table of ['audit_erasures', 'audit_tree_nodes', 'audit_checkpoints']) {
      await q.query(`
        CREATE TRIGGER "${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}"
          FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
      await q.query(`
        CREATE TRIGGER "${table}_no_truncate" BEFORE TRUNCATE ON "${table}"
          FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
    }

    // Two updates only: the sequencer's leaf index (once), and an erasure's removal of data.
    await q.query(`
      CREATE FUNCTION audit_event_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND (OLD.seq, OLD.occurred_at, OLD.actor_id, OLD.actor_role,
              OLD.actor_name, OLD.action, OLD.subject_type, OLD.subject_id, OLD.case_id,
              OLD.prev_hash, OLD.hash, OLD.data_hash, OLD.written_at)
            IS NOT DISTINCT FROM (NEW.seq, NEW.occurred_at, NEW.actor_id, NEW.actor_role,
              NEW.actor_name, NEW.action, NEW.subject_type, NEW.subject_id, NEW.case_id,
              NEW.prev_hash, NEW.hash, NEW.data_hash, NEW.written_at) THEN
          IF OLD.leaf_index IS NULL AND NEW.leaf_index IS NOT NULL AND NEW.sequenced_at IS NOT NULL
             AND OLD.sequenced_at IS NULL AND OLD.data IS NOT DISTINCT FROM NEW.data
             AND OLD.erasure_id IS NOT DISTINCT FROM NEW.erasure_id THEN
            RETURN NEW;
          END IF;
          IF OLD.erasure_id IS NULL AND NEW.erasure_id IS NOT NULL AND NEW.data IS NULL
             AND OLD.leaf_index IS NOT DISTINCT FROM NEW.leaf_index
             AND OLD.sequenced_at IS NOT DISTINCT FROM NEW.sequenced_at THEN
            RETURN NEW;
          END IF;
        END IF;
        RAISE EXCEPTION '% on % is not allowed: this table is append-only', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`DROP TRIGGER "audit_events_append_only" ON "audit_events"`);
    await q.query(`
      CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE ON "audit_events"
        FOR EACH ROW EXECUTE FUNCTION audit_event_guard()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "audit_events_append_only" ON "audit_events"`);
    await q.query(`DROP FUNCTION audit_event_guard()`);
    await q.query(`
      CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE ON "audit_events"
        FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`DROP TABLE "audit_checkpoints"`);
    await q.query(`DROP TABLE "audit_tree_nodes"`);
    await q.query(`ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_erasure_fkey"`);
    await q.query(`DROP TABLE "audit_erasures"`);
    // Events written since have no place in a hash chain: a revert keeps only the chained ones.
    await q.query(`ALTER TABLE "audit_events" DISABLE TRIGGER USER`);
    await q.query(`DELETE FROM "audit_events" WHERE hash IS NULL OR data IS NULL`);
    await q.query(`ALTER TABLE "audit_events" ENABLE TRIGGER USER`);
    await q.query(`
      ALTER TABLE "audit_events"
        DROP "erasure_id", DROP "sequenced_at", DROP "written_at", DROP "leaf_index",
        DROP "data_hash",
        ALTER "data" SET NOT NULL, ALTER "hash" SET NOT NULL, ALTER "prev_hash" SET NOT NULL,
        ALTER "seq" DROP DEFAULT`);
    await q.query(`DROP SEQUENCE "audit_events_seq_seq"`);
    await q.query(`
      CREATE TABLE "audit_pending" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "occurred_at" timestamptz NOT NULL,
        "actor_id" uuid,
        "actor_role" text NOT NULL,
        "actor_name" text NOT NULL,
        "action" text NOT NULL,
        "subject_type" text NOT NULL,
        "subject_id" text NOT NULL,
        "case_id" uuid,
        "data" text NOT NULL,
        "prefix" text NOT NULL,
        "suffix" text NOT NULL
      )`);
    await q.query(`
      CREATE FUNCTION chain_audit_event() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        head_seq bigint;
        head_hash text;
        next_hash text;
      BEGIN
        PERFORM pg_advisory_xact_lock(7202611282);
        SELECT seq, hash INTO head_seq, head_hash FROM audit_events ORDER BY seq DESC LIMIT 1;
        head_seq := coalesce(head_seq, 0) + 1;
        head_hash := coalesce(head_hash, repeat('0', 64));
        next_hash := encode(sha256(convert_to(
          head_hash || NEW.prefix || head_seq::text || NEW.suffix, 'UTF8')), 'hex');
        INSERT INTO audit_events (seq, occurred_at, actor_id, actor_role, actor_name, action,
                                  subject_type, subject_id, case_id, data, prev_hash, hash)
        VALUES (head_seq, NEW.occurred_at, NEW.actor_id, NEW.actor_role, NEW.actor_name,
                NEW.action, NEW.subject_type, NEW.subject_id, NEW.case_id, NEW.data,
                head_hash, next_hash);
        DELETE FROM audit_pending WHERE id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER "audit_pending_chain" AFTER INSERT ON "audit_pending"
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION chain_audit_event()`);
  }
}
