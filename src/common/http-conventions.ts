import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { BadRequestException, NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import helmet from 'helmet';
import { API_BASE_PATH, API_VERSION } from './api-version';
import { exchangeOf, pathOf } from './http-exchange';
import type { ProblemFilter } from './problem.filter';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request's id: the client's `X-Request-Id` when it is safe to echo, a new UUID otherwise.
 * Kept on Node's request too, where the request log (pino-http) reads it.
 */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  (request as IncomingMessage & { id?: string }).id = id;
  return id;
}

/**
 * The security headers helmet sets, with Brug's options. They do not depend on the request, so
 * they are worked out once, by running helmet's middleware against a response that only
 * records them, and every answer gets the same list.
 */
export function securityHeaders(): [string, string][] {
  const headers: [string, string][] = [];
  const recorder = {
    setHeader: (name: string, value: string) => headers.push([name, String(value)]),
    removeHeader: () => undefined,
  };
  helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: { 'frame-ancestors': ["'none'"] },
    },
    frameguard: { action: 'deny' },
    strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
  })(
    {} as Parameters<ReturnType<typeof helmet>>[0],
    recorder as unknown as Parameters<ReturnType<typeof helmet>>[1],
    () => undefined,
  );
  return headers;
}

/**
 * Conventions that hold for every response, including errors and unknown routes: the request
 * id, `API-Version`, no caching of API answers (they may hold personal data), and the security
 * headers. They are set on Node's response, so that an answer a route streams itself has them
 * too, and any part that answers later may replace one (the web UI its own policy).
 *
 * The hook also answers a path with a trailing slash, which names no resource (NLGov ADR): 404,
 * never a redirect. `frameworkErrors` answers what the router refuses before any hook runs (a
 * path that is not valid percent-encoding): 400, with the same headers.
 */
export function httpConventions(problems: ProblemFilter): {
  hook: onRequestHookHandler;
  frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => void;
} {
  const security = securityHeaders();
  const setHeaders = (request: FastifyRequest, reply: FastifyReply, path: string) => {
    const raw = reply.raw;
    raw.setHeader('X-Request-Id', String(request.id));
    raw.setHeader('API-Version', API_VERSION);
    if (path.startsWith(API_BASE_PATH) || path.startsWith('/health')) {
      raw.setHeader('Cache-Control', 'no-store');
    }
    for (const [name, value] of security) raw.setHeader(name, value);
  };
  return {
    hook: (request, reply, done) => {
      const path = pathOf(request.url);
      setHeaders(request, reply, path);
      done(path.length > 1 && path.endsWith('/') ? new NotFoundException() : undefined);
    },
    frameworkErrors: (_error, request, reply) => {
      setHeaders(request, reply, pathOf(request.url));
      const { request: req, response } = exchangeOf(request, reply);
      problems.respond(
        new BadRequestException('The request’s path is not valid percent-encoding.'),
        req,
        response,
      );
    },
  };
}
