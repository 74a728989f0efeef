import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseFunding, type DomainFunding } from '../cases/case-funding';
import type { CaseStatus } from '../cases/case-transitions';
import type { InitialFundingInput } from '../cases/dto/case-input.dto';
import type { WriteContext } from '../database/unit-of-work';
import { FundingLedger, type LockedCase } from './funding-ledger';
import { CLOSED_FOR_FUNDING } from './ledger-calculator';

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

  /** Declined or withdrawn: Brug releases the open pledges in this same unit of work (ADR 21). */
  async afterTransition(w: WriteContext, caseId: string, to: CaseStatus): Promise<void> {
    if (CLOSED_FOR_FUNDING.includes(to)) await this.ledger.releaseOnClose(w, caseId);
  }
}
