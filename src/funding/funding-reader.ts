import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ReadReplica } from '../database/read-replica';
import type { Actor } from '../auth/roles';
import { Params, visibleTo } from '../cases/case-access';
import { caseStratumFilters } from '../cases/case-filters';
import { CaseReader } from '../cases/case-reader';
import {
  COMMONS_SUPPLIER_TYPES,
  SUPPLIER_TYPES,
  type CaseStatus,
  type SupplierType,
} from '../cases/case-transitions';
import { CursorCodec } from '../common/cursor';
import { InvalidCursor } from '../common/errors';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { FundingEntryDto, FundingEntryListDto } from './dto/funding-entry.dto';
import type { FundingGapsQuery } from './dto/funding-queries.dto';
import {
  PIPELINE_STATUSES,
  type CaseFundingDto,
  type CommonsShareDto,
  type FundingGapListDto,
  type PipelineStatus,
  type PipelineStatusDto,
  type SupplierTypeShareDto,
} from './dto/funding-views.dto';
import type { EntryReason, FundingKind, ReleaseFrom } from './entities/funding-entry.entity';
import { withFairShares } from './benefit-calculator';
import { BenefitShares } from './benefit-shares';
import { FundingAsOf, type FundingState } from './funding-as-of';
import { FundingLedger } from './funding-ledger';
import { FundingEntryNotFound } from './funding.errors';
import { CLOSED_FOR_FUNDING, isPaying } from './ledger-calculator';
import { num } from './ledger-sql';

/** The 35%-in-common-hands aim of the Publiek-Civiele route. */
export const COMMONS_TARGET = { target: 0.35, targetYear: 2035 } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ENTRY_COLUMNS = `id, seq, domain_code, kind, release_from, amount_cents, pledge_converted_cents,
  budget_line, note, reason, expires_at, actor_id, actor_name, actor_role, recorded_at`;

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
  expires_at: Date | null;
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
  expiresAt: r.expires_at?.toISOString() ?? null,
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
    private readonly shares: BenefitShares,
    private readonly asOf: FundingAsOf,
    private readonly replica: ReadReplica,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cursors = new CursorCodec(config.jwtSecret);
  }

  async caseFunding(actor: Actor, idOrReference: string, asOf?: string): Promise<CaseFundingDto> {
    const row = await this.cases.findVisible(this.db.manager, actor, idOrReference);
    const state: FundingState = asOf
      ? await this.asOf.state(this.db.manager, row.id, asOf)
      : {
          at: null,
          balances: await this.ledger.balancesOf(this.db.manager, row.id),
          shares: await this.shares.read(this.db.manager, row.id),
          closed: CLOSED_FOR_FUNDING.includes(row.status),
        };
    // A declined or withdrawn case has no pledges in view (ADR 21): Brug released them when it
    // closed; a pledge left open from before that rule is not counted either.
    const byDomain = withFairShares(
      state.closed ? state.balances.map((b) => ({ ...b, pledgedCents: 0 })) : state.balances,
      num(row.estimated_value_cents),
      state.shares,
    );
    const total = (pick: (b: (typeof byDomain.rows)[number]) => number) =>
      byDomain.rows.reduce((sum, b) => sum + pick(b), 0);
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
      costBasisCents: byDomain.costBasisCents,
      costBasis: byDomain.costBasis,
      byDomain: byDomain.rows,
      nonPayingDomains: byDomain.rows
        .filter((b) => b.role !== null && !isPaying(b))
        .map((b) => b.domainCode),
      ...(state.at ? { asOf: state.at } : {}),
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
   * Open cases with a gap or a non-paying domain, largest gap first: a walk along the index of
   * the totals kept per case (ADR 37), with the case list's visibility and domain filter.
   */
  async gaps(actor: Actor, query: FundingGapsQuery): Promise<FundingGapListDto> {
    const scope = `funding-gaps:${actor.id}:${query.domain ?? ''}`;
    const p = new Params();
    const where = caseStratumFilters(actor, p, query, {
      unit: 's.organisation_unit_id',
      status: 's.status',
      domains: 's.domains',
      rollup: false,
    });
    let after = '';
    if (query.cursor) {
      const position = this.cursors.decode(query.cursor, scope);
      const [gap, id] = position;
      if (position.length !== 2 || typeof gap !== 'string' || !/^-?\d{1,20}$/.test(gap)) {
        throw new InvalidCursor();
      }
      if (typeof id !== 'string' || !UUID.test(id)) throw new InvalidCursor();
      after = `AND (s.gap_cents, s.case_id) < (${p.add(gap)}::bigint, ${p.add(id)}::uuid)`;
    }
    const pageSize = query.pageSize ?? 100;
    // From the replica when it serves this reader (ADR 42).
    const rows = await this.replica.read(actor, (db) =>
      db.query<
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
        `SELECT s.case_id AS id, c.reference, c.title, c.status, s.estimated_value_cents,
              s.committed_cents, s.pledged_cents, s.gap_cents, s.non_paying
         FROM funding_case_totals s JOIN cases c ON c.id = s.case_id
        WHERE s.open AND (s.gap_cents > 0 OR s.non_paying <> '{}') AND ${where} ${after}
        ORDER BY s.gap_cents DESC, s.case_id DESC
        LIMIT ${pageSize + 1}`,
        p.values,
      ),
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
    const rows = await this.replica.read(actor, (db) =>
      db.query<{ kind: 'resolved' | 'pipeline'; key: string; cases: number; value: string }[]>(
        `SELECT 'resolved' AS kind, c.outcome_supplier_type AS key, count(*)::int AS cases,
              COALESCE(SUM(c.outcome_awarded_value_cents), 0)::bigint AS value
         FROM cases c
        WHERE c.status = 'resolved'
          AND c.outcome_kind IS DISTINCT FROM 'duplicate'
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
      ),
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
