import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import type { Request } from 'express';
import { Unauthenticated } from './auth.errors';
import { Actor, Role, ROLES } from './roles';

export const PUBLIC_ROUTE = 'brug:public';
export const ROUTE_ROLES = 'brug:roles';

/** Open to anyone, signed in or not (health, the API document, signing in). */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension('x-brug-access', 'public'));

/**
 * The roles that may call a route. Every route that is not @Public must say this; the guard
 * refuses routes that do not, and a test fails on them.
 */
export const Roles = (...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ROUTE_ROLES, roles),
    ApiBearerAuth(),
    ApiExtension('x-brug-roles', roles),
  );

/** Every signed-in user, whatever their role. */
export const SignedIn = (): MethodDecorator & ClassDecorator => Roles(...ROLES);

/** The signed-in actor of the request (set by the AuthGuard). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<Request>().actor;
  if (!actor) throw new Unauthenticated();
  return actor;
});
