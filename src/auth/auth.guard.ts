import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { Forbidden } from './auth.errors';
import { AuthService } from './auth.service';
import { BEFORE_SECOND_FACTOR, PUBLIC_ROUTE, ROUTE_ROLES } from './decorators';
import type { Role } from './roles';

/**
 * The global guard: every route needs a signed-in user unless it is @Public, and every other
 * route must name its roles. A route that names none is refused (fail closed) and logged.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('AuthGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<Request>();
    request.actor = await this.auth.authenticate(request.headers.authorization);

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROUTE_ROLES, targets);
    if (!roles?.length) {
      this.logger.error(`Route without a role rule refused: ${request.method} ${request.path}`);
      throw new Forbidden('This route has no access rule.');
    }
    if (!roles.includes(request.actor.role)) throw new Forbidden();
    if (!this.reflector.getAllAndOverride<boolean>(BEFORE_SECOND_FACTOR, targets)) {
      await this.auth.assertSecondFactorSetUp(request.actor);
    }
    return true;
  }
}
