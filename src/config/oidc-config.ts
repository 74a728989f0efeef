/**
 * The OpenID Connect providers people sign in with (issue 17; ADR 33), read from the
 * environment: several by `OIDC_PROVIDERS=city,meentcoop` with `OIDC_CITY_ISSUER`, … per
 * provider, or one by the unprefixed `OIDC_ISSUER`, `OIDC_CLIENT_ID`, … (its id is `sso`).
 */

export interface OidcProviderConfig {
  /** Lower-case letters, digits and `-`: in paths, and stored with each person's identity. */
  id: string;
  issuer: string;
  clientId: string;
  /** `client_secret_basic` with this secret, or `private_key_jwt` with `clientKey`. */
  clientSecret: string | null;
  /** A PEM private key (PKCS#8) for `private_key_jwt`. */
  clientKey: string | null;
  scopes: string;
  /** The callback path on this service (registered at the provider with PUBLIC_URL before it). */
  redirectPath: string;
  displayName: string;
  /** The claim whose values the identity mappings match (`groups`, `roles`). */
  rolesClaim: string;
}

type Env = Record<string, string | undefined>;

/** The per-provider settings, by suffix (`OIDC_<ID>_<SUFFIX>`, or `OIDC_<SUFFIX>` for one). */
export const OIDC_SETTINGS = [
  'ISSUER',
  'CLIENT_ID',
  'CLIENT_SECRET',
  'CLIENT_KEY',
  'SCOPES',
  'REDIRECT_PATH',
  'DISPLAY_NAME',
  'ROLES_CLAIM',
] as const;

const ID = /^[a-z][a-z0-9-]{0,31}$/;

export function oidcProvidersFrom(env: Env, problems: string[]): OidcProviderConfig[] {
  const read = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const listed = read('OIDC_PROVIDERS');
  const ids = listed
    ? [
        ...new Set(
          listed
            .split(',')
            .map((p) => p.trim().toLowerCase())
            .filter(Boolean),
        ),
      ]
    : read('OIDC_ISSUER')
      ? ['sso']
      : [];
  const providers: OidcProviderConfig[] = [];
  for (const id of ids) {
    if (!ID.test(id)) {
      problems.push(
        `OIDC_PROVIDERS: "${id}" is not a provider id (a letter, then letters, digits, "-")`,
      );
      continue;
    }
    const prefix = listed ? `OIDC_${id.toUpperCase().replace(/-/g, '_')}_` : 'OIDC_';
    const get = (suffix: (typeof OIDC_SETTINGS)[number]) => read(`${prefix}${suffix}`);
    const issuer = get('ISSUER');
    const clientId = get('CLIENT_ID');
    const clientSecret = get('CLIENT_SECRET') ?? null;
    const clientKey = get('CLIENT_KEY')?.replace(/\\n/g, '\n') ?? null;
    if (!issuer) problems.push(`${prefix}ISSUER is required for provider ${id}`);
    else {
      try {
        const url = new URL(issuer);
        const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
        if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
          problems.push(`${prefix}ISSUER must be an https:// URL`);
        }
      } catch {
        problems.push(`${prefix}ISSUER is not a valid URL`);
      }
    }
    if (!clientId) problems.push(`${prefix}CLIENT_ID is required for provider ${id}`);
    if ((clientSecret === null) === (clientKey === null)) {
      problems.push(`${prefix}CLIENT_SECRET or ${prefix}CLIENT_KEY (one of them) is required`);
    }
    if (clientKey !== null && !clientKey.includes('PRIVATE KEY')) {
      problems.push(`${prefix}CLIENT_KEY must be a PEM private key (PKCS#8)`);
    }
    const redirectPath = get('REDIRECT_PATH') ?? `/api/v1/auth/oidc/${id}/callback`;
    // Any path of this service (registered at the provider with PUBLIC_URL before it); a GET
    // there is handled by the provider's callback route (src/auth/oidc/callback-paths.ts).
    if (
      !/^\/[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/.test(redirectPath) ||
      redirectPath.length > 200
    ) {
      problems.push(
        `${prefix}REDIRECT_PATH must be a path like /sso/${id}/callback (no query, no trailing /)`,
      );
    } else if (providers.some((p) => p.redirectPath === redirectPath)) {
      problems.push(`${prefix}REDIRECT_PATH is another provider's callback path too`);
    }
    const scopes = get('SCOPES') ?? 'openid profile email';
    if (!scopes.split(/\s+/).includes('openid')) {
      problems.push(`${prefix}SCOPES must include openid`);
    }
    providers.push({
      id,
      issuer: issuer ?? '',
      clientId: clientId ?? '',
      clientSecret,
      clientKey,
      scopes,
      redirectPath,
      displayName: get('DISPLAY_NAME') ?? id,
      rolesClaim: get('ROLES_CLAIM') ?? 'groups',
    });
  }
  return providers;
}
