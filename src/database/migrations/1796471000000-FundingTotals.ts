import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Maintained funding totals (issue 18, item 7; ADR 37), owned by funding and written only by the
 * functions below, which the database runs itself:
 *
 * - `funding_case_totals`: per case, its funding as the views need it (the cells per domain, the
 *   flows from payer to beneficiary domain, the gap, the non-paying domains) and the case's
 *   stratum (unit, status, lead domain, touched domains);
 * - `funding_domain_totals`: the cells summed per stratum and domain, once per unit and once over
 *   every unit (`unit_id` NULL); the row with `domain_code` '' counts the cases, `cell_count`
 *   the cases that have a cell for the domain (touched, or with entries);
 * - `funding_flow_totals`: the flows summed per stratum, payer and beneficiary, the same way.
 *
 * A change to `cases` (status, unit, estimated value), `case_domains`, `funding_entries` or
 * `benefit_shares` marks its case in `funding_totals_dirty` (a row trigger, in the statement); at
 * COMMIT a deferred trigger recomputes each marked case from the tables, once, and adds the difference from what
 * was stored for it to the totals, in a fixed order of keys (no deadlock between two commits),
 * before the audit chain's trigger (deferred triggers fire in the order their rows were written,
 * and the unit of work writes the audit last).
 */
export class FundingTotals1796471000000 implements MigrationInterface {
  name = 'FundingTotals1796471000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "funding_case_totals" (
        "case_id" uuid PRIMARY KEY REFERENCES "cases"("id") ON DELETE CASCADE,
        "organisation_unit_id" uuid NOT NULL,
        "status" text NOT NULL,
        "lead_domain" text,
        "domains" text[] NOT NULL,
        "open" boolean NOT NULL,
        "estimated_value_cents" bigint NOT NULL,
        "committed_cents" bigint NOT NULL,
        "pledged_cents" bigint NOT NULL,
        "disbursed_cents" bigint NOT NULL,
        "gap_cents" bigint NOT NULL,
        "non_paying" text[] NOT NULL,
        "cells" jsonb NOT NULL,
        "flows" jsonb NOT NULL
      )`);
    // The gaps view: open cases with a gap or a non-paying domain, largest gap first.
    await q.query(`
      CREATE INDEX "funding_case_totals_gaps_idx" ON "funding_case_totals" ("gap_cents" DESC, "case_id" DESC)
        WHERE "open" AND ("gap_cents" > 0 OR "non_paying" <> '{}')`);
    await q.query(`
      CREATE TABLE "funding_domain_totals" (
        "unit_id" uuid,
        "status" text NOT NULL,
        "lead_domain" text,
        "domains" text[] NOT NULL,
        "domain_code" text NOT NULL,
        "case_count" bigint NOT NULL DEFAULT 0,
        "cell_count" bigint NOT NULL DEFAULT 0,
        "touched_cases" bigint NOT NULL DEFAULT 0,
        "paying_cases" bigint NOT NULL DEFAULT 0,
        "non_paying_cases" bigint NOT NULL DEFAULT 0,
        "committed_cents" bigint NOT NULL DEFAULT 0,
        "pledged_cents" bigint NOT NULL DEFAULT 0,
        "disbursed_cents" bigint NOT NULL DEFAULT 0,
        "benefit_cents" bigint NOT NULL DEFAULT 0
      )`);
    await q.query(`
      CREATE UNIQUE INDEX "funding_domain_totals_key" ON "funding_domain_totals"
        ("unit_id", "status", "lead_domain", "domains", "domain_code") NULLS NOT DISTINCT`);
    await q.query(`
      CREATE TABLE "funding_flow_totals" (
        "unit_id" uuid,
        "status" text NOT NULL,
        "domains" text[] NOT NULL,
        "payer" text NOT NULL,
        "beneficiary" text NOT NULL,
        "committed_cents" bigint NOT NULL DEFAULT 0,
        "disbursed_cents" bigint NOT NULL DEFAULT 0
      )`);
    await q.query(`
      CREATE UNIQUE INDEX "funding_flow_totals_key" ON "funding_flow_totals"
        ("unit_id", "status", "domains", "payer", "beneficiary") NULLS NOT DISTINCT`);
    await q.query(`
      CREATE UNLOGGED TABLE "funding_totals_dirty" (
        "xid" xid8 NOT NULL,
        "case_id" uuid NOT NULL,
        PRIMARY KEY ("xid", "case_id")
      )`);

    await q.query(CASE_STATE_FUNCTION);
    await q.query(REFRESH_FUNCTION);
    await q.query(`
      CREATE FUNCTION funding_totals_rebuild() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        ids uuid[];
        last_id uuid := '00000000-0000-0000-0000-000000000000';
        done bigint := 0;
      BEGIN
        TRUNCATE funding_case_totals, funding_domain_totals, funding_flow_totals;
        LOOP
          SELECT array_agg(id ORDER BY id) INTO ids
            FROM (SELECT id FROM cases WHERE id > last_id ORDER BY id LIMIT 20000) page;
          EXIT WHEN ids IS NULL;
          PERFORM funding_totals_refresh(ids);
          done := done + cardinality(ids);
          last_id := ids[cardinality(ids)];
        END LOOP;
        RETURN done;
      END $$`);

    // Marking: one row per case and transaction, whatever changed how often.
    await q.query(`
      CREATE FUNCTION funding_totals_mark() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          INSERT INTO funding_totals_dirty VALUES (pg_current_xact_id(), OLD.case_id)
            ON CONFLICT DO NOTHING;
        END IF;
        IF TG_OP <> 'DELETE' THEN
          INSERT INTO funding_totals_dirty VALUES (pg_current_xact_id(), NEW.case_id)
            ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION funding_totals_mark_case() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO funding_totals_dirty VALUES (pg_current_xact_id(), NEW.id)
          ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION funding_totals_flush() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ids uuid[];
      BEGIN
        WITH done AS (
          DELETE FROM funding_totals_dirty WHERE xid = pg_current_xact_id() RETURNING case_id
        )
        SELECT array_agg(case_id ORDER BY case_id) INTO ids FROM done;
        IF ids IS NOT NULL THEN
          PERFORM funding_totals_refresh(ids);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER "funding_totals_dirty_flush" AFTER INSERT ON "funding_totals_dirty"
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION funding_totals_flush()`);
    await q.query(`
      CREATE TRIGGER "cases_funding_totals" AFTER INSERT OR UPDATE OF "status", "organisation_unit_id", "estimated_value_cents"
        ON "cases" FOR EACH ROW EXECUTE FUNCTION funding_totals_mark_case()`);
    await q.query(`
      CREATE TRIGGER "case_domains_funding_totals" AFTER INSERT OR UPDATE OR DELETE
        ON "case_domains" FOR EACH ROW EXECUTE FUNCTION funding_totals_mark()`);
    await q.query(`
      CREATE TRIGGER "funding_entries_funding_totals" AFTER INSERT
        ON "funding_entries" FOR EACH ROW EXECUTE FUNCTION funding_totals_mark()`);
    await q.query(`
      CREATE TRIGGER "benefit_shares_funding_totals" AFTER INSERT OR UPDATE OF "basis_points" OR DELETE
        ON "benefit_shares" FOR EACH ROW EXECUTE FUNCTION funding_totals_mark()`);
    await q.query(`SELECT funding_totals_rebuild()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "benefit_shares_funding_totals" ON "benefit_shares"`);
    await q.query(`DROP TRIGGER "funding_entries_funding_totals" ON "funding_entries"`);
    await q.query(`DROP TRIGGER "case_domains_funding_totals" ON "case_domains"`);
    await q.query(`DROP TRIGGER "cases_funding_totals" ON "cases"`);
    await q.query(`DROP TABLE "funding_totals_dirty"`);
    await q.query(`DROP FUNCTION funding_totals_flush()`);
    await q.query(`DROP FUNCTION funding_totals_mark_case()`);
    await q.query(`DROP FUNCTION funding_totals_mark()`);
    await q.query(`DROP FUNCTION funding_totals_rebuild()`);
    await q.query(`DROP FUNCTION funding_totals_refresh(uuid[])`);
    await q.query(`DROP FUNCTION funding_case_state(uuid[])`);
    await q.query(`DROP TABLE "funding_flow_totals"`);
    await q.query(`DROP TABLE "funding_domain_totals"`);
    await q.query(`DROP TABLE "funding_case_totals"`);
  }
}

/**
 * What `funding_case_totals` holds for each of the cases, computed from the tables: the cells
 * (every domain the case touches or that has entries, with its balances; nothing pledged on a
 * declined or withdrawn case, ADR 21), the flows (each payer's committed and disbursed money
 * split over the benefit shares in force — without any, the lead domain 100 % (ADR 36) — by the
 * largest remainder,
 * ties to the beneficiary first by code) and each domain's benefit (the committed money flowing
 * to it).
 */
const CASE_STATE_FUNCTION = `
  CREATE FUNCTION funding_case_state(ids uuid[]) RETURNS TABLE (
    case_id uuid, organisation_unit_id uuid, status text, lead_domain text, domains text[],
    open boolean, estimated_value_cents bigint, committed_cents bigint, pledged_cents bigint,
    disbursed_cents bigint, gap_cents bigint, non_paying text[], cells jsonb, flows jsonb
  ) LANGUAGE sql STABLE AS $$
  WITH c AS (
    SELECT c.id, c.organisation_unit_id, c.status, c.estimated_value_cents
      FROM cases c WHERE c.id = ANY(ids)
  ),
  cd AS (SELECT d.case_id, d.domain_code, d.role FROM case_domains d WHERE d.case_id = ANY(ids)),
  bal AS (
    SELECT f.case_id, f.domain_code,
           SUM(CASE f.kind WHEN 'pledge' THEN f.amount_cents
                           WHEN 'commit' THEN -f.pledge_converted_cents
                           WHEN 'release' THEN CASE f.release_from WHEN 'pledge' THEN -f.amount_cents ELSE 0 END
                           ELSE 0 END)::bigint AS pledged,
           SUM(CASE f.kind WHEN 'commit' THEN f.amount_cents
                           WHEN 'release' THEN CASE f.release_from WHEN 'commitment' THEN -f.amount_cents ELSE 0 END
                           ELSE 0 END)::bigint AS committed,
           SUM(CASE f.kind WHEN 'disburse' THEN f.amount_cents ELSE 0 END)::bigint AS disbursed
      FROM funding_entries f WHERE f.case_id = ANY(ids)
     GROUP BY f.case_id, f.domain_code
  ),
  cell AS (
    SELECT c.id AS case_id, COALESCE(cd.domain_code, bal.domain_code) AS domain, cd.role,
           CASE WHEN c.status IN ('declined', 'withdrawn') THEN 0
                ELSE COALESCE(bal.pledged, 0) END AS pledged,
           COALESCE(bal.committed, 0) AS committed, COALESCE(bal.disbursed, 0) AS disbursed
      FROM c JOIN (cd FULL JOIN bal ON bal.case_id = cd.case_id AND bal.domain_code = cd.domain_code)
        ON c.id = COALESCE(cd.case_id, bal.case_id)
  ),
  share AS (
    SELECT b.case_id, b.domain_code, b.basis_points::bigint AS bp
      FROM benefit_shares b WHERE b.case_id = ANY(ids) AND b.basis_points > 0
    UNION ALL
    SELECT cd.case_id, cd.domain_code, 10000::bigint FROM cd
     WHERE cd.role = 'lead' AND NOT EXISTS (SELECT 1 FROM benefit_shares b WHERE b.case_id = cd.case_id)
  ),
  part AS (
    SELECT p.case_id, p.domain AS payer, s.domain_code AS beneficiary, p.committed, p.disbursed,
           (p.committed * s.bp) / 10000 AS c_floor, (p.committed * s.bp) % 10000 AS c_rem,
           (p.disbursed * s.bp) / 10000 AS d_floor, (p.disbursed * s.bp) % 10000 AS d_rem
      FROM cell p JOIN share s ON s.case_id = p.case_id
     WHERE p.committed <> 0 OR p.disbursed <> 0
  ),
  flow AS (
    SELECT part.case_id, part.payer, part.beneficiary,
           (c_floor + CASE WHEN row_number() OVER (PARTITION BY part.case_id, part.payer ORDER BY c_rem DESC, part.beneficiary)
                                <= part.committed - sum(c_floor) OVER (PARTITION BY part.case_id, part.payer)
                           THEN 1 ELSE 0 END)::bigint AS committed,
           (d_floor + CASE WHEN row_number() OVER (PARTITION BY part.case_id, part.payer ORDER BY d_rem DESC, part.beneficiary)
                                <= part.disbursed - sum(d_floor) OVER (PARTITION BY part.case_id, part.payer)
                           THEN 1 ELSE 0 END)::bigint AS disbursed
      FROM part
  ),
  benefit AS (
    SELECT flow.case_id, flow.beneficiary AS domain, SUM(flow.committed)::bigint AS benefit
      FROM flow GROUP BY flow.case_id, flow.beneficiary
  ),
  agg AS (
    SELECT cell.case_id,
           SUM(cell.committed)::bigint AS committed, SUM(cell.pledged)::bigint AS pledged,
           SUM(cell.disbursed)::bigint AS disbursed,
           max(cell.domain) FILTER (WHERE cell.role = 'lead') AS lead,
           array_agg(cell.domain ORDER BY cell.domain) FILTER (WHERE cell.role IS NOT NULL) AS domains,
           array_agg(cell.domain ORDER BY cell.domain)
             FILTER (WHERE cell.role IS NOT NULL AND cell.committed <= 0 AND cell.pledged <= 0) AS non_paying,
           jsonb_agg(jsonb_build_object('domain', cell.domain, 'role', cell.role,
                                        'pledged', cell.pledged, 'committed', cell.committed,
                                        'disbursed', cell.disbursed,
                                        'benefit', COALESCE(benefit.benefit, 0))
                     ORDER BY cell.domain) AS cells
      FROM cell LEFT JOIN benefit ON benefit.case_id = cell.case_id AND benefit.domain = cell.domain
     GROUP BY cell.case_id
  ),
  fagg AS (
    SELECT flow.case_id,
           jsonb_agg(jsonb_build_object('payer', flow.payer, 'beneficiary', flow.beneficiary,
                                        'committed', flow.committed, 'disbursed', flow.disbursed)
                     ORDER BY flow.payer, flow.beneficiary) AS flows
      FROM flow WHERE flow.committed <> 0 OR flow.disbursed <> 0
     GROUP BY flow.case_id
  )
  SELECT c.id, c.organisation_unit_id, c.status, agg.lead, COALESCE(agg.domains, '{}'),
         c.status NOT IN ('resolved', 'declined', 'withdrawn'), c.estimated_value_cents,
         COALESCE(agg.committed, 0), COALESCE(agg.pledged, 0), COALESCE(agg.disbursed, 0),
         c.estimated_value_cents - COALESCE(agg.committed, 0), COALESCE(agg.non_paying, '{}'),
         COALESCE(agg.cells, '[]'), COALESCE(fagg.flows, '[]')
    FROM c LEFT JOIN agg ON agg.case_id = c.id LEFT JOIN fagg ON fagg.case_id = c.id
  $$`;

/**
 * Brings the totals of the cases up to date: locks their stored rows (in id order), computes
 * them anew, and adds new minus stored to the domain and flow totals — per unit and over every
 * unit, keys in one fixed order, rows that would not change left alone — then stores the new.
 */
const REFRESH_FUNCTION = `
  CREATE FUNCTION funding_totals_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM 1 FROM funding_case_totals WHERE case_id = ANY(ids) ORDER BY case_id FOR UPDATE;
    WITH fresh AS (SELECT * FROM funding_case_state(ids)),
    stored AS (SELECT * FROM funding_case_totals WHERE case_id = ANY(ids)),
    signed AS (
      SELECT 1 AS sign, f.organisation_unit_id, f.status, f.lead_domain, f.domains, f.cells, f.flows FROM fresh f
      UNION ALL
      SELECT -1, s.organisation_unit_id, s.status, s.lead_domain, s.domains, s.cells, s.flows FROM stored s
    ),
    scoped AS (
      SELECT signed.*, scope.unit_id
        FROM signed CROSS JOIN LATERAL (VALUES (signed.organisation_unit_id), (NULL::uuid)) scope(unit_id)
    ),
    cell_delta AS (
      SELECT unit_id, status, lead_domain, domains, '' AS domain_code, sign AS case_count,
             0 AS cell_count, 0 AS touched, 0 AS paying, 0 AS non_paying, 0::bigint AS committed, 0::bigint AS pledged,
             0::bigint AS disbursed, 0::bigint AS benefit
        FROM scoped
      UNION ALL
      SELECT scoped.unit_id, scoped.status, scoped.lead_domain, scoped.domains, e.domain, 0, sign,
             sign * (e.role IS NOT NULL)::int,
             sign * (e.committed > 0 OR e.pledged > 0)::int,
             sign * (e.role IS NOT NULL AND NOT (e.committed > 0 OR e.pledged > 0))::int,
             sign * e.committed, sign * e.pledged, sign * e.disbursed, sign * e.benefit
        FROM scoped CROSS JOIN LATERAL jsonb_to_recordset(scoped.cells)
             AS e(domain text, role text, pledged bigint, committed bigint, disbursed bigint, benefit bigint)
    ),
    cell_sum AS (
      SELECT unit_id, status, lead_domain, domains, domain_code,
             SUM(case_count) AS case_count, SUM(cell_count) AS cell_count, SUM(touched) AS touched, SUM(paying) AS paying,
             SUM(non_paying) AS non_paying, SUM(committed) AS committed, SUM(pledged) AS pledged,
             SUM(disbursed) AS disbursed, SUM(benefit) AS benefit
        FROM cell_delta
       GROUP BY unit_id, status, lead_domain, domains, domain_code
      HAVING SUM(case_count) <> 0 OR SUM(cell_count) <> 0 OR SUM(touched) <> 0 OR SUM(paying) <> 0 OR SUM(non_paying) <> 0
          OR SUM(committed) <> 0 OR SUM(pledged) <> 0 OR SUM(disbursed) <> 0 OR SUM(benefit) <> 0
    ),
    cell_up AS (
      INSERT INTO funding_domain_totals AS t (unit_id, status, lead_domain, domains, domain_code,
             case_count, cell_count, touched_cases, paying_cases, non_paying_cases, committed_cents,
             pledged_cents, disbursed_cents, benefit_cents)
      SELECT * FROM cell_sum
       ORDER BY unit_id NULLS FIRST, status, lead_domain NULLS FIRST, domains, domain_code
      ON CONFLICT (unit_id, status, lead_domain, domains, domain_code) DO UPDATE SET
        case_count = t.case_count + EXCLUDED.case_count,
        cell_count = t.cell_count + EXCLUDED.cell_count,
        touched_cases = t.touched_cases + EXCLUDED.touched_cases,
        paying_cases = t.paying_cases + EXCLUDED.paying_cases,
        non_paying_cases = t.non_paying_cases + EXCLUDED.non_paying_cases,
        committed_cents = t.committed_cents + EXCLUDED.committed_cents,
        pledged_cents = t.pledged_cents + EXCLUDED.pledged_cents,
        disbursed_cents = t.disbursed_cents + EXCLUDED.disbursed_cents,
        benefit_cents = t.benefit_cents + EXCLUDED.benefit_cents
    ),
    flow_sum AS (
      SELECT scoped.unit_id, scoped.status, scoped.domains, e.payer, e.beneficiary,
             SUM(sign * e.committed) AS committed, SUM(sign * e.disbursed) AS disbursed
        FROM scoped CROSS JOIN LATERAL jsonb_to_recordset(scoped.flows)
             AS e(payer text, beneficiary text, committed bigint, disbursed bigint)
       GROUP BY scoped.unit_id, scoped.status, scoped.domains, e.payer, e.beneficiary
      HAVING SUM(sign * e.committed) <> 0 OR SUM(sign * e.disbursed) <> 0
    ),
    flow_up AS (
      INSERT INTO funding_flow_totals AS t (unit_id, status, domains, payer, beneficiary,
             committed_cents, disbursed_cents)
      SELECT * FROM flow_sum
       ORDER BY unit_id NULLS FIRST, status, domains, payer, beneficiary
      ON CONFLICT (unit_id, status, domains, payer, beneficiary) DO UPDATE SET
        committed_cents = t.committed_cents + EXCLUDED.committed_cents,
        disbursed_cents = t.disbursed_cents + EXCLUDED.disbursed_cents
    )
    INSERT INTO funding_case_totals AS t SELECT * FROM fresh ORDER BY case_id
    ON CONFLICT (case_id) DO UPDATE SET
      organisation_unit_id = EXCLUDED.organisation_unit_id, status = EXCLUDED.status,
      lead_domain = EXCLUDED.lead_domain, domains = EXCLUDED.domains, open = EXCLUDED.open,
      estimated_value_cents = EXCLUDED.estimated_value_cents,
      committed_cents = EXCLUDED.committed_cents, pledged_cents = EXCLUDED.pledged_cents,
      disbursed_cents = EXCLUDED.disbursed_cents, gap_cents = EXCLUDED.gap_cents,
      non_paying = EXCLUDED.non_paying, cells = EXCLUDED.cells, flows = EXCLUDED.flows;
  END $$`;
