import type { CaseStatus } from '../cases/case-transitions';
import { DomainError } from '../common/errors';
import type { Balance, LedgerRefusal } from './ledger-calculator';

/** An entry that would break a rule of the ledger (overdraw, over-release, bad amount). */
export class FundingInvariantBroken extends DomainError {
  readonly code = 'funding_invariant_broken';
  readonly title = 'The funding ledger does not allow this entry';
  constructor(refusal: LedgerRefusal, domainCode: string, balance: Balance) {
    super(refusal.reason, {
      members: { domainCode, balance },
      params: { rule: refusal.rule, domainCode, ...refusal.params },
    });
  }
}

/** Entries are for the domains a case touches. */
export class DomainNotOnCase extends DomainError {
  readonly code = 'domain_not_on_case';
  readonly title = 'The case does not touch this domain';
  constructor(domainCode: string, caseDomains: string[]) {
    super(
      `The case does not touch the domain ${domainCode}; it touches ${caseDomains.join(', ')}.`,
      { members: { domainCode, caseDomains }, params: { domainCode, caseDomains } },
    );
  }
}

/** Withdrawn and declined cases take no more money. */
export class CaseClosedForFunding extends DomainError {
  readonly code = 'case_closed_for_funding';
  readonly title = 'The case takes no funding entries';
  constructor(status: CaseStatus) {
    super(`The case is ${status}: it takes no more funding entries.`, {
      members: { currentStatus: status },
      params: { status },
    });
  }
}

export class FundingEntryNotFound extends DomainError {
  readonly code = 'funding_entry_not_found';
  readonly title = 'Funding entry not found';
  constructor(entryId: string) {
    super(`The case has no funding entry ${entryId}.`, { params: { entryId } });
  }
}

/** A budget holder answers a share that staff set; the default (lead 100 %) is not one. */
export class BenefitSharesNotSet extends DomainError {
  readonly code = 'benefit_shares_not_set';
  readonly title = 'The benefit shares of this case have not been set';
  constructor() {
    super('Nobody has set the benefit shares of this case yet; there is nothing to answer.');
  }
}

export class CofundingProposalNotFound extends DomainError {
  readonly code = 'cofunding_proposal_not_found';
  readonly title = 'Co-funding proposal not found';
  constructor(proposalId: string) {
    super(`The case has no co-funding proposal ${proposalId}.`, { params: { proposalId } });
  }
}

/** Every touched domain already has its fair share pledged or committed. */
export class NothingToPropose extends DomainError {
  readonly code = 'nothing_to_propose';
  readonly title = 'Nothing to propose';
  constructor() {
    super(
      'Every domain of the case has pledged or committed its fair share; name the items and amounts to ask anyway.',
    );
  }
}

export class CofundingItemAnswered extends DomainError {
  readonly code = 'cofunding_item_answered';
  readonly title = 'This domain has answered the proposal already';
  constructor(domainCode: string, state: string) {
    super(`The domain ${domainCode} has answered this proposal already (${state}).`, {
      params: { domainCode, state },
    });
  }
}

export class CofundingProposalExpired extends DomainError {
  readonly code = 'cofunding_proposal_expired';
  readonly title = 'The proposal took answers until a moment that has passed';
  constructor(answerBy: string) {
    super(`The proposal took answers until ${answerBy}.`, { params: { answerBy } });
  }
}

export class PledgeTransferNotFound extends DomainError {
  readonly code = 'pledge_transfer_not_found';
  readonly title = 'Pledge transfer not found';
  constructor(id: string) {
    super(`This case has no request to move a pledge with id ${id}.`, {
      params: { transferId: id },
    });
  }
}

/** A request to move a pledge is answered once (ADR 44). */
export class PledgeTransferAnswered extends DomainError {
  readonly code = 'pledge_transfer_answered';
  readonly title = 'This request has been answered';
  constructor(state: string) {
    super(`This request to move a pledge was ${state} already.`, { params: { state } });
  }
}
