import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/roles';
import { Params, visibleTo } from '../cases/case-access';
import { CaseReader } from '../cases/case-reader';
import {
  CLOSED_STATUSES,
  COMMONS_SUPPLIER_TYPES,
  SUPPLIER_TYPES,
  type CaseStatus,
  type DomainRole,
  type SupplierType,
} from '../cases/case-transitions';
import { CursorCodec } from '../common/cursor';
import { InvalidCursor } from '../common/errors';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { FundingEntryDto, FundingEntryListDto } from './dto/funding-entry.dto';
import type {
  FundingDomainMatrixQuery,
  FundingGapsQuery,
  FundingMatrixQuery,
} from './dto/funding-queries.dto';
import {
  PIPELINE_STATUSES,
  type CaseFundingDto,
  type CommonsShareDto,
  type FundingDomainCellDto,
  type FundingDomainMatrixDto,
  type FundingDomainTotalsDto,
  type FundingGapListDto,
  type FundingMatrixDto,
  type PipelineStatus,
  type PipelineStatusDto,
  type SupplierTypeShareDto,
} from './dto/funding-views.dto';
import type { EntryReason, FundingKind, ReleaseFrom } from './entities/funding-entry.entity';
import { caseFilters, filedAfter, type FiledPosition } from '../cases/case-filters';
import { FundingLedger } from './funding-ledger';
import { FundingEntryNotFound } from './funding.errors';
import { CLOSED_FOR_FUNDING, isPaying } from './ledger-calculator';
import { matrixCsvHeader, matrixCsvRow } from './matrix-csv';
import { CELLS_CTE, num } from './ledger-sql';

/** The 35%-in-common-hands aim of the Publiek-Civiele route. */
export const COMMONS_TARGET = { target: 0.35, targetYear: 2035 } as const;

/** The JSON matrix holds the rows of at most this many cases, the newest (the CSV has them all). */
export const MATRIX_ROW_LIMIT = 1000;
/** Cases per query while the CSV streams. */
const MATRIX_CSV_PAGE = 5000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ENTRY_COLUMNS = `id, seq, domain_code, kind, release_from, amount_cents, pledge_converted_cents,
  budget_line, note, reason, actor_id, actor_name, actor_role, recorded_at`;

interface EntryRow {
  id: string;
  seq: string;
  domain_code: string;
  kind: FundingKind;
  release_from: ReleaseFrom | null;
  amount_cents: string;
  pledge_converted_cents: string;
  budget_line: string | null;
  note: string | null;
  reason: EntryReason | null;
  actor_id: string | null;
  actor_name: string;
  actor_role: string;
  recorded_at: Date;
}

const toEntryDto = (r: EntryRow, caseId: string): FundingEntryDto => ({
  id: r.id,
  seq: num(r.seq),
  caseId,
  domainCode: r.domain_code,
  kind: r.kind,
  releaseFrom: r.release_from,
  amountCents: num(r.amount_cents),
  pledgeConvertedCents: num(r.pledge_converted_cents),
  budgetLine: r.budget_line,
  note: r.note,
  reason: r.reason,
  actor: { id: r.actor_id, name: r.actor_name, role: r.actor_role },
  recordedAt: r.recorded_at.toISOString(),
});

/**
 * The funding views. Each is one SQL aggregation over the ledger (no query per case or per
 * domain), over the cases the caller may see. Reads only: cases' tables are read, never written.
 */
@Injectable()
export class FundingReader {
  private readonly cursors: CursorCodec;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CaseReader,
    private readonly ledger: FundingLedger,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cursors = new CursorCodec(config.jwtSecret);
  }

  async caseFunding(actor: Actor, idOrReference: string): Promise<CaseFundingDto> {
    const row = await this.cases.findVisible(this.db.manager, actor, idOrReference);
    const balances = await this.ledger.balancesOf(this.db.manager, row.id);
    // A declined or withdrawn case has no pledges in view (ADR 21): Brug released them when it
    // closed; a pledge left open from before that rule is not counted either.
    const closed = CLOSED_FOR_FUNDING.includes(row.status);
    const byDomain = closed ? balances.map((b) => ({ ...b, pledgedCents: 0 })) : balances;
    const total = (pick: (b: (typeof byDomain)[number]) => number) =>
      byDomain.reduce((sum, b) => sum + pick(b), 0);
    const estimatedValueCents = num(row.estimated_value_cents);
    const committedCents = total((b) => b.committedCents);
    return {
      caseId: row.id,
      reference: row.reference,
      estimatedValueCents,
      committedCents,
      pledgedCents: total((b) => b.pledgedCents),
      disbursedCents: total((b) => b.disbursedCents),
      gapCents: estimatedValueCents - committedCents,
      byDomain,
      nonPayingDomains: byDomain
        .filter((b) => b.role !== null && !isPaying(b))
        .map((b) => b.domainCode),
    };
  }

  async entries(actor: Actor, idOrReference: string): Promise<FundingEntryListDto> {
    const caseId = await this.cases.visibleId(actor, idOrReference);
    const rows = await this.db.query<EntryRow[]>(
      `SELECT ${ENTRY_COLUMNS} FROM funding_entries WHERE case_id = $1 ORDER BY seq`,
      [caseId],
    );
    return { items: rows.map((r) => toEntryDto(r, caseId)) };
  }

  async entry(actor: Actor, idOrReference: string, entryId: string): Promise<FundingEntryDto> {
    const caseId = await this.cases.visibleId(actor, idOrReference);
    const [row] = await this.db.query<EntryRow[]>(
      `SELECT ${ENTRY_COLUMNS} FROM funding_entries WHERE case_id = $1 AND id = $2`,
      [caseId, entryId],
    );
    if (!row) throw new FundingEntryNotFound(entryId);
    return toEntryDto(row, caseId);
  }

  /**
   * Cases × domains over every case the filters select: the totals per domain and the number of
   * cases, and the rows of a page of cases counted from the newest (by default the newest
   * MATRIX_ROW_LIMIT; listed oldest filed first), so that the answer stays the same size however
   * many cases the years bring. The CSV has every row.
   */
  async matrix(actor: Actor, query: FundingMatrixQuery): Promise<FundingMatrixDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? MATRIX_ROW_LIMIT;
    const [summary, rows] = await Promise.all([
      this.matrixSummary(actor, query),
      this.matrixRows(actor, query, { newest: pageSize, skip: (page - 1) * pageSize }),
    ]);
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
    const p = new Params();
    const filters = caseFilters(actor, p, query);
    const rows = await this.db.query<
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
    const totals: Record<string, FundingDomainTotalsDto> = {};
    const domains = new Set<string>();
    for (const r of rows) {
      if (r.kind === 'count' || r.domain_code === null) {
        caseCount = r.touched_cases;
        continue;
      }
      const cell: FundingDomainCellDto = {
        leadDomain: r.lead_domain,
        domain: r.domain_code,
        touchedCases: r.touched_cases,
        payingCases: r.paying_cases,
        nonPayingCases: r.non_paying_cases,
        committedCents: num(r.committed_cents),
        pledgedCents: num(r.pledged_cents),
        disbursedCents: num(r.disbursed_cents),
      };
      cells.push(cell);
      domains.add(r.domain_code);
      if (r.lead_domain !== null) domains.add(r.lead_domain);
      const total = (totals[r.domain_code] ??= {
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

  /**
   * The matrix as RFC 4180 CSV, every selected case: the header, then the rows a page at a time
   * (keyset on filed time and id), so memory stays flat however long the list.
   */
  async *matrixCsv(actor: Actor, query: FundingMatrixQuery): AsyncGenerator<string> {
    const { domains } = await this.matrixSummary(actor, query);
    yield matrixCsvHeader(domains);
    let after: FiledPosition | undefined;
    for (;;) {
      const rows = await this.matrixRows(actor, query, { after, page: MATRIX_CSV_PAGE });
      if (rows.length) yield rows.map((row) => matrixCsvRow(domains, row)).join('');
      if (rows.length < MATRIX_CSV_PAGE) return;
      after = rows[rows.length - 1]!.position;
    }
  }

  /** The domains of the columns, the totals per domain and the number of selected cases. */
  private async matrixSummary(
    actor: Actor,
    query: FundingMatrixQuery,
  ): Promise<Pick<FundingMatrixDto, 'domains' | 'totals' | 'caseCount'>> {
    const p = new Params();
    const filters = caseFilters(actor, p, query);
    // The selection inlined (NOT MATERIALIZED): the planner then joins with the statistics of
    // `cases` (see docs/funding.md); a page of rows below is materialised, being small.
    const rows = await this.db.query<
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
    const cells = await this.db.query<
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
      `WITH sel AS MATERIALIZED (
         SELECT c.id, c.status, c.reference, c.title, c.filed_at FROM cases c
          WHERE ${where} ${order}
       ), ${CELLS_CTE}
       SELECT cells.case_id, sel.reference, sel.title, sel.filed_at::text AS filed_at,
              cells.domain_code, cells.role, cells.committed_cents, cells.pledged_cents,
              cells.disbursed_cents
         FROM cells JOIN sel ON sel.id = cells.case_id
        ORDER BY sel.filed_at, cells.case_id, cells.domain_code`,
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

  async gaps(actor: Actor, query: FundingGapsQuery): Promise<FundingGapListDto> {
    const scope = `funding-gaps:${actor.id}:${query.domain ?? ''}`;
    const p = new Params();
    const where = [visibleTo(actor, p), `c.status <> ALL(${p.add(CLOSED_STATUSES)}::text[])`];
    if (query.domain) {
      where.push(
        `EXISTS (SELECT 1 FROM case_domains fd WHERE fd.case_id = c.id AND fd.domain_code = ${p.add(query.domain)})`,
      );
    }
    let after = '';
    if (query.cursor) {
      const position = this.cursors.decode(query.cursor, scope);
      const [gap, id] = position;
      if (position.length !== 2 || typeof gap !== 'string' || !/^-?\d{1,20}$/.test(gap)) {
        throw new InvalidCursor();
      }
      if (typeof id !== 'string' || !UUID.test(id)) throw new InvalidCursor();
      after = `AND (g.gap_cents, g.id) < (${p.add(gap)}::bigint, ${p.add(id)}::uuid)`;
    }
    const pageSize = query.pageSize ?? 100;
    const rows = await this.db.query<
      {
        id: string;
        reference: string;
        title: string;
        status: CaseStatus;
        estimated_value_cents: string;
        committed_cents: string;
        pledged_cents: string;
        gap_cents: string;
        non_paying: string[];
      }[]
    >(
      `WITH sel AS NOT MATERIALIZED (
         SELECT c.id, c.reference, c.title, c.status, c.estimated_value_cents
           FROM cases c WHERE ${where.join(' AND ')}
       ), ${CELLS_CTE},
       g AS (
         SELECT sel.id, sel.reference, sel.title, sel.status, sel.estimated_value_cents,
                SUM(cells.committed_cents)::bigint AS committed_cents,
                SUM(cells.pledged_cents)::bigint AS pledged_cents,
                (sel.estimated_value_cents - SUM(cells.committed_cents))::bigint AS gap_cents,
                COALESCE(array_agg(cells.domain_code ORDER BY cells.domain_code)
                  FILTER (WHERE cells.role IS NOT NULL AND NOT cells.paying), '{}') AS non_paying
           FROM sel JOIN cells ON cells.case_id = sel.id
          GROUP BY sel.id, sel.reference, sel.title, sel.status, sel.estimated_value_cents
       )
       SELECT * FROM g
        WHERE (g.gap_cents > 0 OR cardinality(g.non_paying) > 0) ${after}
        ORDER BY g.gap_cents DESC, g.id DESC
        LIMIT ${pageSize + 1}`,
      p.values,
    );
    const page = rows.slice(0, pageSize);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        caseId: r.id,
        reference: r.reference,
        title: r.title,
        status: r.status,
        estimatedValueCents: num(r.estimated_value_cents),
        committedCents: num(r.committed_cents),
        pledgedCents: num(r.pledged_cents),
        gapCents: num(r.gap_cents),
        nonPayingDomains: r.non_paying,
      })),
      nextCursor:
        rows.length > pageSize && last
          ? this.cursors.encode([last.gap_cents, last.id], scope)
          : null,
    };
  }

  /**
   * The awarded value of the cases resolved in a year (Amsterdam time), per supplier type, with
   * the number of cases behind it, and beside it the cases on their way to an award now.
   */
  async commonsShare(actor: Actor, year: number | undefined): Promise<CommonsShareDto> {
    const y =
      year ??
      Number(
        new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(
          new Date(),
        ),
      );
    const p = new Params();
    const yearParam = p.add(y);
    const pipelineParam = p.add(PIPELINE_STATUSES);
    // One statement: the resolved cases of the year per supplier type, and the pipeline per
    // status (`kind` tells them apart).
    const rows = await this.db.query<
      { kind: 'resolved' | 'pipeline'; key: string; cases: number; value: string }[]
    >(
      `SELECT 'resolved' AS kind, c.outcome_supplier_type AS key, count(*)::int AS cases,
              COALESCE(SUM(c.outcome_awarded_value_cents), 0)::bigint AS value
         FROM cases c
        WHERE c.status = 'resolved'
          AND c.closed_at >= make_timestamptz(${yearParam}::int, 1, 1, 0, 0, 0, 'Europe/Amsterdam')
          AND c.closed_at < make_timestamptz(${yearParam}::int + 1, 1, 1, 0, 0, 0, 'Europe/Amsterdam')
          AND ${visibleTo(actor, p)}
        GROUP BY c.outcome_supplier_type
       UNION ALL
       SELECT 'pipeline', c.status, count(*)::int, COALESCE(SUM(c.estimated_value_cents), 0)::bigint
         FROM cases c
        WHERE c.status = ANY(${pipelineParam}::text[]) AND ${visibleTo(actor, p)}
        GROUP BY c.status`,
      p.values,
    );
    const resolved = rows.filter((r) => r.kind === 'resolved');
    const pipeline = rows.filter((r) => r.kind === 'pipeline');
    const bySupplierType = Object.fromEntries(
      SUPPLIER_TYPES.map((type): [SupplierType, SupplierTypeShareDto] => {
        const row = resolved.find((r) => r.key === type);
        return [
          type,
          {
            cases: row?.cases ?? 0,
            awardedValueCents: num(row?.value),
            commons: COMMONS_SUPPLIER_TYPES.includes(type),
          },
        ];
      }),
    ) as Record<SupplierType, SupplierTypeShareDto>;
    const shares = Object.values(bySupplierType);
    const awardedValueCents = shares.reduce((s, t) => s + t.awardedValueCents, 0);
    const commonsValueCents = shares
      .filter((t) => t.commons)
      .reduce((s, t) => s + t.awardedValueCents, 0);
    const byStatus = Object.fromEntries(
      PIPELINE_STATUSES.map((status): [PipelineStatus, PipelineStatusDto] => {
        const row = pipeline.find((r) => r.key === status);
        return [status, { cases: row?.cases ?? 0, estimatedValueCents: num(row?.value) }];
      }),
    ) as Record<PipelineStatus, PipelineStatusDto>;
    const inPipeline = Object.values(byStatus);
    return {
      year: y,
      resolvedCases: shares.reduce((s, t) => s + t.cases, 0),
      commonsCases: shares.filter((t) => t.commons).reduce((s, t) => s + t.cases, 0),
      awardedValueCents,
      commonsValueCents,
      commonsShare: awardedValueCents === 0 ? 0 : commonsValueCents / awardedValueCents,
      ...COMMONS_TARGET,
      bySupplierType,
      pipeline: {
        cases: inPipeline.reduce((s, t) => s + t.cases, 0),
        estimatedValueCents: inPipeline.reduce((s, t) => s + t.estimatedValueCents, 0),
        byStatus,
      },
    };
  }
}
