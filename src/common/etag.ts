import {
  createParamDecorator,
  Injectable,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { headersSent, type HttpRequest, type HttpResponse, setHeader } from './http-exchange';
import { tap, type Observable } from 'rxjs';
import { PreconditionFailed, PreconditionRequired, ValidationFailed } from './errors';

/**
 * Optimistic locking over HTTP, one way for every stored resource that can be changed (cases,
 * the catalogue, users, routing rules, SLA policies, webhooks): each has a `version`, its ETag is
 * that version quoted, and a PATCH or PUT must name the version it read in `If-Match`.
 */

/** The ETag of a versioned resource: its version, quoted (a strong validator). */
export const etagOf = (version: number): string => `"${version}"`;

/**
 * What an `If-Match` header names: the opaque tags of its strong entity tags. Weak tags (`W/"3"`)
 * are read but left out: If-Match compares strongly (RFC 9110 §13.1.1), so a weak tag never
 * matches, and a header of weak tags only is a precondition that fails (412).
 */
export interface IfMatch {
  readonly strong: readonly string[];
}

// entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE; etagc is any visible character but DQUOTE.
const ENTITY_TAG = /^[ \t]*(W\/)?"([\x21\x23-\x7e]*)"[ \t]*(?:,|$)/;

/**
 * Reads an `If-Match` header: undefined when it is absent, empty or `*` (which names no version,
 * so it cannot stop a lost update: such a write is answered 428 like one without the header).
 * Anything that is not a list of entity tags (a bare `3`, `abc`) is a 400: an unreadable
 * precondition must not pass as a match, nor be ignored.
 */
export function parseIfMatch(header: string | undefined): IfMatch | undefined {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return undefined;
  const strong: string[] = [];
  // A list may hold empty elements (`"2", , "3"`): recipients accept them (RFC 9110 §5.6.1).
  let rest = header.replace(/^[ \t,]+/, '');
  while (rest !== '') {
    const m = ENTITY_TAG.exec(rest);
    if (!m) {
      throw new ValidationFailed(
        [
          {
            field: 'If-Match',
            code: 'not_an_etag',
            message: 'must be the ETag you read, e.g. "3"',
          },
        ],
        'The If-Match header is not an ETag of this API.',
      );
    }
    if (!m[1]) strong.push(m[2]!);
    rest = rest.slice(m[0].length).replace(/^[ \t,]+/, '');
  }
  return { strong };
}

/**
 * Checks an `If-Match` against the version a write found (read with the row locked, in the
 * write's transaction): 428 without one, 412 when no strong tag in it is this version's ETag.
 */
export function checkIfMatch(ifMatch: IfMatch | undefined, current: number): void {
  if (ifMatch === undefined) throw new PreconditionRequired();
  if (!ifMatch.strong.includes(String(current))) throw new PreconditionFailed(current);
}

/** The parsed `If-Match` header of the request, as a route handler's parameter. */
export const IfMatchHeader = createParamDecorator(
  (_: unknown, context: ExecutionContext): IfMatch | undefined => {
    const header = context.switchToHttp().getRequest<HttpRequest>().headers['if-match'];
    return parseIfMatch(Array.isArray(header) ? header.join(', ') : header);
  },
);

/** Sets `ETag` from the `version` of the body a route answers with. */
@Injectable()
export class EtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<HttpResponse>();
    return next.handle().pipe(
      tap((body) => {
        const version = (body as { version?: unknown } | null | undefined)?.version;
        if (typeof version === 'number' && !headersSent(response)) {
          setHeader(response, 'ETag', etagOf(version));
        }
      }),
    );
  }
}

/** A route that answers one versioned resource: its answer carries the ETag to send back. */
export const WithEtag = (): MethodDecorator & ClassDecorator => UseInterceptors(EtagInterceptor);
