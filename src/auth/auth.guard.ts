import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Forbidden } from './auth.errors';
import { AuthService } from './auth.service';
import { BEFORE_SECOND_FACTOR, PUBLIC_ROUTE, ROUTE_ROLES } from './decorators';
import type { Role } from './roles';
import {
  isSafeMethod,
  readCookie,
  sameOrigin,
  SESSION_COOKIE,
  CSRF_HEADER,
} from './sessions/session-cookie';
import { SessionsService } from './sessions/sessions.service';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { type HttpRequest, requestPath } from '../common/http-exchange';

/**
 * The global guard: every route needs a signed-in user unless it is @Public, and every other
 * route must name its roles. A route that names none is refused (fail closed) and logged.
 * Signed in means a bearer token (API clients, the API) or, without an Authorization header,
 * the web UI's session cookie; a change signed by the cookie must come from Brug's own origin
 * and carry the session's CSRF token (ADR 34).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('AuthGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<HttpRequest>();
    const cookie =
      request.headers.authorization === undefined ? readCookie(request, SESSION_COOKIE) : undefined;
    if (cookie) {
      const session = await this.sessions.authenticate(cookie);
      if (!isSafeMethod(request.method)) this.assertCsrfProof(request, cookie);
      request.actor = session.actor;
      request.sessionId = session.sessionId;
    } else {
      request.actor = await this.auth.authenticate(request.headers.authorization);
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROUTE_ROLES, targets);
    if (!roles?.length) {
      this.logger.error(
        `Route without a role rule refused: ${request.method} ${requestPath(request)}`,
      );
      throw new Forbidden('This route has no access rule.');
    }
    if (!roles.includes(request.actor.role)) throw new Forbidden();
    if (!this.reflector.getAllAndOverride<boolean>(BEFORE_SECOND_FACTOR, targets)) {
      await this.auth.assertSecondFactorSetUp(request.actor);
    }
    return true;
  }

  /** Another site's page can make the browser send the cookie, but not these two. */
  private assertCsrfProof(request: HttpRequest, cookie: string): void {
    if (!sameOrigin(request, this.config)) {
      this.logger.warn(
        { event: 'csrf_refused', reason: 'origin', origin: request.headers.origin ?? null },
        `Cookie-signed ${request.method} ${requestPath(request)} from another origin refused`,
      );
      throw new Forbidden('This change does not come from Brug’s own pages.', {
        reason: 'csrf_origin',
      });
    }
    const sent = request.headers[CSRF_HEADER];
    if (!this.sessions.csrfMatches(cookie, typeof sent === 'string' ? sent : undefined)) {
      this.logger.warn(
        { event: 'csrf_refused', reason: 'token' },
        `Cookie-signed ${request.method} ${requestPath(request)} without the CSRF token refused`,
      );
      throw new Forbidden('This change needs the session’s CSRF token (X-CSRF-Token).', {
        reason: 'csrf_token',
      });
    }
  }
}
