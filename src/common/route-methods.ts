import type { Request } from 'express';
import { type HttpRequest, requestPath } from './http-exchange';
import { DomainError } from './errors';

/** What Express's router keeps of a route registered with app.get/post/…. */
interface RouteLayer {
  route?: { _methods?: () => string[] };
  match?: (path: string) => unknown;
}

/** The methods each registered route answers, with a matcher for its path (parameters too). */
type RouteIndex = { match: (path: string) => boolean; methods: string[] }[];

const indexes = new WeakMap<object, RouteIndex>();

/**
 * Reads every route of an Express application (Nest's controllers, the probes, the OpenAPI
 * documents) once, after `app.init()`: which methods answer which path pattern. Express matches
 * a request against the same layers, so a path parameter (`/cases/:id`) matches here exactly as
 * it does for routing. Middleware (the web UI's files, Bull Board's router) has no route and is
 * not indexed: a path only they serve keeps its 404.
 */
export function indexRoutes(expressApp: { router?: { stack?: unknown[] } }): void {
  const index: RouteIndex = [];
  for (const layer of (expressApp.router?.stack ?? []) as RouteLayer[]) {
    const methods = layer.route?._methods?.();
    const match = layer.match;
    if (!methods?.length || typeof match !== 'function' || answersEverything(methods)) continue;
    index.push({ match: (path) => Boolean(match.call(layer, path)), methods });
  }
  indexes.set(expressApp, index);
}

/**
 * Nest mounts middleware that applies to routes (pino-http's, for one) as a route for every
 * method; no resource of Brug's answers all of these.
 */
function answersEverything(methods: string[]): boolean {
  return ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].every((m) => methods.includes(m));
}

/**
 * The methods the request's path accepts, in a stable order; empty when no route has the path
 * (or the routes were not indexed). A path with a trailing slash names no resource here either.
 */
export function allowedMethods(request: HttpRequest): string[] {
  // The routes of the application the request came to (tests run several in one process).
  const index = indexes.get((request as unknown as Request).app);
  // The whole path: under a mount (Nest's not-found handler sits on /api/v1) `path` is shorter.
  const path = requestPath(request);
  if (!index || (path.length > 1 && path.endsWith('/'))) return [];
  const methods = new Set<string>();
  for (const route of index) {
    if (route.match(path)) for (const m of route.methods) methods.add(m);
  }
  return [...methods].sort();
}

/** A known path asked with a method it does not answer (RFC 9110 §15.5.6: 405 with `Allow`). */
export class MethodNotAllowed extends DomainError {
  readonly code = 'method_not_allowed';
  readonly title = 'Method not allowed';
  constructor(method: string, allow: string[]) {
    super(`${method} is not allowed here; this resource answers ${allow.join(', ')}.`, {
      headers: { Allow: allow.join(', ') },
      members: { allow },
    });
  }
}
