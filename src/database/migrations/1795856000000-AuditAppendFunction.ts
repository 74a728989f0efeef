import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appends audit events in one statement: takes the chain's advisory lock, reads the head, and
 * for each event computes `sha256(prev_hash || prefix || seq || suffix)` (the canonical JSON,
 * built by the application around the `seq` only the database knows) and inserts it. The lock is
 * held from this one round trip to the commit, not across several (docs/benchmarks.md).
 */
export class AuditAppendFunction1795856000000 implements MigrationInterface {
  name = 'AuditAppendFunction1795856000000';

  public async up(q: QueryRunner): Promise<void> {
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

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION append_audit_events(timestamptz, uuid, text, text, jsonb)`);
  }
}
