import type { FastifyInstance } from 'fastify';
import Router from 'find-my-way';
import { DomainError } from './errors';
import { type HttpRequest, requestPath } from './http-exchange';

type Method = Router.HTTPMethod;

/** What Brug knows of an application's routes: each registered one, and a router over them. */
interface RouteIndex {
  routes: { method: string; path: string }[];
  router: Router.Instance<Router.HTTPVersion.V1>;
  methods: Set<Method>;
}

const indexes = new WeakMap<object, RouteIndex>();
const ROUTES = Symbol('brugRoutes');

/**
 * Keeps an index of every route Fastify registers (Nest's controllers, the probes, the OpenAPI
 * documents, the web UI's files, the queue board): which methods answer which path pattern. It
 * is matched with `find-my-way`, the router Fastify itself uses, so a path parameter
 * (`/cases/:id`) matches here exactly as it does for routing. Called before any route exists.
 */
export function indexRoutes(app: FastifyInstance): void {
  const noop = () => undefined;
  const index: RouteIndex = {
    routes: [],
    router: Router({ ignoreTrailingSlash: false }),
    methods: new Set(),
  };
  indexes.set(app, index);
  app.decorateRequest(ROUTES, { getter: () => index });
  app.addHook('onRoute', (route) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]) as Method[];
    for (const method of methods) {
      // Fastify adds a HEAD route for every GET itself; it is registered once here.
      if (index.routes.some((r) => r.method === method && r.path === route.url)) continue;
      index.routes.push({ method, path: route.url });
      index.methods.add(method);
      index.router.on(method, route.url, noop);
    }
  });
}

/** The routes an application answers (method and path pattern), in the order registered. */
export function routeTable(app: FastifyInstance): { method: string; path: string }[] {
  return [...(indexes.get(app)?.routes ?? [])];
}

/**
 * The methods the request's path accepts, in a stable order; empty when no route has the path
 * (or the routes were not indexed). A path with a trailing slash names no resource here either.
 */
export function allowedMethods(request: HttpRequest): string[] {
  // The routes of the application the request came to (tests run several in one process).
  const index = (request as unknown as { [ROUTES]?: RouteIndex })[ROUTES];
  const path = requestPath(request);
  if (!index || (path.length > 1 && path.endsWith('/'))) return [];
  const methods: string[] = [];
  for (const method of index.methods) {
    if (index.router.find(method, path)) methods.push(method);
  }
  return methods.sort();
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
