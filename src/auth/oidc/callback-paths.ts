import type { NextFunction, Request, Response } from 'express';
import type { OidcProviderConfig } from '../../config/config';

/** The callback route each provider has in any case. */
export const defaultCallbackPath = (providerId: string): string =>
  `/api/v1/auth/oidc/${providerId}/callback`;

/**
 * A provider registered with another callback path (`OIDC_<ID>_REDIRECT_PATH`, ADR 33): a GET
 * there is handled by the provider's callback route, its query (code, state) kept. Runs before
 * the routes; every other request passes untouched.
 */
export function oidcCallbackPaths(providers: readonly OidcProviderConfig[]) {
  const aliases = new Map(
    providers
      .filter((p) => p.redirectPath !== defaultCallbackPath(p.id))
      .map((p) => [p.redirectPath, defaultCallbackPath(p.id)] as const),
  );
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (aliases.size > 0 && (req.method === 'GET' || req.method === 'HEAD')) {
      const q = req.url.indexOf('?');
      const target = aliases.get(q < 0 ? req.url : req.url.slice(0, q));
      if (target) req.url = `${target}${q < 0 ? '' : req.url.slice(q)}`;
    }
    next();
  };
}
