import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseFunding, type DomainFunding } from '../cases/case-funding';
import type { CaseStatus } from '../cases/case-transitions';
import type { InitialFundingInput } from '../cases/dto/case-input.dto';
import type { WriteContext } from '../database/unit-of-work';
import { FundingLedger, type LockedCase } from './funding-ledger';
import { CLOSED_FOR_FUNDING } from './ledger-calculator';
import { BALANCE_SUMS, num } from './ledger-sql';

/** The funding ledger's answers to what the case rules ask of it (`CaseFunding`). */
@Injectable()
export class LedgerCaseFunding extends CaseFunding {
  constructor(private readonly ledger: FundingLedger) {
    super();
  }

  assertInitialFunding(
    initialFunding: InitialFundingInput[] | undefined,
    domains: { code: string }[],
  ): void {
    this.ledger.assertInitialFunding(initialFunding, domains);
  }

  pledgeInitialFunding(
    w: WriteContext,
    created: LockedCase,
    initialFunding: InitialFundingInput[] | undefined,
  ): Promise<void> {
    return this.ledger.pledgeInitialFunding(w, created, initialFunding);
  }

  fundingOf(manager: EntityManager, caseId: string): Promise<DomainFunding[]> {
    return this.ledger.balancesOf(manager, caseId);
  }

  async totalsOf(
    manager: EntityManager,
    caseIds: string[],
  ): Promise<
    Map<string, { pledgedCents: number; committedCents: number; disbursedCents: number }>
  > {
    if (caseIds.length === 0) return new Map();
    const rows = await manager.query<
      { case_id: string; pledged_cents: string; committed_cents: string; disbursed_cents: string }[]
    >(
      `SELECT f.case_id, ${BALANCE_SUMS}
         FROM funding_entries f WHERE f.case_id = ANY($1::uuid[]) GROUP BY f.case_id`,
      [caseIds],
    );
    return new Map(
      rows.map((r) => [
        r.case_id,
        {
          pledgedCents: num(r.pledged_cents),
          committedCents: num(r.committed_cents),
          disbursedCents: num(r.disbursed_cents),
        },
      ]),
    );
  }

  async askToMovePledges(
    w: WriteContext,
    duplicate: { id: string; reference: string },
    survivor: { id: string; reference: string },
  ): Promise<void> {
    const open = (await this.ledger.balancesOf(w.manager, duplicate.id)).filter(
      (b) => b.pledgedCents > 0,
    );
    if (open.length === 0) return;
    const rows = await w.manager.query<{ id: string; domain_code: string; amount_cents: string }[]>(
      `INSERT INTO pledge_transfers (from_case_id, to_case_id, domain_code, amount_cents)
       SELECT $1, $2, t.domain_code, t.amount_cents
         FROM unnest($3::text[], $4::bigint[]) AS t(domain_code, amount_cents)
       RETURNING id, domain_code, amount_cents`,
      [duplicate.id, survivor.id, open.map((b) => b.domainCode), open.map((b) => b.pledgedCents)],
    );
    for (const row of rows) {
      const amountCents = num(row.amount_cents);
      w.emit({
        type: 'funding.pledge_transfer_requested',
        payload: {
          caseId: duplicate.id,
          transferId: row.id,
          toCaseId: survivor.id,
          domainCodes: [row.domain_code],
          amountCents,
        },
      });
      w.audit({
        action: 'funding.pledge_transfer_requested',
        subjectType: 'pledge_transfer',
        subjectId: row.id,
        caseId: duplicate.id,
        data: {
          domainCode: row.domain_code,
          amountCents,
          toCaseId: survivor.id,
          toReference: survivor.reference,
        },
      });
    }
  }

  /** Declined or withdrawn: Brug releases the open pledges in this same unit of work (ADR 21). */
  async afterTransition(w: WriteContext, caseId: string, to: CaseStatus): Promise<void> {
    if (CLOSED_FOR_FUNDING.includes(to)) await this.ledger.releaseOnClose(w, caseId);
  }
}
