import { createPrivateKey, webcrypto } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { Clock } from '../../common/clock';
import type { AppConfig, OidcProviderConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';

/** How long a call to a provider may take before it counts as not answering. */
const PROVIDER_TIMEOUT_SECONDS = 10;

const isLoopback = (issuer: string): boolean =>
  ['localhost', '127.0.0.1', '[::1]'].includes(new URL(issuer).hostname);

/**
 * The relying party's side of each configured provider (ADR 33), through `openid-client`: the
 * provider's metadata is discovered on first use (and again after a failure), and each use gets
 * a configuration whose clock is Brug's injectable Clock, so a test can age an ID token.
 */
@Injectable()
export class OidcClients {
  private readonly logger = new Logger('Oidc');
  private readonly discovered = new Map<string, oidc.ServerMetadata>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The configured providers, for the sign-in page's buttons. */
  get providers(): OidcProviderConfig[] {
    return this.config.oidcProviders;
  }

  provider(id: string): OidcProviderConfig | undefined {
    return this.config.oidcProviders.find((p) => p.id === id);
  }

  redirectUri(provider: OidcProviderConfig): string {
    return `${this.config.publicUrl}${provider.redirectPath}`;
  }

  /** Where a provider sends the browser back after signing out there. */
  signedOutUri(): string {
    return `${this.config.publicUrl}/sign-in?signedOut=1`;
  }

  /** A configuration for one use; throws when the provider does not answer discovery. */
  async configuration(provider: OidcProviderConfig): Promise<oidc.Configuration> {
    let server = this.discovered.get(provider.id);
    if (!server) {
      const found = await oidc.discovery(
        new URL(provider.issuer),
        provider.clientId,
        undefined,
        await this.clientAuth(provider),
        {
          timeout: PROVIDER_TIMEOUT_SECONDS,
          ...(isLoopback(provider.issuer) ? { execute: [oidc.allowInsecureRequests] } : {}),
        },
      );
      server = found.serverMetadata();
      this.discovered.set(provider.id, server);
      this.logger.log({ event: 'oidc_discovered', provider: provider.id }, 'Provider discovered');
    }
    const skew = Math.round((this.clock.now().getTime() - Date.now()) / 1000);
    const configuration = new oidc.Configuration(
      server,
      provider.clientId,
      { [oidc.clockSkew]: skew, [oidc.clockTolerance]: 30 },
      await this.clientAuth(provider),
    );
    configuration.timeout = PROVIDER_TIMEOUT_SECONDS;
    if (isLoopback(provider.issuer)) oidc.allowInsecureRequests(configuration);
    return configuration;
  }

  /** Forgets a provider's metadata (after it failed), so the next use discovers it again. */
  forget(providerId: string): void {
    this.discovered.delete(providerId);
  }

  private readonly keys = new Map<string, webcrypto.CryptoKey>();

  /** `client_secret_basic`, or `private_key_jwt` signed with the PEM key (RSA or P-256). */
  private async clientAuth(provider: OidcProviderConfig): Promise<oidc.ClientAuth> {
    if (!provider.clientKey) return oidc.ClientSecretBasic(provider.clientSecret ?? '');
    let key = this.keys.get(provider.id);
    if (!key) {
      const pem = createPrivateKey(provider.clientKey);
      const der = pem.export({ format: 'der', type: 'pkcs8' });
      const algorithm =
        pem.asymmetricKeyType === 'ec'
          ? { name: 'ECDSA', namedCurve: 'P-256' }
          : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
      key = await webcrypto.subtle.importKey('pkcs8', der, algorithm, false, ['sign']);
      this.keys.set(provider.id, key);
    }
    return oidc.PrivateKeyJwt(key);
  }
}
