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
  constructor(status: CaseStatus, fields: string[]) {
    super(`You can no longer change ${fields.join(', ')}: this case is ${status}.`, {
      members: { currentStatus: status },
      params: { status, fields },
    });
  }
}

/**
 * Taking on a case routed to another team moves its koppel; the caller must say so
 * (`moveKoppel: true`), so it never happens unnoticed (ADR 24).
 */
export class KoppelTeamMismatch extends DomainError {
  readonly code = 'koppel_team_mismatch';
  readonly title = 'The case belongs to another team';
  constructor(team: { id: string; name: string }) {
    super(
      `This case is routed to team ${team.name}. Send moveKoppel: true to take it on and move the team and the MeentCoop half of the koppel to you.`,
      { params: { team: team.name, teamId: team.id } },
    );
  }
}

/** A person named for a half of the koppel who cannot be that half. */
export class KoppelPersonInvalid extends DomainError {
  readonly code = 'koppel_person_invalid';
  readonly title = 'This person cannot be in the koppel';
  constructor(problems: { field: 'meentcoopId' | 'municipalId' }[]) {
    const message = (p: { field: string }) =>
      p.field === 'meentcoopId'
        ? 'must be an active MeentCoop staff member'
        : 'must be an active buyer of the case’s unit, or an active municipal budget holder of one of its domains';
    super(problems.map((p) => `${p.field}: ${message(p)}`).join('; '), {
      errors: problems.map((p) => ({
        field: p.field,
        code: p.field === 'meentcoopId' ? 'not_meentcoop_staff' : 'not_municipal_person',
        message: message(p),
      })),
      params: { fields: problems.map((p) => p.field) },
    });
  }
}

/** The koppel is changed on a case MeentCoop works on: routed, and not yet closed. */
export class KoppelNotChangeable extends DomainError {
  readonly code = 'koppel_not_changeable';
  readonly title = 'The koppel of this case cannot be changed now';
  constructor(status: CaseStatus) {
    super(
      `The koppel can be changed once a case is routed and until it is closed; this one is ${status}.`,
      {
        members: { currentStatus: status },
        params: { status },
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

/** The SLA clock stops only while a stage runs: a routed case, until it is proposed or closed. */
export class CaseNotSuspendable extends DomainError {
  readonly code = 'case_not_suspendable';
  readonly title = 'The clock of this case cannot be suspended now';
  constructor(status: CaseStatus) {
    super(
      `The SLA clock runs from routing until a proposal is made; this case is ${status}, so there is nothing to suspend.`,
      { members: { currentStatus: status }, params: { status } },
    );
  }
}

export class CaseAlreadySuspended extends DomainError {
  readonly code = 'case_already_suspended';
  readonly title = 'The clock of this case is suspended already';
  constructor(since: Date) {
    super(`The SLA clock of this case has been suspended since ${since.toISOString()}.`, {
      params: { since: since.toISOString() },
    });
  }
}

export class CaseNotSuspended extends DomainError {
  readonly code = 'case_not_suspended';
  readonly title = 'The clock of this case is not suspended';
  constructor() {
    super('The SLA clock of this case runs: there is no suspension to end.');
  }
}

/** An extension moves the due time of a stage that is still open. */
export class SlaStageClosed extends DomainError {
  readonly code = 'sla_stage_closed';
  readonly title = 'This SLA stage is closed';
  constructor(stage: string, status: CaseStatus) {
    super(`The ${stage} stage of this ${status} case is closed: its due time no longer moves.`, {
      members: { currentStatus: status },
      params: { stage, status },
    });
  }
}

/** Two cases have a link already (one link per pair, whichever way round; ADR 44). */
export class CasesAlreadyLinked extends DomainError {
  readonly code = 'cases_already_linked';
  readonly title = 'These cases are linked already';
  constructor(link: { id: string; kind: string }) {
    super(`These two cases are linked already (${link.kind}); a pair has one link.`, {
      params: { kind: link.kind, linkId: link.id },
    });
  }
}

/** A `part_of` or `duplicate_of` link that would lead back to the case itself. */
export class CaseLinkCycle extends DomainError {
  readonly code = 'case_link_cycle';
  readonly title = 'The link would make a circle';
  constructor(kind: string, target: string) {
    super(`${target} is already, through its own links, ${kind} this case: no circles.`, {
      params: { kind, target },
    });
  }
}

/** A case has at most so many links, so its page and its list stay bounded. */
export class CaseLinkLimit extends DomainError {
  readonly code = 'case_link_limit';
  readonly title = 'This case has as many links as it may have';
  constructor(max: number) {
    super(`A case has at most ${max} links.`, { params: { max } });
  }
}

/** A duplicate is closed in favour of an open case only: the work goes on there. */
export class DuplicateTargetClosed extends DomainError {
  readonly code = 'duplicate_target_closed';
  readonly title = 'The case that stays must be open';
  constructor(target: { reference: string; status: CaseStatus }) {
    super(
      `${target.reference} is ${target.status}: close a case as a duplicate of an open case only.`,
      { params: { target: target.reference, status: target.status } },
    );
  }
}

/** Sub-cases are split off, and cases made part of, a parent that is still open. */
export class ParentCaseClosed extends DomainError {
  readonly code = 'parent_case_closed';
  readonly title = 'The parent case is closed';
  constructor(parent: { reference: string; status: CaseStatus }) {
    super(`${parent.reference} is ${parent.status}: it takes no more sub-cases.`, {
      params: { parent: parent.reference, status: parent.status },
    });
  }
}

/** One sub-case per domain of a parent. */
export class SubCaseExists extends DomainError {
  readonly code = 'sub_case_exists';
  readonly title = 'This domain has a sub-case already';
  constructor(domainCode: string, subCase: { id: string; reference: string }) {
    super(`The domain ${domainCode} has its sub-case already: ${subCase.reference}.`, {
      params: { domainCode, subCase: subCase.reference, subCaseId: subCase.id },
    });
  }
}
