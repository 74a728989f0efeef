import { CLOSED_FOR_FUNDING } from './ledger-calculator';

/**
 * How balances are derived from entries, in SQL: plain sums per (case, domain), never stored
 * and never computed by reading and rewriting a number (ADR 9). `f` is funding_entries.
 */

/** What one entry adds to each balance (negative: takes away). */
const PLEDGED_DELTA = `CASE f.kind
    WHEN 'pledge' THEN f.amount_cents
    WHEN 'commit' THEN -f.pledge_converted_cents
    WHEN 'release' THEN CASE f.release_from WHEN 'pledge' THEN -f.amount_cents ELSE 0 END
    ELSE 0 END`;
const COMMITTED_DELTA = `CASE f.kind
    WHEN 'commit' THEN f.amount_cents
    WHEN 'release' THEN CASE f.release_from WHEN 'commitment' THEN -f.amount_cents ELSE 0 END
    ELSE 0 END`;
const DISBURSED_DELTA = `CASE f.kind WHEN 'disburse' THEN f.amount_cents ELSE 0 END`;

/** The statuses of a case closed for funding, as SQL literals (fixed text, no input). */
const CLOSED_FOR_FUNDING_SQL = CLOSED_FOR_FUNDING.map((s) => `'${s}'`).join(', ');

/**
 * The three balances of a group of entries. Sums of bigint are numeric in PostgreSQL; cast
 * back, so that pg hands over integer text.
 */
export const BALANCE_SUMS = `
  COALESCE(SUM(${PLEDGED_DELTA}), 0)::bigint AS pledged_cents,
  COALESCE(SUM(${COMMITTED_DELTA}), 0)::bigint AS committed_cents,
  COALESCE(SUM(${DISBURSED_DELTA}), 0)::bigint AS disbursed_cents`;

/**
 * The cells of a set of cases, as CTEs to follow `WITH sel AS NOT MATERIALIZED (…)` (the
 * selected cases, with `id` and `status` columns; inlined, so the planner sees the cases table
 * and its statistics): one row per (case, domain) that the case touches or that has entries,
 * with the domain's role (null for a domain removed from the case after money was recorded for
 * it, which keeps its money in view), its balances and whether it pays. One aggregation over the
 * case domains and the entries together. A declined or withdrawn case has nothing pledged
 * (ADR 21: Brug releases its pledges when it closes; one left from before is not counted).
 */
export const CELLS_CTE = `
  cell_sums AS (
    SELECT x.case_id, x.domain_code, max(x.role) AS role,
           SUM(x.pledged)::bigint AS pledged_cents,
           SUM(x.committed)::bigint AS committed_cents,
           SUM(x.disbursed)::bigint AS disbursed_cents
      FROM (
        SELECT cd.case_id, cd.domain_code, cd.role,
               0::bigint AS pledged, 0::bigint AS committed, 0::bigint AS disbursed
          FROM case_domains cd JOIN sel ON sel.id = cd.case_id
        UNION ALL
        SELECT f.case_id, f.domain_code, NULL,
               CASE WHEN sel.status IN (${CLOSED_FOR_FUNDING_SQL}) THEN 0 ELSE ${PLEDGED_DELTA} END,
               ${COMMITTED_DELTA}, ${DISBURSED_DELTA}
          FROM funding_entries f JOIN sel ON sel.id = f.case_id
      ) x
     GROUP BY x.case_id, x.domain_code
  ),
  cells AS (
    SELECT s.*, (s.committed_cents > 0 OR s.pledged_cents > 0) AS paying FROM cell_sums s
  )`;

/** bigint and numeric come back from pg as text; money stays far below 2^53. */
export const num = (value: string | number | null | undefined): number =>
  value === null || value === undefined ? 0 : Number(value);

/**
 * The benefit shares in force of every case (issue 18, ADR 36), as a subquery with the columns
 * `case_id`, `domain_code`, `basis_points`: the rows of `benefit_shares`, and for a case without
 * any (nobody set them) its lead domain with 10,000 (100 %). The shares of a case add up to
 * 10,000. Join it to a selection of cases on `case_id`; the planner walks
 * `benefit_shares_pkey` and `case_domains_one_lead` for a case.
 */
export const SHARES_IN_FORCE = `(
  SELECT b.case_id, b.domain_code, b.basis_points FROM benefit_shares b
  UNION ALL
  SELECT cd.case_id, cd.domain_code, 10000 FROM case_domains cd
   WHERE cd.role = 'lead'
     AND NOT EXISTS (SELECT 1 FROM benefit_shares b WHERE b.case_id = cd.case_id)
)`;
