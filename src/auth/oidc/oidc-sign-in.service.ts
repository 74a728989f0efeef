import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as oidc from 'openid-client';
import type { DataSource } from 'typeorm';
import type { AppConfig, OidcProviderConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { parseIfMatch } from '../../common/etag';
import { pgErrorCode, PG_UNIQUE_VIOLATION } from '../../database/pg-errors';
import { RedisService } from '../../redis/redis.service';
import { EmailTaken } from '../auth.errors';
import { UsersService } from '../users.service';
import { IdentityMappingsService } from './identity-mappings.service';
import { OidcClients } from './oidc-clients';

/** How long a started sign-in waits for the provider's answer. */
const FLOW_TTL_SECONDS = 600;

/** Why a sign-in through a provider did not end in a session: the problem page's words. */
export const OIDC_PROBLEMS = [
  'unknown_provider',
  'flow_expired',
  'state_mismatch',
  'provider_refused',
  'code_rejected',
  'nonce_mismatch',
  'issuer_mismatch',
  'id_token_expired',
  'id_token_invalid',
  'provider_unavailable',
  'no_mapping',
  'account_inactive',
  'email_in_use',
  'sign_in_failed',
] as const;
export type OidcProblemCode = (typeof OIDC_PROBLEMS)[number];

export class OidcProblem extends Error {
  constructor(
    readonly code: OidcProblemCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

interface Flow {
  provider: string;
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
}

export interface SignedInByProvider {
  userId: string;
  tokenVersion: number;
  provider: string;
  idToken: string;
  returnTo: string;
}

/**
 * Signing in through an OpenID Connect provider (ADR 33): the authorization code flow with
 * PKCE, `state` and `nonce`, through openid-client. The flow's secrets wait in Redis for ten
 * minutes under a random id that only this browser's cookie knows, and are taken once. People
 * are found by (issuer, sub), never by e-mail alone; their role, unit and domains come from the
 * identity mappings, applied at every sign-in.
 */
@Injectable()
export class OidcSignInService {
  private readonly logger = new Logger('Oidc');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly clients: OidcClients,
    private readonly redis: RedisService,
    private readonly mappings: IdentityMappingsService,
    private readonly users: UsersService,
  ) {}

  provider(id: string): OidcProviderConfig {
    const provider = this.clients.provider(id);
    if (!provider) throw new OidcProblem('unknown_provider', `No provider ${id} is configured`);
    return provider;
  }

  /** The provider's authorization URL and the flow id for this browser's cookie. */
  async start(providerId: string, returnTo: string): Promise<{ url: string; flowId: string }> {
    const provider = this.provider(providerId);
    const configuration = await this.configuration(provider);
    const flow: Flow = {
      provider: provider.id,
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      returnTo,
    };
    const flowId = randomBytes(24).toString('base64url');
    await this.redis.client.set(
      this.redis.key('oidc-flow', flowId),
      JSON.stringify(flow),
      'EX',
      FLOW_TTL_SECONDS,
    );
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.clients.redirectUri(provider),
      scope: provider.scopes,
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
    });
    return { url: url.toString(), flowId };
  }

  /** Finishes a sign-in at the callback; throws OidcProblem for anything but success. */
  async finish(
    providerId: string,
    flowId: string | undefined,
    callbackUrl: URL,
  ): Promise<SignedInByProvider> {
    const provider = this.provider(providerId);
    const stored = flowId
      ? await this.redis.client.getdel(this.redis.key('oidc-flow', flowId))
      : null;
    if (!stored) throw new OidcProblem('flow_expired', 'No sign-in was started in this browser');
    const flow = JSON.parse(stored) as Flow;
    if (flow.provider !== provider.id) {
      throw new OidcProblem('state_mismatch', 'The sign-in was started with another provider');
    }
    const error = callbackUrl.searchParams.get('error');
    if (callbackUrl.searchParams.get('state') !== flow.state) {
      throw new OidcProblem('state_mismatch', 'The state does not match the sign-in started');
    }
    if (error) throw new OidcProblem('provider_refused', `The provider answered ${error}`);
    const configuration = await this.configuration(provider);
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
    } catch (failure) {
      throw this.problemOf(provider, failure);
    }
    const claims = tokens.claims();
    const idToken = tokens.id_token;
    if (!claims || !idToken) throw new OidcProblem('id_token_invalid', 'No ID token');
    const user = await this.personFor(provider, claims);
    return { ...user, provider: provider.id, idToken, returnTo: flow.returnTo };
  }

  /** Finds (issuer, sub), or makes the person at a first sign-in; applies the mapped claims. */
  private async personFor(
    provider: OidcProviderConfig,
    claims: oidc.IDToken,
  ): Promise<{ userId: string; tokenVersion: number }> {
    const raw = claims[provider.rolesClaim];
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
    const mapped = await this.mappings.resolve(provider.id, values);
    const log = { provider: provider.id, issuer: claims.iss, sub: claims.sub };
    if (!mapped) {
      throw new OidcProblem('no_mapping', `No identity mapping for ${JSON.stringify(values)}`);
    }
    const found: { user_id: string }[] = await this.db
      .query(
        `UPDATE user_identities SET last_sign_in_at = now()
        WHERE issuer = $1 AND subject = $2 RETURNING user_id`,
        [claims.iss, claims.sub],
      )
      .then((r: [{ user_id: string }[], number]) => r[0]);
    const name = typeof claims['name'] === 'string' ? claims['name'] : claims.sub;
    let userId = found[0]?.user_id;
    if (!userId) {
      const email =
        typeof claims['email'] === 'string'
          ? claims['email'].toLowerCase()
          : `${claims.sub}@${provider.id}.invalid`;
      try {
        const created = await this.users.create(
          { id: null, role: 'system', name: `Sign-in through ${provider.displayName}` },
          {
            email,
            name,
            role: mapped.role,
            organisationUnitId: mapped.organisationUnitId,
            domains: mapped.domains,
          },
          {
            alsoDo: async (w, id) => {
              await w.manager.query(
                `INSERT INTO user_identities (issuer, subject, user_id, provider, last_sign_in_at)
                 VALUES ($1, $2, $3, $4, now())`,
                [claims.iss, claims.sub, id, provider.id],
              );
              w.audit({
                action: 'user.signed_up_by_provider',
                subjectType: 'user',
                subjectId: id,
                data: { provider: provider.id, issuer: claims.iss, claimValues: values },
              });
            },
          },
        );
        userId = created.id;
        this.logger.log({ event: 'oidc_user_created', userId, ...log }, 'First sign-in');
      } catch (error) {
        if (error instanceof EmailTaken || pgErrorCode(error) === PG_UNIQUE_VIOLATION) {
          throw new OidcProblem('email_in_use', 'Another account has this e-mail address');
        }
        throw error;
      }
    } else {
      const current = await this.users.get(userId);
      if (!current.active) throw new OidcProblem('account_inactive', 'The account is deactivated');
      const domains = [...(current.domains ?? [])].sort();
      const changed =
        current.role !== mapped.role ||
        (current.organisationUnit?.id ?? null) !== mapped.organisationUnitId ||
        domains.join(',') !== mapped.domains.join(',');
      if (changed) {
        await this.users.update(
          { id: userId, role: current.role, name: current.name },
          userId,
          {
            role: mapped.role,
            organisationUnitId: mapped.organisationUnitId,
            domains: mapped.domains,
          },
          parseIfMatch(`"${current.version}"`),
        );
        this.logger.log({ event: 'oidc_claims_applied', userId, ...log }, 'Claims changed');
      }
    }
    const actor = await this.users.findActor(userId);
    if (!actor?.active) throw new OidcProblem('account_inactive', 'The account is deactivated');
    return { userId, tokenVersion: actor.tokenVersion };
  }

  private async configuration(provider: OidcProviderConfig): Promise<oidc.Configuration> {
    try {
      return await this.clients.configuration(provider);
    } catch (failure) {
      this.clients.forget(provider.id);
      throw new OidcProblem('provider_unavailable', `Discovery failed: ${String(failure)}`);
    }
  }

  /** Names what openid-client refused, in the problem page's terms. */
  private problemOf(provider: OidcProviderConfig, failure: unknown): OidcProblem {
    const text = failure instanceof Error ? `${failure.name}: ${failure.message}` : String(failure);
    if (failure instanceof oidc.ResponseBodyError) {
      return new OidcProblem('code_rejected', `The token endpoint answered ${failure.error}`);
    }
    if (failure instanceof oidc.AuthorizationResponseError) {
      return new OidcProblem('provider_refused', `The provider answered ${failure.error}`);
    }
    // openid-client wraps what oauth4webapi found (its code, the claim) in `cause`.
    const inner = ((failure as { cause?: unknown }).cause ?? failure) as {
      code?: string;
      name?: string;
      message?: string;
      cause?: { claim?: string; code?: string };
    };
    const code = inner.code ?? (failure as { code?: string }).code;
    const innerText = `${inner.name ?? ''}: ${inner.message ?? ''} ${text}`;
    if (code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED')
      return new OidcProblem('id_token_expired', innerText);
    if (code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED') {
      if (inner.cause?.claim === 'nonce') return new OidcProblem('nonce_mismatch', innerText);
      if (inner.cause?.claim === 'iss') return new OidcProblem('issuer_mismatch', innerText);
    }
    if (/"iss"|issuer/i.test(innerText)) return new OidcProblem('issuer_mismatch', innerText);
    if (
      inner instanceof TypeError ||
      failure instanceof TypeError ||
      /fetch failed|ECONNREFUSED|timeout|aborted/i.test(innerText) ||
      inner.name === 'TimeoutError'
    ) {
      this.clients.forget(provider.id);
      return new OidcProblem('provider_unavailable', innerText);
    }
    return new OidcProblem('id_token_invalid', innerText);
  }
}
