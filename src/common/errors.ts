import { MAX_FIELD_ERRORS } from './input-limits';

/**
 * Domain errors: each module declares its own classes (in `<module>.errors.ts`), each with a
 * code from this union. The global filter maps every code to an HTTP status in one exhaustive
 * switch, so adding a code without deciding its status does not compile.
 */
export type ErrorCode =
  // common
  | 'validation_failed'
  | 'invalid_cursor'
  | 'service_unavailable'
  | 'idempotency_key_reused'
  | 'precondition_required'
  | 'precondition_failed'
  | 'method_not_allowed'
  | 'not_acceptable'
  | 'too_many_exports'
  // auth
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'forbidden'
  | 'too_many_sign_in_attempts'
  | 'user_not_found'
  | 'email_taken'
  | 'second_factor_required'
  | 'second_factor_code_wrong'
  | 'too_many_second_factor_attempts'
  | 'second_factor_setup_required'
  | 'second_factor_exists'
  | 'second_factor_not_found'
  | 'api_client_not_found'
  | 'api_client_secret_not_found'
  | 'api_client_secret_limit'
  | 'invalid_client'
  | 'unsupported_grant_type'
  | 'invalid_request'
  | 'session_not_found'
  | 'identity_mapping_not_found'
  | 'identity_mapping_exists'
  // cases
  | 'case_not_found'
  | 'transition_not_allowed'
  | 'case_not_editable'
  | 'domain_has_funding'
  | 'koppel_team_mismatch'
  | 'koppel_person_invalid'
  | 'koppel_not_changeable'
  | 'case_not_suspendable'
  | 'case_already_suspended'
  | 'case_not_suspended'
  | 'sla_stage_closed'
  | 'cases_already_linked'
  | 'case_link_cycle'
  | 'case_link_limit'
  | 'duplicate_target_closed'
  | 'parent_case_closed'
  | 'sub_case_exists'
  // workflow
  | 'routing_rule_not_found'
  | 'sla_policy_not_found'
  | 'sla_policy_exists'
  | 'webhook_not_found'
  | 'job_not_found'
  // audit
  | 'audit_checkpoint_not_found'
  // calendar
  | 'designated_day_exists'
  | 'designated_day_not_found'
  // catalogue
  | 'domain_not_found'
  | 'domain_exists'
  | 'organisation_unit_not_found'
  | 'organisation_unit_exists'
  // funding
  | 'funding_invariant_broken'
  | 'domain_not_on_case'
  | 'case_closed_for_funding'
  | 'funding_entry_not_found'
  | 'benefit_shares_not_set'
  | 'cofunding_proposal_not_found'
  | 'nothing_to_propose'
  | 'cofunding_item_answered'
  | 'cofunding_proposal_expired'
  | 'pledge_transfer_not_found'
  | 'pledge_transfer_answered'
  // documents
  | 'document_not_found'
  | 'document_too_large'
  | 'document_type_not_allowed'
  | 'unsupported_content_type'
  | 'document_withdrawn'
  | 'range_not_satisfiable'
  // views
  | 'view_not_found'
  | 'view_limit_reached'
  // signals
  | 'signal_not_found'
  // bulk actions
  | 'bulk_action_not_found'
  | 'bulk_action_too_large'
  | 'bulk_action_empty';

/**
 * The rule a field broke, stable for clients to word it in their own language (ADR 23); the
 * values the sentence needs are in `params`. The English `message` is for API users.
 */
export type FieldErrorCode =
  | 'required'
  | 'not_allowed'
  | 'unknown_field'
  | 'not_a_string'
  | 'not_an_integer'
  | 'not_a_number'
  | 'not_a_boolean'
  | 'not_a_list'
  | 'not_an_object'
  | 'not_a_uuid'
  | 'not_an_email'
  | 'not_a_url'
  | 'not_a_code'
  | 'not_one_of'
  | 'too_short'
  | 'too_long'
  | 'out_of_range'
  | 'too_few_items'
  | 'too_many_items'
  | 'duplicate'
  | 'invalid_date'
  | 'invalid_format'
  | 'invalid_text'
  | 'too_deep'
  | 'too_big'
  | 'one_lead_domain'
  | 'unknown_domain'
  | 'not_on_case'
  | 'still_funded'
  | 'unknown_team'
  | 'unknown_unit'
  | 'not_staff'
  | 'not_meentcoop_staff'
  | 'not_municipal_person'
  | 'not_a_team'
  | 'in_use'
  | 'domains_not_allowed'
  | 'domains_required'
  | 'unit_required'
  | 'unit_not_allowed'
  | 'not_an_etag'
  | 'invalid_cursor'
  | 'invalid_key'
  | 'shares_not_whole'
  | 'not_in_future'
  | 'common_password'
  | 'empty_file'
  | 'invalid_file_name'
  | 'not_shareable'
  | 'unknown_case'
  | 'not_itself'
  | 'invalid';

export interface FieldError {
  field: string;
  code: FieldErrorCode;
  message: string;
  /** The values the sentence needs, e.g. `{ max: 200 }` or `{ allowed: [...] }`. */
  params?: Record<string, unknown>;
}

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  /** A short, human summary of the problem type (problem+json `title`). */
  abstract readonly title: string;

  constructor(
    readonly detail: string,
    readonly extra: {
      errors?: FieldError[];
      retryAfterSeconds?: number;
      /** Response headers the problem needs, e.g. `Allow` on a 405. */
      headers?: Record<string, string>;
      /** Extension members of the problem (RFC 9457 §3.2), e.g. the state of each check. */
      members?: Record<string, unknown>;
      /**
       * The values a client needs to word the problem in its own language from its `code`
       * (amounts in cents, domain codes, statuses, limits); the `params` member (ADR 23).
       */
      params?: Record<string, unknown>;
    } = {},
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

/**
 * Input that is well-formed JSON but breaks a rule; `errors` names each field, at most
 * MAX_FIELD_ERRORS of them (the detail counts the rest), so a body full of mistakes cannot make
 * a huge answer.
 */
export class ValidationFailed extends DomainError {
  readonly code = 'validation_failed';
  readonly title = 'The request is not valid';
  constructor(errors: FieldError[], detail?: string) {
    const listed = errors.slice(0, MAX_FIELD_ERRORS);
    const more = errors.length - listed.length;
    super(
      detail ??
        listed.map((e) => `${e.field}: ${e.message}`).join('; ') +
          (more > 0 ? ` (and ${more} more)` : ''),
      { errors: listed, params: { errorCount: errors.length } },
    );
  }
}

export class InvalidCursor extends DomainError {
  readonly code = 'invalid_cursor';
  readonly title = 'The page cursor is not valid';
  constructor() {
    super('The cursor was not issued by this server for this query; start from the first page.', {
      errors: [{ field: 'cursor', code: 'invalid_cursor', message: 'not a valid cursor' }],
    });
  }
}

export class ServiceUnavailable extends DomainError {
  readonly code = 'service_unavailable';
  readonly title = 'Service unavailable';
  constructor(detail: string, members?: Record<string, unknown>) {
    super(detail, { members });
  }
}

/** A write that needs `If-Match` came without it (RFC 6585: 428). */
export class PreconditionRequired extends DomainError {
  readonly code = 'precondition_required';
  readonly title = 'If-Match required';
  constructor() {
    super('Send the version you last read in an If-Match header, e.g. If-Match: "3".');
  }
}

/** The `If-Match` version is not the current one: someone changed the resource meanwhile. */
export class PreconditionFailed extends DomainError {
  readonly code = 'precondition_failed';
  readonly title = 'Version conflict';
  constructor(current?: number) {
    super(
      current === undefined
        ? 'The resource was changed since you read it; read it again.'
        : `The resource is at version ${current} now; read it again and retry.`,
      current === undefined
        ? {}
        : { members: { currentVersion: current }, params: { currentVersion: current } },
    );
  }
}
