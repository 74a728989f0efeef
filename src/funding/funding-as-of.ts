import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseReader } from '../cases/case-reader';
import { isCalendarDate } from '../common/validators';
import type { ShareInput } from './benefit-calculator';
import { WHOLE_SHARE_BP } from './entities/benefit-share.entity';
import { FundingLedger, type DomainBalance } from './funding-ledger';
import { CLOSED_FOR_FUNDING } from './ledger-calculator';

/** What `GET /cases/{id}/funding` is computed from: now, or as it stood at a moment. */
export interface FundingState {
  /** The moment (ISO 8601, UTC, to the microsecond); null for now. */
  at: string | null;
  balances: DomainBalance[];
  shares: { shares: ShareInput[] };
  /** Declined or withdrawn then: no pledge counts (ADR 21). */
  closed: boolean;
}

/**
 * The funding of one case as it stood at a moment (issue 18, item 7: `?asOf=`): the entries
 * recorded by then, the benefit shares set last by then (none set: the lead domain 100 %), and
 * the status the case had then. The estimated value and the domains are the case's present
 * ones (neither is kept as a history of values; their changes are in the audit trail).
 */
@Injectable()
export class FundingAsOf {
  constructor(
    private readonly cases: CaseReader,
    private readonly ledger: FundingLedger,
  ) {}

  /**
   * The moment `asOf` names, as text PostgreSQL reads back exactly: a day is its last
   * microsecond in Amsterdam; a date and time is itself. `asOf` was validated
   * (`isDateOrDateTime`).
   */
  async moment(manager: EntityManager, asOf: string): Promise<string> {
    const expr = isCalendarDate(asOf)
      ? `(($1::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam') - interval '1 microsecond'`
      : `$1::timestamptz`;
    const [row] = await manager.query<{ t: string }[]>(
      `SELECT to_char((${expr}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS t`,
      [asOf],
    );
    return row!.t;
  }

  async state(manager: EntityManager, caseId: string, asOf: string): Promise<FundingState> {
    const at = await this.moment(manager, asOf);
    const balances = await this.ledger.balancesOf(manager, caseId, at);
    const [version] = await manager.query<{ shares: ShareInput[] }[]>(
      `SELECT shares FROM benefit_share_versions WHERE case_id = $1 AND set_at <= $2::timestamptz
        ORDER BY version DESC LIMIT 1`,
      [caseId, at],
    );
    const status = await this.cases.statusAt(manager, caseId, at);
    return {
      at,
      balances,
      shares: { shares: inListOrder(balances, version?.shares) },
      closed: status !== null && CLOSED_FOR_FUNDING.includes(status),
    };
  }
}

/**
 * The shares of a set in the order of the case's list (lead first, then by code; a domain no
 * longer on the case after them), which is the order ties of the largest remainder go by, as for
 * the shares in force. No set: the lead domain 100 %.
 */
function inListOrder(balances: DomainBalance[], set: ShareInput[] | undefined): ShareInput[] {
  if (!set) {
    return balances
      .filter((b) => b.role !== null)
      .map((b) => ({
        domainCode: b.domainCode,
        basisPoints: b.role === 'lead' ? WHOLE_SHARE_BP : 0,
      }));
  }
  const place = new Map(balances.map((b, i) => [b.domainCode, i]));
  const rank = (s: ShareInput) => place.get(s.domainCode) ?? balances.length;
  return [...set].sort(
    (a, b) =>
      rank(a) - rank(b) || (a.domainCode < b.domainCode ? -1 : a.domainCode > b.domainCode ? 1 : 0),
  );
}
