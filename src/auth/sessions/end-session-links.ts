import { Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { OidcClients } from '../oidc/oidc-clients';

/**
 * Where a browser goes after signing out of a session begun at an identity provider: the
 * provider's `end_session_endpoint` (RP-initiated logout), with the ID token as hint and Brug's
 * sign-in page to come back to. Null for password sessions, or a provider without one.
 */
@Injectable()
export class EndSessionLinks {
  private readonly logger = new Logger('Oidc');

  constructor(private readonly clients: OidcClients) {}

  async for(ended: { provider: string | null; idToken: string | null }): Promise<string | null> {
    const provider = ended.provider ? this.clients.provider(ended.provider) : undefined;
    if (!provider) return null;
    try {
      const configuration = await this.clients.configuration(provider);
      if (!configuration.serverMetadata().end_session_endpoint) return null;
      return oidc
        .buildEndSessionUrl(configuration, {
          client_id: provider.clientId,
          ...(ended.idToken ? { id_token_hint: ended.idToken } : {}),
          post_logout_redirect_uri: this.clients.signedOutUri(),
        })
        .toString();
    } catch (error) {
      this.logger.warn(
        { event: 'oidc_end_session_unavailable', provider: provider.id, error: String(error) },
        'The provider’s end-session endpoint is unknown; signed out of Brug only',
      );
      this.clients.forget(provider.id);
      return null;
    }
  }
}
