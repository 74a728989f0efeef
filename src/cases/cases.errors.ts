import { DomainError } from '../common/errors';
import type { CaseStatus } from './case-transitions';

/** Also what a caller gets for a case they may not see: its existence is not disclosed. */
export class CaseNotFound extends DomainError {
  readonly code = 'case_not_found';
  readonly title = 'Case not found';
  constructor(idOrReference: string) {
    super(`There is no case ${idOrReference} that you can see.`, {
      params: { case: idOrReference },
    });
  }
}

export class TransitionNotAllowed extends DomainError {
  readonly code = 'transition_not_allowed';
  readonly title = 'Transition not allowed';
  constructor(from: CaseStatus, to: CaseStatus, allowed: CaseStatus[]) {
    super(
      `A case cannot move from ${from} to ${to}.` +
        (allowed.length ? ` From ${from} it can move to: ${allowed.join(', ')}.` : ''),
      { members: { currentStatus: from }, params: { from, to, allowed } },
    );
  }
}

export class CaseNotEditable extends DomainError {
  readonly code = 'case_not_editable';
  readonly title = 'Case can no longer be edited';
  constructor(status: CaseStatus) {
    super(
      `The content of a case can be edited while it is filed or routed; this one is ${status}.`,
      {
        members: { currentStatus: status },
      },
    );
  }
}

export class DomainHasFunding extends DomainError {
  readonly code = 'domain_has_funding';
  readonly title = 'Domain still has money on this case';
  constructor(domains: string[]) {
    super(
      `${domains.join(', ')} still ${domains.length > 1 ? 'have' : 'has'} money pledged or committed on this case: release it before removing the domain.`,
      {
        errors: [
          {
            field: 'domains',
            code: 'still_funded',
            message: `still funded: ${domains.join(', ')}`,
            params: { domainCodes: domains },
          },
        ],
        params: { domainCodes: domains },
      },
    );
  }
}
