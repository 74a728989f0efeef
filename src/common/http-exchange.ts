import { type IncomingHttpHeaders, type IncomingMessage, ServerResponse } from 'node:http';
import accepts from 'accepts';
import { serialize, type SerializeOptions } from 'cookie';
import encodeUrl from 'encodeurl';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from './access';

/**
 * The one place where Brug's routes, guards, filters and interceptors meet the HTTP framework's
 * request and response (ADR 53): Fastify's, through `@nestjs/platform-fastify` (ADR 55).
 * Everything else reads and answers a request through these types and functions.
 *
 * A route sees an `HttpRequest` (what every framework's request has: the headers, the method,
 * the client's address, the request id, and what Brug's guard attaches) and an `HttpResponse`,
 * which it does not touch itself: it answers through the functions below, or takes Node's own
 * response over with `takeOverResponse` to stream an answer of its own.
 */
export interface HttpRequest {
  readonly headers: IncomingHttpHeaders;
  readonly method: string;
  /** The client's address, with `TRUST_PROXY` applied. */
  readonly ip?: string;
  /** The request id the logger gave it (`X-Request-Id`). */
  readonly id?: unknown;
  /** Who signed the request in; set by the sign-in guard. */
  actor?: Actor;
  /** The web session (cookie) the request was signed in by, if any (ADR 34). */
  sessionId?: string;
}

/** The framework's response, answered only through the functions of this file. */
export interface HttpResponse {
  readonly __httpResponse?: never;
}

const fastify = {
  request: (request: HttpRequest): FastifyRequest => request as unknown as FastifyRequest,
  reply: (response: HttpResponse): FastifyReply => response as unknown as FastifyReply,
};

/** Node's own request, to read a body as a stream (uploads). */
export function nodeRequest(request: HttpRequest): IncomingMessage {
  return fastify.request(request).raw;
}

/** The request's target as the client sent it, with the query. */
export function requestUrl(request: HttpRequest): string {
  const raw = fastify.request(request);
  return raw.originalUrl ?? raw.url ?? '/';
}

/** A request target's path, without the query: `/api/v1/cases?q=x` is `/api/v1/cases`. */
export function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

/** The request's path as the client sent it, without the query: `/api/v1/cases/…`. */
export function requestPath(request: HttpRequest): string {
  return pathOf(requestUrl(request));
}

/** `http` or `https`, with `TRUST_PROXY` applied to `X-Forwarded-Proto`. */
export function requestProtocol(request: HttpRequest): string {
  return fastify.request(request).protocol;
}

/** Content negotiation over the request's `Accept` headers (the `accepts` package). */
export function negotiate(request: HttpRequest): accepts.Accepts {
  return accepts(nodeRequest(request));
}

/** Sets one header of the answer. */
export function setHeader(
  response: HttpResponse,
  name: string,
  value: string | number | readonly string[],
): void {
  fastify.reply(response).header(name, value);
}

/** Sets the answer's status code; the route's return value is still its body. */
export function setStatus(response: HttpResponse, status: number): void {
  fastify.reply(response).code(status);
}

/** Whether the status line and headers have gone out (an answer streamed, then failed). */
export function headersSent(response: HttpResponse): boolean {
  return fastify.reply(response).raw.headersSent;
}

/** Adds a `Set-Cookie` header (RFC 6265), keeping any set before it. */
export function setCookie(
  response: HttpResponse,
  name: string,
  value: string,
  options: SerializeOptions,
): void {
  // Fastify adds to the cookies already set rather than replacing them.
  fastify.reply(response).header('Set-Cookie', serialize(name, value, options));
}

/** Tells the browser to forget a cookie: empty, and expired long ago. */
export function clearCookie(
  response: HttpResponse,
  name: string,
  options: Omit<SerializeOptions, 'expires' | 'maxAge'>,
): void {
  setCookie(response, name, '', { ...options, expires: new Date(0) });
}

/**
 * Answers with a redirect to `location` (a 302 unless said otherwise) and no body. Characters a
 * URL may not hold are percent-encoded (`encodeurl`, as Express did); `%XX` stays as it is.
 */
export function redirect(response: HttpResponse, location: string, status = 302): void {
  fastify
    .reply(response)
    .code(status)
    .header('Location', encodeUrl(location))
    .header('Content-Length', '0')
    .send();
}

/**
 * Answers with `body` as the whole answer, of type `contentType` (with its charset); a HEAD
 * request gets the headers only: for answers made outside a route's return value (problems).
 */
export function sendText(
  response: HttpResponse,
  status: number,
  contentType: string,
  body: string,
): void {
  const reply = fastify.reply(response);
  if (reply.sent) {
    // Taken over by a route that failed before its first byte: Node's response is its own.
    const raw = reply.raw;
    raw.statusCode = status;
    raw.setHeader('Content-Type', contentType);
    raw.setHeader('Content-Length', Buffer.byteLength(body));
    raw.end(body);
    return;
  }
  reply.code(status).header('Content-Type', contentType).send(body);
}

/**
 * Ends an answer whose headers have already gone out (a stream that failed after its start).
 */
export function endResponse(response: HttpResponse): void {
  fastify.reply(response).raw.end();
}

/**
 * Node's own response, for a route that writes its answer itself (a streamed export, a file, a
 * signed text): the framework will not answer it. Only for routes declared with `@Res()`. The
 * headers set on the answer so far go with it.
 */
export function takeOverResponse(response: HttpResponse): ServerResponse {
  const reply = fastify.reply(response);
  if (!reply.sent) {
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined) reply.raw.setHeader(name, value);
    }
    reply.raw.statusCode = reply.statusCode;
    reply.hijack();
  }
  return reply.raw;
}

const notes = new WeakMap<ServerResponse, Record<string, unknown>>();

/**
 * Values left on an answer for code that runs when it finishes (the metrics count a 503 by its
 * cause).
 */
export function responseNotes(response: HttpResponse | ServerResponse): Record<string, unknown> {
  const raw = response instanceof ServerResponse ? response : fastify.reply(response).raw;
  let found = notes.get(raw);
  if (!found) {
    found = {};
    notes.set(raw, found);
  }
  return found;
}

/**
 * Calls `done` once, when the answer has been sent or the connection closed before that (at
 * once if it already has): for what a request holds while its answer streams.
 */
export function whenResponseEnds(response: HttpResponse, done: () => void): void {
  const raw = fastify.reply(response).raw;
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    done();
  };
  raw.once('finish', once);
  raw.once('close', once);
  // The client may have gone already: then no event comes any more.
  if (raw.closed || raw.destroyed) once();
}

/**
 * The request and response as routes see them, for the application's own handlers outside the
 * routes (the queue board's sign-in check).
 */
export function exchangeOf(
  request: FastifyRequest,
  reply: FastifyReply,
): { request: HttpRequest; response: HttpResponse } {
  return {
    request: request,
    response: reply as unknown as HttpResponse,
  };
}
