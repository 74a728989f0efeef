import type { EntityManager } from 'typeorm';
import type { WriteContext } from '../database/unit-of-work';
import type { CaseStatus } from './case-transitions';
import type { InitialFundingInput } from './dto/case-input.dto';

/** The money a domain of a case holds, as far as the case's own rules need it. */
export interface DomainFunding {
  domainCode: string;
  pledgedCents: number;
  committedCents: number;
}

/**
 * What the case rules ask of the funding ledger: check and pledge `initialFunding` at filing,
 * the money on each domain (a domain with money on it cannot be removed), and what a status
 * change means for the money (a declined or withdrawn case releases its open pledges, ADR 21).
 * Cases defines the question; funding, which reads cases, answers it (`LedgerCaseFunding`,
 * provided globally by `FundingLedgerModule`), so the folders import each other one way only.
 * Every method runs in the caller's unit of work.
 */
export abstract class CaseFunding {
  /** 400 naming `initialFunding[i].domainCode` for a domain not on the case. Pure. */
  abstract assertInitialFunding(
    initialFunding: InitialFundingInput[] | undefined,
    domains: { code: string }[],
  ): void;

  /** Records `initialFunding` as pledges of the case just created in this unit of work. */
  abstract pledgeInitialFunding(
    w: WriteContext,
    created: { id: string; status: CaseStatus },
    initialFunding: InitialFundingInput[] | undefined,
  ): Promise<void>;

  /** The money per domain of the case, summed in the caller's transaction. */
  abstract fundingOf(manager: EntityManager, caseId: string): Promise<DomainFunding[]>;

  /** The money of each of some cases (summed over their domains), in one query. */
  abstract totalsOf(
    manager: EntityManager,
    caseIds: string[],
  ): Promise<Map<string, { pledgedCents: number; committedCents: number; disbursedCents: number }>>;

  /**
   * A case was closed as a duplicate of `survivor` in this unit of work: ask each domain's budget
   * holder to consent to moving its open pledge there (ADR 44). Until they do, it stays.
   */
  abstract askToMovePledges(
    w: WriteContext,
    duplicate: { id: string; reference: string },
    survivor: { id: string; reference: string },
  ): Promise<void>;

  /** After the case moved to `to` in this unit of work: what the ledger does about it. */
  abstract afterTransition(w: WriteContext, caseId: string, to: CaseStatus): Promise<void>;
}
