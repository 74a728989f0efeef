import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ReadReplica } from '../database/read-replica';
import type { Actor } from '../auth/roles';
import { Params } from '../cases/case-access';
import { type DomainRole } from '../cases/case-transitions';
import type { FundingDomainMatrixQuery, FundingMatrixQuery } from './dto/funding-queries.dto';
import {
  type FundingDomainCellDto,
  type FundingDomainMatrixDto,
  type FundingDomainTotalsDto,
  type FundingMatrixDto,
} from './dto/funding-views.dto';
import { caseFilters, filedAfter, type FiledPosition } from '../cases/case-filters';
import { matrixCsvHeader, matrixCsvRow } from './matrix-csv';
import { CELLS_CTE, num } from './ledger-sql';
import { answeredByTotals, FundingTotalsReader } from './funding-totals-reader';

/** The JSON matrix holds the rows of at most this many cases, the newest (the CSV has them all). */
export const MATRIX_ROW_LIMIT = 1000;
/** Cases per query while the CSV streams. */
const MATRIX_CSV_PAGE = 5000;

/**
 * The funding matrix (cases by domain, JSON and CSV) and the matrix per domain, over the cases
 * the caller may see: from the kept totals (ADR 37) — the rows from each case's kept cells, the
 * summaries from the kept sums — and, for a filing period, the summaries by one SQL aggregation
 * over the ledger. Reads only.
 */
@Injectable()
export class FundingMatrixReader {
  constructor(
    private readonly totals: FundingTotalsReader,
    private readonly replica: ReadReplica,
  ) {}

  /**
   * Cases × domains over every case the filters select: the totals per domain and the number of
   * cases, and the rows of a page of cases counted from the newest (by default the newest
   * MATRIX_ROW_LIMIT; listed oldest filed first), so that the answer stays the same size however
   * many cases the years bring. The CSV has every row.
   */
  async matrix(actor: Actor, query: FundingMatrixQuery): Promise<FundingMatrixDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? MATRIX_ROW_LIMIT;
    // Both from one source (the replica when it serves this reader, ADR 42), so they agree.
    const [summary, rows] = await this.replica.read(actor, (db) =>
      Promise.all([
        this.matrixSummary(db, actor, query),
        this.matrixRows(db, actor, query, { newest: pageSize, skip: (page - 1) * pageSize }),
      ]),
    );
    return {
      domains: summary.domains,
      rows: rows.map(({ position: _position, ...row }) => row),
      totals: summary.totals,
      caseCount: summary.caseCount,
      truncated: summary.caseCount > rows.length,
      page,
      pageSize,
    };
  }

  /**
   * Domains against domains over every selected case: per (lead domain of the case, domain it
   * touches or that funds it) the money and the number of cases. One aggregation over the
   * cells of the selected cases, with each case's lead found through the unique partial index
   * on case_domains; the answer has at most (domains + 1)² cells however many cases there are.
   */
  async domainMatrix(
    actor: Actor,
    query: FundingDomainMatrixQuery,
  ): Promise<FundingDomainMatrixDto> {
    const { cells, caseCount } = await this.replica.read(actor, (db) =>
      answeredByTotals(query)
        ? this.totals.domainCells(db, actor, query)
        : this.domainCellsCounted(db, actor, query),
    );
    const totals: Record<string, FundingDomainTotalsDto> = {};
    const domains = new Set<string>();
    for (const cell of cells) {
      domains.add(cell.domain);
      if (cell.leadDomain !== null) domains.add(cell.leadDomain);
      const total = (totals[cell.domain] ??= {
        touchedCases: 0,
        payingCases: 0,
        nonPayingCases: 0,
        committedCents: 0,
        pledgedCents: 0,
        disbursedCents: 0,
      });
      total.touchedCases += cell.touchedCases;
      total.payingCases += cell.payingCases;
      total.nonPayingCases += cell.nonPayingCases;
      total.committedCents += cell.committedCents;
      total.pledgedCents += cell.pledgedCents;
      total.disbursedCents += cell.disbursedCents;
    }
    const byCode = (a: string | null, b: string | null) =>
      a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;
    cells.sort((a, b) => byCode(a.leadDomain, b.leadDomain) || byCode(a.domain, b.domain));
    return { domains: [...domains].sort(), cells, totals, caseCount };
  }

  /** The cells of the matrix per domain counted from the ledger (a filing period was asked). */
  private async domainCellsCounted(
    db: DataSource,
    actor: Actor,
    query: FundingDomainMatrixQuery,
  ): Promise<{ cells: FundingDomainCellDto[]; caseCount: number }> {
    const p = new Params();
    const filters = caseFilters(actor, p, query);
    const rows = await db.query<
      {
        kind: 'cell' | 'count';
        lead_domain: string | null;
        domain_code: string | null;
        committed_cents: string;
        pledged_cents: string;
        disbursed_cents: string;
        touched_cases: number;
        paying_cases: number;
        non_paying_cases: number;
      }[]
    >(
      `WITH sel AS NOT MATERIALIZED (SELECT c.id, c.status FROM cases c WHERE ${filters}), ${CELLS_CTE}
       SELECT 'cell' AS kind, lead.domain_code AS lead_domain, cells.domain_code,
              SUM(cells.committed_cents)::bigint AS committed_cents,
              SUM(cells.pledged_cents)::bigint AS pledged_cents,
              SUM(cells.disbursed_cents)::bigint AS disbursed_cents,
              (count(*) FILTER (WHERE cells.role IS NOT NULL))::int AS touched_cases,
              (count(*) FILTER (WHERE cells.paying))::int AS paying_cases,
              (count(*) FILTER (WHERE cells.role IS NOT NULL AND NOT cells.paying))::int
                AS non_paying_cases
         FROM cells
         LEFT JOIN case_domains lead ON lead.case_id = cells.case_id AND lead.role = 'lead'
        GROUP BY lead.domain_code, cells.domain_code
       UNION ALL
       SELECT 'count', NULL, NULL, 0, 0, 0, (SELECT count(*) FROM sel)::int, 0, 0`,
      p.values,
    );
    let caseCount = 0;
    const cells: FundingDomainCellDto[] = [];
    for (const r of rows) {
      if (r.kind === 'count' || r.domain_code === null) {
        caseCount = r.touched_cases;
        continue;
      }
      cells.push({
        leadDomain: r.lead_domain,
        domain: r.domain_code,
        touchedCases: r.touched_cases,
        payingCases: r.paying_cases,
        nonPayingCases: r.non_paying_cases,
        committedCents: num(r.committed_cents),
        pledgedCents: num(r.pledged_cents),
        disbursedCents: num(r.disbursed_cents),
      });
    }
    return { cells, caseCount };
  }

  /**
   * The matrix as RFC 4180 CSV, every selected case: the header, then the rows a page at a time
   * (keyset on filed time and id), so memory stays flat however long the list.
   */
  async *matrixCsv(actor: Actor, query: FundingMatrixQuery): AsyncGenerator<string> {
    // Each query of the stream picks its source (ADR 42): a page is never lost to a replica
    // that stopped halfway, it is read again on the primary.
    const { domains } = await this.replica.read(actor, (db) =>
      this.matrixSummary(db, actor, query),
    );
    yield matrixCsvHeader(domains);
    let after: FiledPosition | undefined;
    for (;;) {
      const rows = await this.replica.read(actor, (db) =>
        this.matrixRows(db, actor, query, { after, page: MATRIX_CSV_PAGE }),
      );
      if (rows.length) yield rows.map((row) => matrixCsvRow(domains, row)).join('');
      if (rows.length < MATRIX_CSV_PAGE) return;
      after = rows[rows.length - 1]!.position;
    }
  }

  /** The domains of the columns, the totals per domain and the number of selected cases. */
  private async matrixSummary(
    db: DataSource,
    actor: Actor,
    query: FundingMatrixQuery,
  ): Promise<Pick<FundingMatrixDto, 'domains' | 'totals' | 'caseCount'>> {
    if (answeredByTotals(query)) return this.totals.matrixSummary(db, actor, query);
    const p = new Params();
    const filters = caseFilters(actor, p, query);
    // The selection inlined (NOT MATERIALIZED): the planner then joins with the statistics of
    // `cases` (see docs/funding.md); a page of rows below is materialised, being small.
    const rows = await db.query<
      {
        domain_code: string | null;
        committed_cents: string;
        pledged_cents: string;
        disbursed_cents: string;
        touched_cases: number;
        paying_cases: number;
      }[]
    >(
      `WITH sel AS NOT MATERIALIZED (SELECT c.id, c.status FROM cases c WHERE ${filters}), ${CELLS_CTE}
       SELECT cells.domain_code,
              SUM(cells.committed_cents)::bigint AS committed_cents,
              SUM(cells.pledged_cents)::bigint AS pledged_cents,
              SUM(cells.disbursed_cents)::bigint AS disbursed_cents,
              (count(*) FILTER (WHERE cells.role IS NOT NULL))::int AS touched_cases,
              (count(*) FILTER (WHERE cells.paying))::int AS paying_cases
         FROM cells GROUP BY cells.domain_code
       UNION ALL
       SELECT NULL, 0, 0, 0, (SELECT count(*) FROM sel)::int, 0`,
      p.values,
    );
    const summary = { domains: [] as string[], totals: {} as FundingMatrixDto['totals'] };
    let caseCount = 0;
    for (const r of rows) {
      if (r.domain_code === null) {
        caseCount = r.touched_cases;
        continue;
      }
      summary.domains.push(r.domain_code);
      summary.totals[r.domain_code] = {
        touchedCases: r.touched_cases,
        payingCases: r.paying_cases,
        committedCents: num(r.committed_cents),
        pledgedCents: num(r.pledged_cents),
        disbursedCents: num(r.disbursed_cents),
      };
    }
    summary.domains.sort();
    return { ...summary, caseCount };
  }

  /**
   * Rows of the matrix, oldest filed first: the `newest` n selected cases (after skipping the
   * `skip` newest), or a `page` of them after a position.
   */
  private async matrixRows(
    db: DataSource,
    actor: Actor,
    query: FundingMatrixQuery,
    take: { newest: number; skip?: number } | { page: number; after?: FiledPosition },
  ): Promise<(FundingMatrixDto['rows'][number] & { position: FiledPosition })[]> {
    const p = new Params();
    let where = caseFilters(actor, p, query);
    let order: string;
    if ('newest' in take) {
      // Whole numbers checked by the query DTO (page ≤ MATRIX_MAX_PAGE): a bounded offset,
      // walked backwards along (filed_at, id).
      order = `ORDER BY c.filed_at DESC, c.id DESC LIMIT ${take.newest} OFFSET ${take.skip ?? 0}`;
    } else {
      if (take.after) {
        where += ` AND ${filedAfter(p, take.after)}`;
      }
      order = `ORDER BY c.filed_at, c.id LIMIT ${take.page}`;
    }
    const cells = await db.query<
      {
        case_id: string;
        reference: string;
        title: string;
        filed_at: string;
        domain_code: string;
        role: DomainRole | null;
        committed_cents: string;
        pledged_cents: string;
        disbursed_cents: string;
      }[]
    >(
      // The page's cells as the kept totals hold them (ADR 37: kept in the transaction of every
      // change, so as current as the ledger), not summed from the ledger on each request.
      `WITH sel AS MATERIALIZED (
         SELECT c.id, c.reference, c.title, c.filed_at FROM cases c
          WHERE ${where} ${order}
       )
       SELECT sel.id AS case_id, sel.reference, sel.title, sel.filed_at::text AS filed_at,
              cell.domain AS domain_code, cell.role, cell.committed AS committed_cents,
              cell.pledged AS pledged_cents, cell.disbursed AS disbursed_cents
         FROM sel JOIN funding_case_totals t ON t.case_id = sel.id
        CROSS JOIN LATERAL jsonb_to_recordset(t.cells)
              AS cell(domain text, role text, pledged bigint, committed bigint, disbursed bigint)
        ORDER BY sel.filed_at, sel.id, cell.domain`,
      p.values,
    );
    const rows: (FundingMatrixDto['rows'][number] & { position: FiledPosition })[] = [];
    let current: (typeof rows)[number] | undefined;
    for (const r of cells) {
      if (current?.caseId !== r.case_id) {
        current = {
          caseId: r.case_id,
          reference: r.reference,
          title: r.title,
          cells: {},
          position: { filedAt: r.filed_at, id: r.case_id },
        };
        rows.push(current);
      }
      current.cells[r.domain_code] = {
        role: r.role,
        committedCents: num(r.committed_cents),
        pledgedCents: num(r.pledged_cents),
        disbursedCents: num(r.disbursed_cents),
      };
    }
    return rows;
  }
}
