import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/roles';
import { Params } from '../cases/case-access';
import { caseFilters, caseStratumFilters } from '../cases/case-filters';
import type { CaseFilterQuery } from '../cases/dto/list-cases.query';
import { csvLine } from '../common/csv';
import { ReadReplica } from '../database/read-replica';
import type { FundingFlowDto, FundingFlowsDto } from './dto/funding-flows.dto';
import type { FundingDomainMatrixDto, FundingMatrixDto } from './dto/funding-views.dto';
import { num } from './ledger-sql';

type Filters = Pick<CaseFilterQuery, 'status' | 'domain' | 'filedFrom' | 'filedTo'>;

/** The maintained totals answer every filter except a filing period (their groups have none). */
export const answeredByTotals = (query: Filters): boolean => !query.filedFrom && !query.filedTo;

/** The maintained summaries: per group of cases (unit, status, touched domains), ADR 37. */
const STRATUM = { status: 't.status', domains: 't.domains' } as const;

interface DomainRow {
  lead_domain: string | null;
  domain_code: string;
  case_count: string;
  cell_count: string;
  touched_cases: string;
  paying_cases: string;
  non_paying_cases: string;
  committed_cents: string;
  pledged_cents: string;
  disbursed_cents: string;
}

/**
 * The funding views that answer from the totals PostgreSQL keeps up to date with every ledger
 * entry and case change (`funding_domain_totals`, `funding_flow_totals`, ADR 37): a sum over at
 * most a few thousand rows of groups, whatever the number of cases. Reads only.
 */
@Injectable()
export class FundingTotalsReader {
  constructor(private readonly replica: ReadReplica) {}

  /**
   * The matrix's domains, totals per domain and number of cases (no filing period), read from
   * `db` (the source the caller's view reads from, ADR 42).
   */
  async matrixSummary(
    db: DataSource,
    actor: Actor,
    query: Filters,
  ): Promise<Pick<FundingMatrixDto, 'domains' | 'totals' | 'caseCount'>> {
    const rows = await this.domainRows(db, actor, query, false);
    const summary = { domains: [] as string[], totals: {} as FundingMatrixDto['totals'] };
    let caseCount = 0;
    for (const r of rows) {
      if (r.domain_code === '') {
        caseCount += num(r.case_count);
        continue;
      }
      summary.domains.push(r.domain_code);
      summary.totals[r.domain_code] = {
        touchedCases: num(r.touched_cases),
        payingCases: num(r.paying_cases),
        committedCents: num(r.committed_cents),
        pledgedCents: num(r.pledged_cents),
        disbursedCents: num(r.disbursed_cents),
      };
    }
    summary.domains.sort();
    return { ...summary, caseCount };
  }

  /** Lead domain × domain (no filing period): the cells, before the reader adds them up. */
  async domainCells(
    db: DataSource,
    actor: Actor,
    query: Filters,
  ): Promise<{ cells: FundingDomainMatrixDto['cells']; caseCount: number }> {
    const rows = await this.domainRows(db, actor, query, true);
    let caseCount = 0;
    const cells: FundingDomainMatrixDto['cells'] = [];
    for (const r of rows) {
      if (r.domain_code === '') {
        caseCount += num(r.case_count);
        continue;
      }
      cells.push({
        leadDomain: r.lead_domain,
        domain: r.domain_code,
        touchedCases: num(r.touched_cases),
        payingCases: num(r.paying_cases),
        nonPayingCases: num(r.non_paying_cases),
        committedCents: num(r.committed_cents),
        pledgedCents: num(r.pledged_cents),
        disbursedCents: num(r.disbursed_cents),
      });
    }
    return { cells, caseCount };
  }

  /**
   * Payer × beneficiary over the selected cases: from the maintained flow totals, or — with a
   * filing period — from the flows kept per case, summed over the cases the period selects.
   */
  async flows(actor: Actor, query: Filters): Promise<FundingFlowsDto> {
    const p = new Params();
    let sql: string;
    if (answeredByTotals(query)) {
      const where = caseStratumFilters(actor, p, query, {
        ...STRATUM,
        unit: 't.unit_id',
        rollup: true,
      });
      sql = `SELECT 'flow' AS kind, t.payer, t.beneficiary,
                    SUM(t.committed_cents)::bigint AS committed, SUM(t.disbursed_cents)::bigint AS disbursed
               FROM funding_flow_totals t WHERE ${where}
              GROUP BY t.payer, t.beneficiary
             UNION ALL
             SELECT 'count', NULL, NULL, COALESCE(SUM(t.case_count), 0)::bigint, 0
               FROM funding_domain_totals t WHERE ${where} AND t.domain_code = ''`;
    } else {
      sql = `WITH sel AS NOT MATERIALIZED (SELECT c.id FROM cases c WHERE ${caseFilters(actor, p, query)})
             SELECT 'flow' AS kind, e.payer, e.beneficiary,
                    SUM(e.committed)::bigint AS committed, SUM(e.disbursed)::bigint AS disbursed
               FROM sel JOIN funding_case_totals s ON s.case_id = sel.id
              CROSS JOIN LATERAL jsonb_to_recordset(s.flows)
                    AS e(payer text, beneficiary text, committed bigint, disbursed bigint)
              WHERE s.flows <> '[]'
              GROUP BY e.payer, e.beneficiary
             UNION ALL
             SELECT 'count', NULL, NULL, (SELECT count(*) FROM sel)::bigint, 0`;
    }
    // From the replica when it serves this reader (ADR 42).
    const rows = await this.replica.read(actor, (db) =>
      db.query<
        {
          kind: 'flow' | 'count';
          payer: string;
          beneficiary: string;
          committed: string;
          disbursed: string;
        }[]
      >(sql, p.values),
    );
    return flowsOf(rows);
  }

  /** The flows as RFC 4180 CSV: `payer,beneficiary,committedCents,disbursedCents`, CRLF lines. */
  async *flowsCsv(actor: Actor, query: Filters): AsyncGenerator<string> {
    const { flows } = await this.flows(actor, query);
    yield csvLine(['payer', 'beneficiary', 'committedCents', 'disbursedCents']);
    yield flows
      .map((f) => csvLine([f.payer, f.beneficiary, f.committedCents, f.disbursedCents]))
      .join('');
  }

  /** The domain totals of the selected groups, per domain (and per lead domain when asked). */
  private domainRows(
    db: DataSource,
    actor: Actor,
    query: Filters,
    byLead: boolean,
  ): Promise<DomainRow[]> {
    const p = new Params();
    const where = caseStratumFilters(actor, p, query, {
      ...STRATUM,
      unit: 't.unit_id',
      rollup: true,
    });
    const lead = byLead ? 't.lead_domain' : 'NULL::text';
    return db.query<DomainRow[]>(
      `SELECT ${lead} AS lead_domain, t.domain_code,
              SUM(t.case_count)::bigint AS case_count, SUM(t.cell_count)::bigint AS cell_count,
              SUM(t.touched_cases)::bigint AS touched_cases, SUM(t.paying_cases)::bigint AS paying_cases,
              SUM(t.non_paying_cases)::bigint AS non_paying_cases,
              SUM(t.committed_cents)::bigint AS committed_cents, SUM(t.pledged_cents)::bigint AS pledged_cents,
              SUM(t.disbursed_cents)::bigint AS disbursed_cents
         FROM funding_domain_totals t WHERE ${where}
        GROUP BY 1, t.domain_code
       HAVING t.domain_code = '' OR SUM(t.cell_count) > 0`,
      p.values,
    );
  }
}

/** The flows answer from its rows: pairs by payer and beneficiary, and the sums both ways. */
function flowsOf(
  rows: {
    kind: 'flow' | 'count';
    payer: string;
    beneficiary: string;
    committed: string;
    disbursed: string;
  }[],
): FundingFlowsDto {
  let caseCount = 0;
  const flows: FundingFlowDto[] = [];
  for (const r of rows) {
    if (r.kind === 'count') caseCount += num(r.committed);
    else if (num(r.committed) !== 0 || num(r.disbursed) !== 0) {
      flows.push({
        payer: r.payer,
        beneficiary: r.beneficiary,
        committedCents: num(r.committed),
        disbursedCents: num(r.disbursed),
      });
    }
  }
  flows.sort((a, b) =>
    a.payer === b.payer
      ? a.beneficiary.localeCompare(b.beneficiary)
      : a.payer.localeCompare(b.payer),
  );
  const byDomain: FundingFlowsDto['byDomain'] = {};
  const of = (d: string) =>
    (byDomain[d] ??= {
      paidCommittedCents: 0,
      paidDisbursedCents: 0,
      receivedCommittedCents: 0,
      receivedDisbursedCents: 0,
    });
  for (const f of flows) {
    of(f.payer).paidCommittedCents += f.committedCents;
    of(f.payer).paidDisbursedCents += f.disbursedCents;
    of(f.beneficiary).receivedCommittedCents += f.committedCents;
    of(f.beneficiary).receivedDisbursedCents += f.disbursedCents;
  }
  return {
    domains: Object.keys(byDomain).sort(),
    flows,
    byDomain,
    committedCents: flows.reduce((s, f) => s + f.committedCents, 0),
    disbursedCents: flows.reduce((s, f) => s + f.disbursedCents, 0),
    caseCount,
  };
}
