import type { IncomingMessage } from 'node:http';
import { parse as parseForm } from 'node:querystring';
import { PassThrough, type Readable, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { parse as parseContentType } from 'content-type';
import type { FastifyInstance } from 'fastify';
import getRawBody from 'raw-body';
import { API_BASE_PATH } from './api-version';
import { pathOf } from './http-exchange';

/**
 * A body Brug refused before any route saw it. `type` and `status` are the ones Express's body
 * parser used, and `raw-body` still uses, so the problem filter names them the same way
 * (`malformed_json`, `payload_too_large`, …) whichever part refused the body.
 */
class BodyError extends Error {
  readonly expose = true;
  constructor(
    readonly type: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The form-encoded body is read only here: OAuth clients send it (RFC 6749 §4.4). */
const TOKEN_PATH = `${API_BASE_PATH}/auth/token`;
const FORM_LIMIT = 16 * 1024;

/** The body through a decompressor; a body that is not what its encoding says is a bad body. */
function inflated(request: IncomingMessage, inflater: Transform): Readable {
  const out = new PassThrough();
  inflater.on('error', () =>
    out.destroy(new BodyError('entity.parse.failed', 400, 'the body could not be decompressed')),
  );
  return request.pipe(inflater).pipe(out);
}

/** The body as sent, decompressed when its `Content-Encoding` says it is. */
function decoded(request: IncomingMessage): Readable {
  const encoding = (request.headers['content-encoding'] ?? 'identity').toLowerCase();
  switch (encoding) {
    case 'identity':
      return request;
    case 'gzip':
      return inflated(request, createGunzip());
    case 'deflate':
      return inflated(request, createInflate());
    case 'br':
      return inflated(request, createBrotliDecompress());
    default:
      throw new BodyError(
        'encoding.unsupported',
        415,
        `unsupported content encoding "${encoding}"`,
      );
  }
}

/** The charset a `Content-Type` names, lower case; none when it names none or cannot be read. */
function charsetOf(contentType: string | undefined): string | undefined {
  try {
    return parseContentType(contentType ?? '').parameters.charset?.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Reads a text body whole, at most `limit` bytes, in the charset it names (UTF-8 unless said). */
async function readText(request: IncomingMessage, limit: number): Promise<string> {
  const charset = charsetOf(request.headers['content-type']) ?? 'utf-8';
  if (!charset.startsWith('utf-')) {
    throw new BodyError('charset.unsupported', 415, `unsupported charset "${charset}"`);
  }
  const stream = decoded(request);
  return getRawBody(stream, {
    // The declared length is the body's only when it is not compressed.
    length: stream === request ? request.headers['content-length'] : undefined,
    limit,
    encoding: charset,
  });
}

/**
 * How Brug reads request bodies (ADR 55):
 *
 * - JSON (`application/json`, `application/*+json`) up to `jsonLimit`: any JSON value, so that
 *   the validation pipe says exactly what is wrong with a body that is not an object; an empty
 *   body is `{}`.
 * - Form-encoded bodies on the token endpoint only.
 * - Every other body is left unread for the route: the document uploads stream multipart and
 *   tus bodies from Node's request themselves, and a route that takes no body never reads one.
 */
export function registerBodyParsers(app: FastifyInstance, options: { jsonLimit: number }): void {
  app.removeAllContentTypeParsers();

  type Done = (error: Error | null, body?: unknown) => void;
  const json = (request: { raw: IncomingMessage }, _payload: unknown, done: Done) => {
    readText(request.raw, options.jsonLimit).then(
      (body) => {
        if (body.length === 0) return done(null, {});
        try {
          done(null, JSON.parse(body));
        } catch {
          done(new BodyError('entity.parse.failed', 400, 'the body is not valid JSON'));
        }
      },
      (error: Error) => done(error),
    );
  };
  app.addContentTypeParser('application/json', json);
  app.addContentTypeParser(/^application\/[^;\s]+\+json(\s*;|$)/i, json);

  app.addContentTypeParser('application/x-www-form-urlencoded', (request, _payload, done) => {
    if (pathOf(request.url) !== TOKEN_PATH) return done(null, undefined);
    readText(request.raw, FORM_LIMIT).then(
      (body) => done(null, { ...parseForm(body) }),
      (error: Error) => done(error),
    );
  });

  app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
}
