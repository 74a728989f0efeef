import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import {
  endResponse,
  headersSent,
  type HttpRequest,
  type HttpResponse,
  requestPath,
  responseNotes,
  sendText,
  setHeader,
} from './http-exchange';
import { DomainError, ErrorCode } from './errors';
import { classifyInfrastructureError, type InfrastructureCause } from './infrastructure-errors';
import { PROBLEM_CONTENT_TYPE, Problem, problemType } from './problem';
import { allowedMethods, MethodNotAllowed } from './route-methods';

/** The HTTP status of every domain error code, decided in one place. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'validation_failed':
    case 'koppel_person_invalid':
    case 'invalid_cursor':
      return HttpStatus.BAD_REQUEST;
    case 'unauthenticated':
    case 'invalid_credentials':
    case 'second_factor_required':
    case 'invalid_client':
      return HttpStatus.UNAUTHORIZED;
    case 'unsupported_grant_type':
    case 'invalid_request':
      return HttpStatus.BAD_REQUEST;
    case 'forbidden':
    case 'second_factor_setup_required':
      return HttpStatus.FORBIDDEN;
    case 'second_factor_code_wrong':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case 'second_factor_exists':
    case 'api_client_secret_limit':
      return HttpStatus.CONFLICT;
    case 'second_factor_not_found':
    case 'api_client_not_found':
    case 'session_not_found':
    case 'identity_mapping_not_found':
    case 'api_client_secret_not_found':
    case 'user_not_found':
    case 'domain_not_found':
    case 'organisation_unit_not_found':
      return HttpStatus.NOT_FOUND;
    case 'email_taken':
    case 'identity_mapping_exists':
    case 'domain_exists':
    case 'organisation_unit_exists':
      return HttpStatus.CONFLICT;
    case 'too_many_sign_in_attempts':
    case 'too_many_second_factor_attempts':
    case 'too_many_exports':
      return HttpStatus.TOO_MANY_REQUESTS;
    case 'method_not_allowed':
      return HttpStatus.METHOD_NOT_ALLOWED;
    case 'not_acceptable':
      return HttpStatus.NOT_ACCEPTABLE;
    case 'service_unavailable':
      return HttpStatus.SERVICE_UNAVAILABLE;
    case 'idempotency_key_reused':
    case 'funding_invariant_broken':
    case 'domain_not_on_case':
    case 'case_closed_for_funding':
    case 'benefit_shares_not_set':
    case 'nothing_to_propose':
    case 'bulk_action_too_large':
    case 'bulk_action_empty':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case 'precondition_required':
      return HttpStatus.PRECONDITION_REQUIRED;
    case 'precondition_failed':
      return HttpStatus.PRECONDITION_FAILED;
    case 'case_not_found':
    case 'funding_entry_not_found':
    case 'cofunding_proposal_not_found':
    case 'routing_rule_not_found':
    case 'sla_policy_not_found':
    case 'webhook_not_found':
    case 'job_not_found':
    case 'audit_checkpoint_not_found':
    case 'designated_day_not_found':
    case 'document_not_found':
    case 'view_not_found':
    case 'signal_not_found':
    case 'bulk_action_not_found':
    case 'pledge_transfer_not_found':
      return HttpStatus.NOT_FOUND;
    case 'document_too_large':
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case 'document_type_not_allowed':
    case 'unsupported_content_type':
      return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    case 'range_not_satisfiable':
      return HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE;
    case 'document_withdrawn':
      return HttpStatus.CONFLICT;
    case 'sla_policy_exists':
    case 'designated_day_exists':
    case 'view_limit_reached':
      return HttpStatus.CONFLICT;
    case 'transition_not_allowed':
    case 'case_not_editable':
    case 'domain_has_funding':
    case 'koppel_team_mismatch':
    case 'koppel_not_changeable':
    case 'case_not_suspendable':
    case 'case_already_suspended':
    case 'case_not_suspended':
    case 'sla_stage_closed':
    case 'cofunding_item_answered':
    case 'cofunding_proposal_expired':
    case 'cases_already_linked':
    case 'case_link_cycle':
    case 'case_link_limit':
    case 'duplicate_target_closed':
    case 'parent_case_closed':
    case 'sub_case_exists':
    case 'pledge_transfer_answered':
      return HttpStatus.CONFLICT;
  }
}

/** The problem a domain error answers with (also for answers written outside Nest, e.g. tus). */
export function domainProblem(exception: DomainError, requestId?: string): Problem {
  return {
    ...exception.extra.members,
    type: problemType(exception.code),
    title: exception.title,
    status: statusOf(exception.code),
    detail: exception.detail,
    code: exception.code,
    requestId,
    ...(exception.extra.errors ? { errors: exception.extra.errors } : {}),
    ...(exception.extra.params ? { params: exception.extra.params } : {}),
  };
}

/**
 * A body refused before a route is reached (`src/common/body-parsers.ts`): `raw-body`'s errors and
 * Brug's own carry the `type` and `status` Express's body parser used.
 */
interface BodyParserError {
  type: string;
  status: number;
  expose?: boolean;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { type?: unknown }).type === 'string' &&
    typeof (error as { status?: unknown }).status === 'number'
  );
}

const BODY_PARSER_DETAIL: Record<string, { code: string; title: string; detail: string }> = {
  'entity.parse.failed': {
    code: 'malformed_json',
    title: 'The request body is not valid JSON',
    detail: 'The request body could not be parsed as JSON.',
  },
  'entity.too.large': {
    code: 'payload_too_large',
    title: 'The request body is too large',
    detail: 'The request body is larger than this server accepts.',
  },
  'encoding.unsupported': {
    code: 'unsupported_encoding',
    title: 'Unsupported content encoding',
    detail: 'The request body uses a content encoding this server does not accept.',
  },
  'charset.unsupported': {
    code: 'unsupported_charset',
    title: 'Unsupported character set',
    detail: 'The request body uses a character set this server does not accept.',
  },
  'request.aborted': {
    code: 'request_aborted',
    title: 'The request was aborted',
    detail: 'The client aborted the request before its body was received.',
  },
};

/**
 * Turns every error into RFC 9457 problem+json. Known errors keep their status and a useful
 * detail; anything unexpected becomes a bare 500 that carries only the request id, and is logged.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    this.respond(exception, http.getRequest<HttpRequest>(), http.getResponse<HttpResponse>());
  }

  /** Also used directly by the last-resort handlers outside Nest's routes. */
  respond(thrown: unknown, request: HttpRequest, response: HttpResponse): void {
    const exception = methodNotAllowed(thrown, request) ?? thrown;
    const requestId = typeof request.id === 'string' ? request.id : undefined;
    // PostgreSQL or Redis away, or a transaction that lost a race: 503, not a 500 (Brug's own
    // fault). Recognised in one place, whatever route it happened in.
    const infrastructure = classifyInfrastructureError(exception);
    const problem = infrastructure
      ? this.unavailable(infrastructure.detail, infrastructure.cause, requestId)
      : this.toProblem(exception, requestId);
    problem.instance = requestPath(request);

    if (infrastructure) {
      const reason = exception instanceof Error ? exception.message : String(exception);
      this.logger.warn({ requestId, cause: infrastructure.cause, reason }, 'Service unavailable');
      // Counted by MetricsService when the response finishes (brug_unavailable_responses_total).
      responseNotes(response).unavailableCause = infrastructure.cause;
    } else if (problem.status >= 500) {
      this.logger.error({ err: exception, requestId }, 'Unhandled error');
    }
    if (headersSent(response)) {
      endResponse(response);
      return;
    }
    const retryAfter =
      infrastructure?.retryAfterSeconds ??
      (exception instanceof DomainError ? exception.extra.retryAfterSeconds : undefined);
    if (retryAfter !== undefined) setHeader(response, 'Retry-After', String(retryAfter));
    if (exception instanceof DomainError) {
      for (const [name, value] of Object.entries(exception.extra.headers ?? {})) {
        setHeader(response, name, value);
      }
    }
    sendText(
      response,
      problem.status,
      `${PROBLEM_CONTENT_TYPE}; charset=utf-8`,
      JSON.stringify(problem),
    );
  }

  private unavailable(
    detail: string,
    cause: InfrastructureCause,
    requestId: string | undefined,
  ): Problem {
    return {
      type: problemType('service_unavailable'),
      title: 'Service unavailable',
      status: HttpStatus.SERVICE_UNAVAILABLE,
      detail,
      code: 'service_unavailable',
      requestId,
    };
  }

  private toProblem(thrown: unknown, requestId: string | undefined): Problem {
    // Nest wraps body-parser errors in an HttpException; their own type says more.
    const exception =
      thrown instanceof HttpException && isBodyParserError(thrown.cause) ? thrown.cause : thrown;
    if (exception instanceof DomainError) return domainProblem(exception, requestId);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = httpCode(status);
      return {
        type: problemType(code),
        title: httpTitle(status),
        status,
        detail: httpDetail(exception, status),
        code,
        requestId,
      };
    }
    if (isBodyParserError(exception) && exception.status >= 400 && exception.status < 500) {
      const known = BODY_PARSER_DETAIL[exception.type];
      const code = known?.code ?? httpCode(exception.status);
      return {
        type: problemType(code),
        title: known?.title ?? httpTitle(exception.status),
        status: exception.status,
        detail: known?.detail ?? 'The request body could not be read.',
        code,
        requestId,
      };
    }
    return {
      type: problemType('internal_error'),
      title: 'Internal server error',
      status: 500,
      detail: `Something went wrong on our side. Quote request id ${requestId ?? '(none)'} when reporting it.`,
      code: 'internal_error',
      requestId,
    };
  }
}

/**
 * A 404 on a path that routes answer, but not with the request's method, is one because no route
 * matched (Nest's or the last-resort handler): a 405 that lists those methods in `Allow`. (A
 * route's own 404 comes with one of its methods, so it stays a 404.)
 */
function methodNotAllowed(thrown: unknown, request: HttpRequest): MethodNotAllowed | undefined {
  if (!(thrown instanceof NotFoundException)) return undefined;
  const allow = allowedMethods(request);
  return allow.length > 0 && !allow.includes(request.method)
    ? new MethodNotAllowed(request.method, allow)
    : undefined;
}

function httpCode(status: number): string {
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 405:
      return 'method_not_allowed';
    case 406:
      return 'not_acceptable';
    case 409:
      return 'conflict';
    case 412:
      return 'precondition_failed';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 428:
      return 'precondition_required';
    case 429:
      return 'too_many_requests';
    case 503:
      return 'service_unavailable';
    default:
      return status >= 500 ? 'internal_error' : 'client_error';
  }
}

function httpTitle(status: number): string {
  const name = HttpStatus[status];
  if (typeof name !== 'string') return status >= 500 ? 'Server error' : 'Client error';
  const words = name.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Nest's own exceptions say things like "Cannot GET /x"; keep their message when it is a plain
 * string written for clients, never an object dump.
 */
function httpDetail(exception: HttpException, status: number): string {
  if (status === 404) return 'There is no resource at this address.';
  const body = exception.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.filter((m) => typeof m === 'string').join('; ');
  return exception.message;
}
