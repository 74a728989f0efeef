import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  Module,
  type Type,
} from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { type HttpRequest, negotiate } from './http-exchange';
import { DomainError } from './errors';
import { PROBLEM_CONTENT_TYPE } from './problem';

/**
 * Where `@ApiProduces()` of @nestjs/swagger keeps a route's media types. The package does not
 * export its constant; `content-negotiation.spec.ts` fails if the key ever changes.
 */
export const API_PRODUCES_METADATA = 'swagger/apiProduces';

/** What a route answers when it declares nothing else. */
const DEFAULT_PRODUCES = ['application/json'];

/** The request's `Accept` names nothing this route can answer (RFC 9110 §15.5.7). */
export class NotAcceptable extends DomainError {
  readonly code = 'not_acceptable';
  readonly title = 'Not acceptable';
  constructor(available: string[]) {
    super(`This resource is available as ${available.join(' or ')}; see the Accept header.`, {
      members: { available },
    });
  }
}

/**
 * The media types a route answers in, as its OpenAPI description says (`@ApiProduces`, else
 * JSON), so documentation and negotiation cannot disagree.
 */
export function producedTypes(reflector: Reflector, targets: (Type | object)[]): string[] {
  const declared = reflector.getAllAndOverride<string[] | undefined>(
    API_PRODUCES_METADATA,
    targets as Type[],
  );
  return declared?.length ? declared : DEFAULT_PRODUCES;
}

/**
 * Refuses, with 406, a request whose `Accept` the route cannot answer: `Accept:
 * application/xml` on a JSON route. An absent `Accept`, `*\/*`, `application/*`, one of the
 * route's types, or `application/problem+json` (errors are always that) pass. Routes that pick
 * among several types (the matrix: JSON or CSV) still choose themselves; this only refuses
 * what none of them would do. Applies to Nest's routes only: the web UI, the OpenAPI pages and
 * Bull Board are not negotiated.
 *
 * A guard, not an interceptor: with no interceptor Nest calls each handler directly instead of
 * through an RxJS pipeline per request (a few per cent of a list request's CPU, ADR 50). It runs
 * after the sign-in guard (see `ContentNegotiationModule`), so 401 and 403 come first, then 406,
 * then the validation pipe's 400, as when it was an interceptor.
 */
@Injectable()
export class ContentNegotiationGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<HttpRequest>();
      const produces = producedTypes(this.reflector, [context.getHandler(), context.getClass()]);
      if (
        request.headers.accept !== undefined &&
        !negotiate(request).type([...produces, PROBLEM_CONTENT_TYPE])
      ) {
        throw new NotAcceptable(produces);
      }
    }
    return true;
  }
}

/**
 * Registers the negotiation as a global guard. Nest runs global guards in the order their
 * modules are imported: `AppModule` imports this module after `AuthModule`, whose guard signs
 * the request in (`test/http-conventions.test.ts` checks the order of the answers).
 */
@Module({ providers: [{ provide: APP_GUARD, useClass: ContentNegotiationGuard }] })
export class ContentNegotiationModule {}
