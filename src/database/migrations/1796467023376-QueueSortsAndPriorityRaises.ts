import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The work queue's sorts and the reason of a raised priority (issue 13, items 9 and 11).
 *
 * - Sort by estimated value: a b-tree on (estimated_value_cents, id).
 * - Sort by lead domain: the lead row of `case_domains` is joined and walked in order through a
 *   partial index (domain_code, case_id) WHERE role = 'lead' (one lead per case, unique).
 * - Sort by buyer: `cases.buyer_name`, the filing person's name, kept by triggers (set when a
 *   case is written, followed when the person is renamed), so one b-tree (buyer_name, id)
 *   serves the order; a join to `users` could not be walked in (name, case id) order.
 * - `cases.priority_raises`: each time an SLA breach raised the priority (stage, due time, when,
 *   from, to), written with the breach; filled here from the audit trail's `case.sla_breached`
 *   events for breaches recorded before.
 */
export class QueueSortsAndPriorityRaises1796467023376 implements MigrationInterface {
  name = 'QueueSortsAndPriorityRaises1796467023376';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "cases" ADD "buyer_name" text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE "cases" ADD "priority_raises" jsonb NOT NULL DEFAULT '[]'`);

    await q.query(`
      CREATE FUNCTION brug_case_buyer_name() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.buyer_name := coalesce((SELECT name FROM users WHERE id = NEW.filed_by_id), '');
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER "cases_buyer_name" BEFORE INSERT OR UPDATE OF "filed_by_id" ON "cases"
        FOR EACH ROW EXECUTE FUNCTION brug_case_buyer_name()`);
    await q.query(`
      CREATE FUNCTION brug_user_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE cases SET buyer_name = NEW.name WHERE filed_by_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER "users_name_to_cases" AFTER UPDATE OF "name" ON "users"
        FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION brug_user_renamed()`);

    await q.query(
      `UPDATE "cases" c SET "buyer_name" = u."name" FROM "users" u WHERE u."id" = c."filed_by_id"`,
    );
    await q.query(`
      UPDATE "cases" c SET "priority_raises" = r.raises
        FROM (SELECT e.case_id,
                     jsonb_agg(jsonb_build_object(
                       'stage', e.d->>'stage',
                       'dueAt', e.d->>'dueAt',
                       'breachedAt', to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                       'from', e.d->'priority'->>'old',
                       'to', e.d->'priority'->>'new') ORDER BY e.seq) AS raises
                FROM (SELECT case_id, seq, occurred_at, data::jsonb AS d FROM "audit_events"
                       WHERE action = 'case.sla_breached' AND case_id IS NOT NULL) e
               WHERE e.d->'priority'->>'old' IS DISTINCT FROM e.d->'priority'->>'new'
               GROUP BY e.case_id) r
       WHERE r.case_id = c.id`);

    await q.query(`CREATE INDEX "cases_value_idx" ON "cases" ("estimated_value_cents", "id")`);
    await q.query(`CREATE INDEX "cases_buyer_idx" ON "cases" ("buyer_name", "id")`);
    await q.query(
      `CREATE INDEX "case_domains_lead_idx" ON "case_domains" ("domain_code", "case_id") WHERE "role" = 'lead'`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "case_domains_lead_idx"`);
    await q.query(`DROP INDEX "cases_buyer_idx"`);
    await q.query(`DROP INDEX "cases_value_idx"`);
    await q.query(`DROP TRIGGER "users_name_to_cases" ON "users"`);
    await q.query(`DROP FUNCTION brug_user_renamed()`);
    await q.query(`DROP TRIGGER "cases_buyer_name" ON "cases"`);
    await q.query(`DROP FUNCTION brug_case_buyer_name()`);
    await q.query(`ALTER TABLE "cases" DROP COLUMN "priority_raises"`);
    await q.query(`ALTER TABLE "cases" DROP COLUMN "buyer_name"`);
  }
}
