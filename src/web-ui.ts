import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import fastifyStatic from '@fastify/static';
import send from '@fastify/send';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { exchangeOf, negotiate, pathOf } from './common/http-exchange';

/** Where `npm run build -w web` puts the UI (the same from dist/ and, under Jest, from src/). */
export const WEB_DIST_DIR = resolve(__dirname, '..', 'web', 'dist');

/**
 * Paths that belong to the service; the UI never answers them, whatever they are. The other
 * /admin pages (/admin, /admin/users, …) are the web UI's; /admin/queues is Bull Board.
 */
const SERVICE_PREFIXES = ['/api', '/health', '/metrics', '/admin/queues'];

/** Vite names what it builds into /assets by content hash: a changed file is a new name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The UI's own Content-Security-Policy: everything from this origin only, no inline script (the
 * build has none), no inline style elements (React sets styles through the CSSOM), images also
 * as data: URIs (the design system's CSS draws a few icons that way). The API's responses keep
 * the service-wide policy from helmet.
 */
export function webUiContentSecurityPolicy(publicUrl: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "script-src-attr 'none'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Only behind HTTPS: on plain http://localhost it would send the browser to https://.
    ...(publicUrl.startsWith('https:') ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

function isServicePath(path: string): boolean {
  return SERVICE_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
}

/**
 * Serves the built web UI at `/`: its files (hashed assets cached for a year, the rest
 * revalidated) and, for any other GET of a page (no file extension, HTML acceptable, not a
 * service path, no route of Nest's), index.html, so that deep links such as
 * /cases/BRUG-2026-000001 survive a reload. Whatever the UI does not serve ends in the
 * problem+json 404.
 *
 * The files are `@fastify/static` routes, one per file found when the service starts (a new
 * build is served after a restart). The page fallback is a hook on requests no route answers,
 * not a route, so a path the UI does not know keeps its 404 and 405 (test/routes.test.ts lists
 * routes).
 *
 * Without web/dist (a backend-only checkout) it logs that and serves nothing.
 */
export function serveWebUi(
  app: NestFastifyApplication,
  options: { publicUrl: string; distDir?: string },
): boolean {
  const distDir = options.distDir ?? WEB_DIST_DIR;
  const indexFile = join(distDir, 'index.html');
  if (!existsSync(indexFile)) {
    new Logger('WebUi').log(
      `No web UI at ${distDir} (run "npm run build" to build it): serving the API only.`,
    );
    return false;
  }
  const policy = webUiContentSecurityPolicy(options.publicUrl);
  const assets = join(distDir, 'assets');
  const fastify = app.getHttpAdapter().getInstance();

  void fastify.register(fastifyStatic, {
    root: distDir,
    prefix: '/',
    wildcard: false,
    index: false,
    redirect: false,
    // The page fallback below sends index.html itself; the queue board's own copy of this
    // plugin decorates its replies.
    decorateReply: false,
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('Cache-Control', path.startsWith(assets) ? IMMUTABLE : 'no-cache');
    },
  });

  fastify.addHook('onRequest', (request, reply, done) => {
    if (!request.is404 || (request.method !== 'GET' && request.method !== 'HEAD')) return done();
    const path = pathOf(request.url);
    const page =
      !isServicePath(path) &&
      !/\.[A-Za-z0-9]+$/.test(path) &&
      negotiate(exchangeOf(request, reply).request).type('html') !== false;
    if (!page) return done();
    send(request.raw, 'index.html', { root: distDir, index: false, cacheControl: false }).then(
      (file) => {
        if (file.type !== 'file')
          return done(file.type === 'error' ? file.metadata.error : undefined);
        void reply
          .code(file.statusCode)
          .headers(file.headers)
          .header('Content-Security-Policy', policy)
          .header('Cache-Control', 'no-cache')
          .send(file.stream);
      },
      (error: Error) => done(error),
    );
  });
  return true;
}
