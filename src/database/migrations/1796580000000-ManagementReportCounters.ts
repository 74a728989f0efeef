import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The management report's counters (issue 19, item 5; ADR 45; docs/reports.md), owned by cases
 * and written only by the functions below, which the database runs itself:
 *
 * - `report_case_facts`: per case, what it adds to the counters: its unit, team, handler and lead
 *   domain now, the Amsterdam day it was filed and closed, whether it was resolved, the day each
 *   SLA stage fell due and the stage's state there (0 not decided, 1 met, 2 breached);
 * - `report_day_counts`: those facts summed per day, team and either lead domain (`dim` 'd') or
 *   handler (`dim` 'h', only cases with a handler), once per unit and once over every unit
 *   (`unit_id` NULL): filed, closed, resolved, and the stages met and breached that day.
 *
 * A change to `cases` (the columns the facts read) or to `case_domains` marks its case in
 * `report_counts_dirty` (a row trigger, in the statement); at COMMIT a deferred trigger computes
 * each marked case's facts anew, once, and adds new minus stored to the day counts in a fixed
 * order of keys (no deadlock between two commits), as the funding totals do (ADR 37).
 */
export class ManagementReportCounters1796580000000 implements MigrationInterface {
  name = 'ManagementReportCounters1796580000000';

  public async up(q: QueryRunner): Promise<void> {
    // No foreign key: a deleted case's facts are what the refresh subtracts.
    await q.query(`
      CREATE TABLE "report_case_facts" (
        "case_id" uuid PRIMARY KEY,
        "unit_id" uuid NOT NULL,
        "team_id" uuid,
        "handler_id" uuid,
        "lead_domain" text,
        "filed_day" date NOT NULL,
        "closed_day" date,
        "resolved" boolean NOT NULL,
        "accept_day" date,
        "accept_state" smallint NOT NULL,
        "propose_day" date,
        "propose_state" smallint NOT NULL
      )`);
    // The cases both of whose stages were breached: counted once as overdue, not twice.
    await q.query(`
      CREATE INDEX "report_case_facts_both_breached_idx" ON "report_case_facts"
        ("accept_day", "propose_day") WHERE "accept_state" = 2 AND "propose_state" = 2`);
    await q.query(`
      CREATE TABLE "report_day_counts" (
        "unit_id" uuid,
        "dim" "char" NOT NULL CHECK ("dim" IN ('d', 'h')),
        "day" date NOT NULL,
        "team_id" uuid,
        "key" text,
        "filed" integer NOT NULL DEFAULT 0,
        "closed" integer NOT NULL DEFAULT 0,
        "resolved" integer NOT NULL DEFAULT 0,
        "accept_breached" integer NOT NULL DEFAULT 0,
        "propose_breached" integer NOT NULL DEFAULT 0,
        "accept_met" integer NOT NULL DEFAULT 0,
        "propose_met" integer NOT NULL DEFAULT 0
      )`);
    await q.query(`
      CREATE UNIQUE INDEX "report_day_counts_key" ON "report_day_counts"
        ("unit_id", "dim", "day", "team_id", "key") NULLS NOT DISTINCT`);
    await q.query(`
      CREATE UNLOGGED TABLE "report_counts_dirty" (
        "xid" xid8 NOT NULL,
        "case_id" uuid NOT NULL,
        PRIMARY KEY ("xid", "case_id")
      )`);
    // Suspensions that overlap a period: ended after its start, or not ended.
    await q.query(`
      CREATE INDEX "case_suspensions_ended_idx" ON "case_suspensions" ("ended_at")
        INCLUDE ("case_id", "started_at")`);

    await q.query(CASE_STATE_FUNCTION);
    await q.query(REFRESH_FUNCTION);
    await q.query(`
      CREATE FUNCTION report_counts_rebuild() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        ids uuid[];
        last_id uuid := '00000000-0000-0000-0000-000000000000';
        done bigint := 0;
      BEGIN
        TRUNCATE report_case_facts, report_day_counts;
        LOOP
          SELECT array_agg(id ORDER BY id) INTO ids
            FROM (SELECT id FROM cases WHERE id > last_id ORDER BY id LIMIT 20000) page;
          EXIT WHEN ids IS NULL;
          PERFORM report_counts_refresh(ids);
          done := done + cardinality(ids);
          last_id := ids[cardinality(ids)];
        END LOOP;
        RETURN done;
      END $$`);

    // Marking: one row per case and transaction, whatever changed how often.
    await q.query(`
      CREATE FUNCTION report_counts_mark() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          INSERT INTO report_counts_dirty VALUES (pg_current_xact_id(), OLD.case_id)
            ON CONFLICT DO NOTHING;
        END IF;
        IF TG_OP <> 'DELETE' THEN
          INSERT INTO report_counts_dirty VALUES (pg_current_xact_id(), NEW.case_id)
            ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION report_counts_mark_case() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          INSERT INTO report_counts_dirty VALUES (pg_current_xact_id(), OLD.id)
            ON CONFLICT DO NOTHING;
        ELSE
          INSERT INTO report_counts_dirty VALUES (pg_current_xact_id(), NEW.id)
            ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION report_counts_flush() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ids uuid[];
      BEGIN
        WITH done AS (
          DELETE FROM report_counts_dirty WHERE xid = pg_current_xact_id() RETURNING case_id
        )
        SELECT array_agg(case_id ORDER BY case_id) INTO ids FROM done;
        IF ids IS NOT NULL THEN
          PERFORM report_counts_refresh(ids);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER "report_counts_dirty_flush" AFTER INSERT ON "report_counts_dirty"
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_counts_flush()`);
    await q.query(`
      CREATE TRIGGER "cases_report_counts" AFTER INSERT OR DELETE OR UPDATE OF "organisation_unit_id",
        "team_id", "assignee_id", "filed_at", "closed_at", "status", "accept_by", "propose_by",
        "sla_breached" ON "cases" FOR EACH ROW EXECUTE FUNCTION report_counts_mark_case()`);
    await q.query(`
      CREATE TRIGGER "case_domains_report_counts" AFTER INSERT OR UPDATE OR DELETE
        ON "case_domains" FOR EACH ROW EXECUTE FUNCTION report_counts_mark()`);
    await q.query(`SELECT report_counts_rebuild()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "case_domains_report_counts" ON "case_domains"`);
    await q.query(`DROP TRIGGER "cases_report_counts" ON "cases"`);
    await q.query(`DROP TABLE "report_counts_dirty"`);
    await q.query(`DROP FUNCTION report_counts_flush()`);
    await q.query(`DROP FUNCTION report_counts_mark_case()`);
    await q.query(`DROP FUNCTION report_counts_mark()`);
    await q.query(`DROP FUNCTION report_counts_rebuild()`);
    await q.query(`DROP FUNCTION report_counts_refresh(uuid[])`);
    await q.query(`DROP FUNCTION report_case_state(uuid[])`);
    await q.query(`DROP INDEX "case_suspensions_ended_idx"`);
    await q.query(`DROP TABLE "report_day_counts"`);
    await q.query(`DROP TABLE "report_case_facts"`);
  }
}

/**
 * What `report_case_facts` holds for each of the cases that exist, from the tables. Days are
 * Amsterdam calendar days (the report's periods are). A stage is breached when it is in
 * `sla_breached`, met when its case has left the statuses the stage is open in (src/cases/
 * sla-clock.ts, `STAGE_OPEN_IN`: accept in `routed`; propose in `routed`, `accepted`,
 * `in_progress`) without a breach, not decided otherwise; a stage without a due time is neither.
 */
const CASE_STATE_FUNCTION = `
  CREATE FUNCTION report_case_state(ids uuid[]) RETURNS SETOF report_case_facts
  LANGUAGE sql STABLE AS $$
  SELECT c.id, c.organisation_unit_id, c.team_id, c.assignee_id,
         (SELECT max(d.domain_code) FROM case_domains d WHERE d.case_id = c.id AND d.role = 'lead'),
         (c.filed_at AT TIME ZONE 'Europe/Amsterdam')::date,
         (c.closed_at AT TIME ZONE 'Europe/Amsterdam')::date,
         c.status = 'resolved' AND c.closed_at IS NOT NULL,
         (c.accept_by AT TIME ZONE 'Europe/Amsterdam')::date,
         (CASE WHEN c.accept_by IS NULL THEN 0
               WHEN 'accept' = ANY(c.sla_breached) THEN 2
               WHEN c.status <> 'routed' THEN 1
               ELSE 0 END)::smallint,
         (c.propose_by AT TIME ZONE 'Europe/Amsterdam')::date,
         (CASE WHEN c.propose_by IS NULL THEN 0
               WHEN 'propose' = ANY(c.sla_breached) THEN 2
               WHEN c.status NOT IN ('routed', 'accepted', 'in_progress') THEN 1
               ELSE 0 END)::smallint
    FROM cases c WHERE c.id = ANY(ids)
  $$`;

/**
 * Brings the counters of the cases up to date: locks their stored facts (in id order), computes
 * them anew, adds new minus stored to the day counts — per unit and over every unit, by lead
 * domain and by handler, keys in one fixed order, rows that would not change left alone — then
 * stores the new facts (and forgets those of cases that no longer exist).
 */
const REFRESH_FUNCTION = `
  CREATE FUNCTION report_counts_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM 1 FROM report_case_facts WHERE case_id = ANY(ids) ORDER BY case_id FOR UPDATE;
    WITH fresh AS (SELECT * FROM report_case_state(ids)),
    stored AS (SELECT * FROM report_case_facts WHERE case_id = ANY(ids)),
    signed AS (
      SELECT 1 AS sign, f.* FROM fresh f
      UNION ALL
      SELECT -1, s.* FROM stored s
    ),
    keyed AS (
      SELECT signed.*, scope.unit, k.dim, k.key
        FROM signed
        CROSS JOIN LATERAL (VALUES (signed.unit_id), (NULL::uuid)) scope(unit)
        CROSS JOIN LATERAL (VALUES ('d'::"char", signed.lead_domain),
                                   ('h'::"char", signed.handler_id::text)) k(dim, key)
       WHERE k.dim = 'd' OR k.key IS NOT NULL
    ),
    contribution AS (
      SELECT unit, dim, filed_day AS day, team_id, key, sign AS filed, 0 AS closed,
             0 AS resolved, 0 AS accept_breached, 0 AS propose_breached, 0 AS accept_met,
             0 AS propose_met
        FROM keyed
      UNION ALL
      SELECT unit, dim, closed_day, team_id, key, 0, sign, sign * resolved::int, 0, 0, 0, 0
        FROM keyed WHERE closed_day IS NOT NULL
      UNION ALL
      SELECT unit, dim, accept_day, team_id, key, 0, 0, 0, sign * (accept_state = 2)::int, 0,
             sign * (accept_state = 1)::int, 0
        FROM keyed WHERE accept_state > 0
      UNION ALL
      SELECT unit, dim, propose_day, team_id, key, 0, 0, 0, 0, sign * (propose_state = 2)::int,
             0, sign * (propose_state = 1)::int
        FROM keyed WHERE propose_state > 0
    ),
    delta AS (
      SELECT unit, dim, day, team_id, key, SUM(filed) AS filed, SUM(closed) AS closed,
             SUM(resolved) AS resolved, SUM(accept_breached) AS accept_breached,
             SUM(propose_breached) AS propose_breached, SUM(accept_met) AS accept_met,
             SUM(propose_met) AS propose_met
        FROM contribution
       GROUP BY unit, dim, day, team_id, key
      HAVING SUM(filed) <> 0 OR SUM(closed) <> 0 OR SUM(resolved) <> 0
          OR SUM(accept_breached) <> 0 OR SUM(propose_breached) <> 0 OR SUM(accept_met) <> 0
          OR SUM(propose_met) <> 0
    ),
    counted AS (
      INSERT INTO report_day_counts AS t (unit_id, dim, day, team_id, key, filed, closed,
             resolved, accept_breached, propose_breached, accept_met, propose_met)
      SELECT * FROM delta
       ORDER BY unit NULLS FIRST, dim, day, team_id NULLS FIRST, key NULLS FIRST
      ON CONFLICT (unit_id, dim, day, team_id, key) DO UPDATE SET
        filed = t.filed + EXCLUDED.filed,
        closed = t.closed + EXCLUDED.closed,
        resolved = t.resolved + EXCLUDED.resolved,
        accept_breached = t.accept_breached + EXCLUDED.accept_breached,
        propose_breached = t.propose_breached + EXCLUDED.propose_breached,
        accept_met = t.accept_met + EXCLUDED.accept_met,
        propose_met = t.propose_met + EXCLUDED.propose_met
    ),
    gone AS (
      DELETE FROM report_case_facts s
       WHERE s.case_id = ANY(ids) AND NOT EXISTS (SELECT 1 FROM fresh WHERE fresh.case_id = s.case_id)
    )
    INSERT INTO report_case_facts AS t SELECT * FROM fresh ORDER BY case_id
    ON CONFLICT (case_id) DO UPDATE SET
      unit_id = EXCLUDED.unit_id, team_id = EXCLUDED.team_id, handler_id = EXCLUDED.handler_id,
      lead_domain = EXCLUDED.lead_domain, filed_day = EXCLUDED.filed_day,
      closed_day = EXCLUDED.closed_day, resolved = EXCLUDED.resolved,
      accept_day = EXCLUDED.accept_day, accept_state = EXCLUDED.accept_state,
      propose_day = EXCLUDED.propose_day, propose_state = EXCLUDED.propose_state
    WHERE t IS DISTINCT FROM EXCLUDED;
  END $$`;
