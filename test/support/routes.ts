import type { FastifyInstance } from 'fastify';
import { routeTable } from '../../src/common/route-methods';
import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { PUBLIC_ROUTE, ROUTE_ROLES } from '../../src/auth/decorators';

export interface RouteRule {
  method: string;
  /** Path as Nest declares it, e.g. `/users/:id/password` (without the global prefix). */
  path: string;
  handler: string;
  rule: 'public' | string[] | null;
}

const join = (...parts: string[]): string =>
  `/${parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;

/**
 * Every route handler of every controller in the running application, with its access rule:
 * `public`, the roles, or null when it declares none (which the guard refuses at run time).
 */
export function listRoutes(app: INestApplication): RouteRule[] {
  const routes: RouteRule[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const base = (Reflect.getMetadata(PATH_METADATA, controller) as string | undefined) ?? '';
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const isPublic =
          Reflect.getMetadata(PUBLIC_ROUTE, handler) ??
          Reflect.getMetadata(PUBLIC_ROUTE, controller);
        const roles = (Reflect.getMetadata(ROUTE_ROLES, handler) ??
          Reflect.getMetadata(ROUTE_ROLES, controller)) as string[] | undefined;
        routes.push({
          method: method ?? 'UNKNOWN',
          path: join(base, path),
          handler: `${controller.name}.${name}`,
          rule: isPublic ? 'public' : roles?.length ? roles : null,
        });
      }
    }
  }
  return routes;
}

/**
 * The routes the application actually serves (method and path pattern), whoever registered
 * them, as Fastify registered them.
 */
export function mountedRoutes(app: INestApplication): { method: string; path: string }[] {
  return routeTable(app.getHttpAdapter().getInstance() as FastifyInstance);
}
