import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import type { HttpRequest } from './http-exchange';
import { DomainError } from './errors';

/**
 * Who may call what, as every feature declares it: the roles, the signed-in actor, and the
 * decorators a route names its access with. Shared, because every feature folder uses them
 * (the catalogue's routes as much as the users'); the global `AuthGuard` in `auth/` enforces
 * them and signs people in. `auth/roles.ts` and `auth/decorators.ts` re-export these names.
 */

export const ROLES = ['buyer', 'staff', 'budget_holder', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in person on whose behalf a request or a job acts. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationUnitId: string | null;
  /** The domain codes a budget holder holds; empty for every other role. */
  domains: string[];
}

export class Unauthenticated extends DomainError {
  readonly code = 'unauthenticated';
  readonly title = 'Sign-in required';
  constructor(detail = 'This request needs a valid bearer token.') {
    super(detail);
  }
}

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
  const actor = ctx.switchToHttp().getRequest<HttpRequest>().actor;
  if (!actor) throw new Unauthenticated();
  return actor;
});
