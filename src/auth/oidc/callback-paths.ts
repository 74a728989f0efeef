import type { OidcProviderConfig } from '../../config/config';

/** The callback route each provider has in any case. */
export const defaultCallbackPath = (providerId: string): string =>
  `/api/v1/auth/oidc/${providerId}/callback`;

/**
 * A provider registered with another callback path (`OIDC_<ID>_REDIRECT_PATH`, ADR 33): a GET
 * there is handled by the provider's callback route, its query (code, state) kept. Given a
 * request's method and target, gives the target to route; every other request's is its own.
 */
export function oidcCallbackPaths(
  providers: readonly OidcProviderConfig[],
): (method: string | undefined, url: string) => string {
  const aliases = new Map(
    providers
      .filter((p) => p.redirectPath !== defaultCallbackPath(p.id))
      .map((p) => [p.redirectPath, defaultCallbackPath(p.id)] as const),
  );
  return (method, url) => {
    if (aliases.size === 0 || (method !== 'GET' && method !== 'HEAD')) return url;
    const q = url.indexOf('?');
    const target = aliases.get(q < 0 ? url : url.slice(0, q));
    return target ? `${target}${q < 0 ? '' : url.slice(q)}` : url;
  };
}
