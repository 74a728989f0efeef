import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

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
 * service path), index.html, so that deep links such as /cases/BRUG-2026-000001 survive a
 * reload. Called after `app.init()`: Nest's routes come first, and whatever the UI does not
 * serve falls through to the problem+json 404. Static and fallback handlers are middleware,
 * not routes (test/routes.test.ts lists routes).
 *
 * Without web/dist (a backend-only checkout) it logs that and serves nothing.
 */
export function serveWebUi(
  app: NestExpressApplication,
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

  app.useStaticAssets(distDir, {
    index: false,
    redirect: false,
    fallthrough: true,
    setHeaders: (res: Response, path: string) => {
      res.setHeader(
        'Cache-Control',
        path.startsWith(join(distDir, 'assets')) ? IMMUTABLE : 'no-cache',
      );
    },
  });

  app.use((req: Request, res: Response, next: NextFunction) => {
    const page =
      (req.method === 'GET' || req.method === 'HEAD') &&
      !isServicePath(req.path) &&
      !/\.[A-Za-z0-9]+$/.test(req.path) &&
      req.accepts('html') !== false;
    if (!page) {
      next();
      return;
    }
    res.setHeader('Content-Security-Policy', policy);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile, (error?: Error) => {
      if (error) next(error);
    });
  });
  return true;
}
