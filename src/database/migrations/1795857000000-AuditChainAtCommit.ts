import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit events are chained at commit. The unit of work writes its events to `audit_pending`
 * (no lock, one statement); a deferred constraint trigger, fired by PostgreSQL during COMMIT,
 * takes the chain's advisory lock, reads the head, hashes the event (SHA-256 over the previous
 * hash and the canonical JSON the application built around `seq`), appends it to `audit_events`
 * and removes the pending row. The lock is held from inside the commit to its end: no round trip
 * to the application while holding it (see docs/benchmarks.md). Still the same transaction as the
 * change: if chaining fails, the commit fails and nothing of the change remains.
 */
export class AuditChainAtCommit1795857000000 implements MigrationInterface {
  name = 'AuditChainAtCommit1795857000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION append_audit_events(timestamptz, uuid, text, text, jsonb)`);
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
    // Deferred row triggers fire at COMMIT, in the order the rows were written.
    await q.query(`
      CREATE CONSTRAINT TRIGGER "audit_pending_chain" AFTER INSERT ON "audit_pending"
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION chain_audit_event()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "audit_pending"`);
    await q.query(`DROP FUNCTION chain_audit_event()`);
    await q.query(`
      CREATE FUNCTION append_audit_events(
        p_occurred_at timestamptz, p_actor_id uuid, p_actor_role text, p_actor_name text,
        p_events jsonb
      ) RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        head_seq bigint;
        head_hash text;
        e jsonb;
        next_hash text;
      BEGIN
        PERFORM pg_advisory_xact_lock(7202611282);
        SELECT seq, hash INTO head_seq, head_hash FROM audit_events ORDER BY seq DESC LIMIT 1;
        head_seq := coalesce(head_seq, 0);
        head_hash := coalesce(head_hash, repeat('0', 64));
        FOR e IN SELECT value FROM jsonb_array_elements(p_events) LOOP
          head_seq := head_seq + 1;
          next_hash := encode(sha256(convert_to(
            head_hash || (e->>'prefix') || head_seq::text || (e->>'suffix'), 'UTF8')), 'hex');
          INSERT INTO audit_events (seq, occurred_at, actor_id, actor_role, actor_name, action,
                                    subject_type, subject_id, case_id, data, prev_hash, hash)
          VALUES (head_seq, p_occurred_at, p_actor_id, p_actor_role, p_actor_name, e->>'action',
                  e->>'subjectType', e->>'subjectId', (e->>'caseId')::uuid, e->>'data',
                  head_hash, next_hash);
          head_hash := next_hash;
        END LOOP;
        RETURN head_seq;
      END $$`);
  }
}
