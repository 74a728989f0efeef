import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The management report's counters (issue 19, item 5; ADR 45; docs/reports.md), owned by cases
 * and written only by the functions below, which the database runs itself:
 *
 * - `report_case_facts`: per case, what it adds to the counters: its unit, team, handler and lead
 *   domain now, the Amsterdam day it was filed and closed, whether it was resolved, the day each
 *   SLA stage fell due and the stage's state there (0 not decided, 1 met, 2 breached), and when
 *   it was filed and first accepted, proposed and resolved (the stage medians);
 * - `report_day_counts`: those facts summed per day and per month (`grain`; a month's row on its
 *   first day), team and either lead domain (`dim` 'd') or handler (`dim` 'h', only cases with a
 *   handler), once per unit and once over every unit (`unit_id` NULL): filed, closed, resolved,
 *   and the stages met and breached. A period reads its whole months from the month rows and
 *   its other days from the day rows.
 *
 * A change to `cases` (the columns the facts read), `case_domains` or `case_status_changes` marks its case in
 * `report_counts_dirty` (a row trigger, in the statement); at COMMIT a deferred trigger computes
 * each marked case's facts anew, once, and adds new minus stored to the day counts in a fixed
 * order of keys (no deadlock between two commits), as the funding totals do (ADR 37).
 */
export class ManagementReportCounters1796590000000 implements MigrationInterface {
  name = 'ManagementReportCounters1796590000000';

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
        "propose_state" smallint NOT NULL,
        "status" text NOT NULL,
        "filed_at" timestamptz NOT NULL,
        "accepted_at" timestamptz,
        "proposed_at" timestamptz,
        "resolved_at" timestamptz
      )`);
    // The median time per stage: the cases that ended a stage in the period, read from the
    // index alone with the stage's start (filed → accepted → proposed → resolved).
    for (const [end, start] of [
      ['accepted', 'filed'],
      ['proposed', 'accepted'],
      ['resolved', 'proposed'],
    ]) {
      await q.query(`
        CREATE INDEX "report_case_facts_${end}_idx" ON "report_case_facts" ("${end}_at")
          INCLUDE ("${start}_at", "unit_id", "team_id") WHERE "${end}_at" IS NOT NULL`);
    }
    // The cases open now per team and status, read from the index alone.
    await q.query(`
      CREATE INDEX "report_case_facts_open_idx" ON "report_case_facts" ("unit_id")
        INCLUDE ("team_id", "status") WHERE "closed_day" IS NULL`);
    // The cases both of whose stages were breached: counted once as overdue, not twice.
    await q.query(`
      CREATE INDEX "report_case_facts_both_breached_idx" ON "report_case_facts"
        ("accept_day", "propose_day") WHERE "accept_state" = 2 AND "propose_state" = 2`);
    await q.query(`
      CREATE TABLE "report_day_counts" (
        "unit_id" uuid,
        "grain" text NOT NULL CHECK ("grain" IN ('day', 'month')),
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
        ("unit_id", "grain", "day", "dim", "team_id", "key") NULLS NOT DISTINCT`);
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
    await q.query(CONTRIBUTIONS_FUNCTION);
    await q.query(REFRESH_FUNCTION);
    await q.query(`
      CREATE FUNCTION report_counts_rebuild() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        done bigint;
      BEGIN
        TRUNCATE report_case_facts, report_day_counts;
        INSERT INTO report_case_facts SELECT * FROM report_case_state(ARRAY(SELECT id FROM cases));
        GET DIAGNOSTICS done = ROW_COUNT;
        INSERT INTO report_day_counts (unit_id, grain, dim, day, team_id, key, filed, closed,
               resolved, accept_breached, propose_breached, accept_met, propose_met)
        SELECT c.unit, c.grain, c.dim, c.day, c.team_id, c.key, SUM(c.filed), SUM(c.closed),
               SUM(c.resolved), SUM(c.accept_breached), SUM(c.propose_breached),
               SUM(c.accept_met), SUM(c.propose_met)
          FROM report_case_facts f CROSS JOIN LATERAL report_contributions(f, 1) c
         GROUP BY c.unit, c.grain, c.dim, c.day, c.team_id, c.key
         ORDER BY c.unit NULLS FIRST, c.grain, c.day, c.dim, c.team_id, c.key;
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
    await q.query(`
      CREATE TRIGGER "case_status_changes_report_counts" AFTER INSERT OR UPDATE OR DELETE
        ON "case_status_changes" FOR EACH ROW EXECUTE FUNCTION report_counts_mark()`);
    // Counting every case is not a request: no statement timeout for it (this transaction only).
    await q.query(`SET LOCAL statement_timeout = 0`);
    await q.query(`SELECT report_counts_rebuild()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "case_status_changes_report_counts" ON "case_status_changes"`);
    await q.query(`DROP TRIGGER "case_domains_report_counts" ON "case_domains"`);
    await q.query(`DROP TRIGGER "cases_report_counts" ON "cases"`);
    await q.query(`DROP TABLE "report_counts_dirty"`);
    await q.query(`DROP FUNCTION report_counts_flush()`);
    await q.query(`DROP FUNCTION report_counts_mark_case()`);
    await q.query(`DROP FUNCTION report_counts_mark()`);
    await q.query(`DROP FUNCTION report_counts_rebuild()`);
    await q.query(`DROP FUNCTION report_counts_refresh(uuid[])`);
    await q.query(`DROP FUNCTION report_contributions(report_case_facts, integer)`);
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
               ELSE 0 END)::smallint,
         c.status, c.filed_at, x.accepted_at, x.proposed_at, x.resolved_at
    FROM cases c
    LEFT JOIN LATERAL (
      SELECT min(y.at) FILTER (WHERE y.to_status = 'accepted') AS accepted_at,
             min(y.at) FILTER (WHERE y.to_status = 'proposed') AS proposed_at,
             min(y.at) FILTER (WHERE y.to_status = 'resolved') AS resolved_at
        FROM case_status_changes y WHERE y.case_id = c.id
    ) x ON TRUE
   WHERE c.id = ANY(ids)
  $$`;

/**
 * What a case's facts add to the counters (`sign` 1) or take away from them (-1): on the day it
 * was filed, closed (and resolved), and on which each SLA stage fell due (breached or met); each
 * once per day and once per month (the month's first day), by lead domain (every case) and by
 * handler (cases with one), for its unit and over every unit. Rows that add nothing are left out.
 */
const CONTRIBUTIONS_FUNCTION = `
  CREATE FUNCTION report_contributions(f report_case_facts, sign integer) RETURNS TABLE (
    unit uuid, grain text, dim "char", day date, team_id uuid, key text, filed integer,
    closed integer, resolved integer, accept_breached integer, propose_breached integer,
    accept_met integer, propose_met integer
  ) LANGUAGE sql IMMUTABLE AS $$
  SELECT scope.unit, g.grain, k.dim,
         CASE g.grain WHEN 'day' THEN v.day ELSE date_trunc('month', v.day)::date END,
         f.team_id, k.key, v.filed, v.closed, v.resolved, v.accept_breached, v.propose_breached,
         v.accept_met, v.propose_met
    FROM (VALUES (f.unit_id), (NULL::uuid)) scope(unit)
   CROSS JOIN (VALUES ('day'), ('month')) g(grain)
   CROSS JOIN (VALUES ('d'::"char", f.lead_domain), ('h'::"char", f.handler_id::text)) k(dim, key)
   CROSS JOIN (VALUES
     (f.filed_day, sign, 0, 0, 0, 0, 0, 0),
     (f.closed_day, 0, sign, sign * f.resolved::int, 0, 0, 0, 0),
     (f.accept_day, 0, 0, 0, sign * (f.accept_state = 2)::int, 0, sign * (f.accept_state = 1)::int, 0),
     (f.propose_day, 0, 0, 0, 0, sign * (f.propose_state = 2)::int, 0, sign * (f.propose_state = 1)::int)
   ) v(day, filed, closed, resolved, accept_breached, propose_breached, accept_met, propose_met)
   WHERE (k.dim = 'd' OR k.key IS NOT NULL) AND v.day IS NOT NULL
     AND (v.filed <> 0 OR v.closed <> 0 OR v.accept_breached <> 0 OR v.propose_breached <> 0
          OR v.accept_met <> 0 OR v.propose_met <> 0)
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
    contribution AS (
      SELECT c.* FROM fresh f
       CROSS JOIN LATERAL report_contributions(ROW(f.*)::report_case_facts, 1) c
      UNION ALL
      SELECT c.* FROM stored s
       CROSS JOIN LATERAL report_contributions(ROW(s.*)::report_case_facts, -1) c
    ),
    delta AS (
      SELECT unit, grain, dim, day, team_id, key, SUM(filed) AS filed, SUM(closed) AS closed,
             SUM(resolved) AS resolved, SUM(accept_breached) AS accept_breached,
             SUM(propose_breached) AS propose_breached, SUM(accept_met) AS accept_met,
             SUM(propose_met) AS propose_met
        FROM contribution
       GROUP BY unit, grain, dim, day, team_id, key
      HAVING SUM(filed) <> 0 OR SUM(closed) <> 0 OR SUM(resolved) <> 0
          OR SUM(accept_breached) <> 0 OR SUM(propose_breached) <> 0 OR SUM(accept_met) <> 0
          OR SUM(propose_met) <> 0
    ),
    counted AS (
      INSERT INTO report_day_counts AS t (unit_id, grain, dim, day, team_id, key, filed, closed,
             resolved, accept_breached, propose_breached, accept_met, propose_met)
      SELECT * FROM delta
       ORDER BY unit NULLS FIRST, grain, day, dim, team_id NULLS FIRST, key NULLS FIRST
      ON CONFLICT (unit_id, grain, day, dim, team_id, key) DO UPDATE SET
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
      propose_day = EXCLUDED.propose_day, propose_state = EXCLUDED.propose_state,
      status = EXCLUDED.status, filed_at = EXCLUDED.filed_at, accepted_at = EXCLUDED.accepted_at,
      proposed_at = EXCLUDED.proposed_at, resolved_at = EXCLUDED.resolved_at
    WHERE t IS DISTINCT FROM EXCLUDED;
  END $$`;
