import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { CursorCodec } from '../common/cursor';
import { InvalidCursor } from '../common/errors';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { UnitOfWork, type ActorRef, type WriteContext } from '../database/unit-of-work';
import {
  ApiClientNotFound,
  ApiClientSecretLimit,
  ApiClientSecretNotFound,
  OAuthError,
} from './auth.errors';
import type {
  ApiClientDto,
  ApiClientListDto,
  ApiClientSecretDto,
  CreateApiClientDto,
  CreatedApiClientDto,
  ListApiClientsQuery,
  NewApiClientSecretDto,
} from './dto/api-client.dto';
import { ApiClientSecretEntity } from './entities/api-client-secret.entity';
import { UserEntity } from './entities/user.entity';
import { PasswordHasher } from './password-hasher';
import { SignInThrottle } from './sign-in-throttle';
import { TokenService } from './token.service';
import { toUserDto, UsersService } from './users.service';

/** Two live secrets: the one in use and its successor, so a rotation needs no downtime. */
export const MAX_LIVE_SECRETS = 2;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The token answer of the client credentials grant, as RFC 6749 §5.1 names its members. */
export interface ClientToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

/**
 * API clients: integrations (a finance system) that act as a system user with one role (and, for
 * a budget holder's system, its domains), signing in with the OAuth client credentials grant.
 * The client id is the system user's id; secrets are random, shown once, kept as argon2id, at
 * most two live. Every token issued is audited (`api_client.token_issued`, with the secret
 * used), and everything the client then does names it as the actor (ADR 35). Writes
 * `api_client_secrets` only; the system user is made by `UsersService`.
 */
@Injectable()
export class ApiClientsService {
  private readonly logger = new Logger('ApiClients');
  private readonly cursors: CursorCodec;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: SignInThrottle,
    private readonly tokens: TokenService,
    private readonly uow: UnitOfWork,
  ) {
    this.cursors = new CursorCodec(config.jwtSecret);
  }

  /** Makes the client's system user and its first secret in one transaction. */
  async create(actor: ActorRef, input: CreateApiClientDto): Promise<CreatedApiClientDto> {
    let secret: NewApiClientSecretDto | undefined;
    const user = await this.users.create(
      actor,
      {
        // Never mailed, never signed in with: unique, and in a domain that cannot exist.
        email: `client-${randomUUID()}@api-clients.invalid`,
        name: input.name,
        role: input.role,
        organisationUnitId: input.organisationUnitId ?? null,
        domains: input.domains ?? [],
      },
      {
        kind: 'api_client',
        alsoDo: async (w, id) => {
          secret = await this.addSecret(w, id);
        },
      },
    );
    return { client: await this.get(user.id), secret: secret! };
  }

  /** API clients by name, a keyset page at a time, with their live secrets (one query each). */
  async list(query: ListApiClientsQuery): Promise<ApiClientListDto> {
    const pageSize = query.pageSize ?? 50;
    let after: [string, string] | null = null;
    if (query.cursor) {
      const decoded = this.cursors.decode(query.cursor, 'api-clients');
      if (typeof decoded[0] !== 'string' || typeof decoded[1] !== 'string') {
        throw new InvalidCursor();
      }
      after = [decoded[0], decoded[1]];
    }
    const qb = this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.organisationUnit', 'unit')
      .leftJoinAndSelect('u.domains', 'd')
      .where("u.kind = 'api_client'")
      .orderBy('u.name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .take(pageSize + 1);
    if (after) qb.andWhere('(u.name, u.id) > (:name, :id)', { name: after[0], id: after[1] });
    const users = await qb.getMany();
    const page = users.slice(0, pageSize);
    const items = await this.toDtos(page);
    const last = page[page.length - 1];
    return {
      items,
      nextCursor:
        users.length > pageSize && last
          ? this.cursors.encode([last.name, last.id], 'api-clients')
          : null,
    };
  }

  async get(id: string): Promise<ApiClientDto> {
    const user = UUID.test(id)
      ? await this.db.getRepository(UserEntity).findOne({
          where: { id, kind: 'api_client' },
          relations: { organisationUnit: true, domains: true },
        })
      : null;
    if (!user) throw new ApiClientNotFound(id);
    const [dto] = await this.toDtos([user]);
    return dto!;
  }

  /** A new secret beside the live one (rotation); refused when two are live already. */
  async createSecret(actor: ActorRef, clientId: string): Promise<NewApiClientSecretDto> {
    return this.uow.run(actor, async (w) => {
      // Serialises concurrent rotations of one client, so the limit holds.
      const [client] = await w.manager.query<unknown[]>(
        `SELECT 1 FROM users WHERE id = $1 AND kind = 'api_client' FOR UPDATE`,
        [clientId],
      );
      if (!client) throw new ApiClientNotFound(clientId);
      const live = await w.manager
        .getRepository(ApiClientSecretEntity)
        .countBy({ clientId, retiredAt: IsNull() });
      if (live >= MAX_LIVE_SECRETS) throw new ApiClientSecretLimit(MAX_LIVE_SECRETS);
      return this.addSecret(w, clientId);
    });
  }

  /** Retires a secret: no new token is issued with it (tokens issued live out their hour). */
  async retireSecret(actor: ActorRef, clientId: string, secretId: string): Promise<void> {
    await this.uow.run(actor, async (w) => {
      const result = UUID.test(secretId)
        ? await w.manager
            .getRepository(ApiClientSecretEntity)
            .update({ id: secretId, clientId, retiredAt: IsNull() }, { retiredAt: () => 'now()' })
        : { affected: 0 };
      if (!result.affected) throw new ApiClientSecretNotFound(secretId);
      w.audit({
        action: 'api_client.secret_retired',
        subjectType: 'user',
        subjectId: clientId,
        data: { secretId },
      });
    });
  }

  /**
   * The client credentials grant: the client id and a live secret of an active client give a
   * bearer token of its system user. Attempts count against the sign-in throttle (per client
   * id and address); every failure is the same `invalid_client`.
   */
  async issueToken(
    clientId: string,
    secret: string,
    address: string,
    challenge: Record<string, string> | undefined,
  ): Promise<ClientToken> {
    const attempt = await this.throttle.take(`client:${clientId}`, address);
    const found = UUID.test(clientId) ? await this.liveSecrets(this.db.manager, clientId) : null;
    let matched: string | null = null;
    // Every live secret is checked (at most two), and a dummy when there is none, so the time
    // taken does not tell which client ids exist.
    for (const candidate of found?.secrets.length ? found.secrets : [{ id: '', hash: null }]) {
      if ((await this.hasher.verify(candidate.hash, secret)) && candidate.id)
        matched = candidate.id;
    }
    if (!found || !found.user.active || !matched) {
      this.logger.warn({ event: 'client_credentials_failed', clientId, address }, 'Client refused');
      throw new OAuthError(
        'invalid_client',
        'The client id or secret is not right, or the client is not active.',
        challenge,
      );
    }
    await attempt.succeeded();
    const secretId = matched;
    await this.uow.run(
      { id: found.user.id, role: found.user.role, name: found.user.name },
      async (w) => {
        await w.manager
          .getRepository(ApiClientSecretEntity)
          .update({ id: secretId }, { lastUsedAt: () => 'now()' });
        w.audit({
          action: 'api_client.token_issued',
          subjectType: 'user',
          subjectId: found.user.id,
          data: { secretId },
        });
      },
    );
    return {
      access_token: await this.tokens.issue(found.user.id, found.user.tokenVersion),
      token_type: 'Bearer',
      expires_in: this.tokens.ttlSeconds,
    };
  }

  private async liveSecrets(
    manager: EntityManager,
    clientId: string,
  ): Promise<{
    user: Pick<UserEntity, 'id' | 'name' | 'role' | 'active' | 'tokenVersion'>;
    secrets: { id: string; hash: string }[];
  } | null> {
    const user = await manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select(['u.id', 'u.name', 'u.role', 'u.active'])
      .addSelect('u.tokenVersion')
      .where("u.id = :clientId AND u.kind = 'api_client'", { clientId })
      .getOne();
    if (!user) return null;
    const secrets = await manager
      .getRepository(ApiClientSecretEntity)
      .createQueryBuilder('s')
      .select(['s.id'])
      .addSelect('s.secretHash')
      .where('s.clientId = :clientId AND s.retiredAt IS NULL', { clientId })
      .orderBy('s.createdAt', 'DESC')
      .limit(MAX_LIVE_SECRETS)
      .getMany();
    return { user, secrets: secrets.map((s) => ({ id: s.id, hash: s.secretHash })) };
  }

  private async addSecret(w: WriteContext, clientId: string): Promise<NewApiClientSecretDto> {
    const clientSecret = randomBytes(32).toString('base64url');
    const secretHash = await this.hasher.hash(clientSecret);
    const saved = await w.manager
      .getRepository(ApiClientSecretEntity)
      .save({ clientId, secretHash, retiredAt: null, lastUsedAt: null });
    w.audit({
      action: 'api_client.secret_created',
      subjectType: 'user',
      subjectId: clientId,
      data: { secretId: saved.id },
    });
    return { ...toSecretDto(saved), clientSecret };
  }

  private async toDtos(users: UserEntity[]): Promise<ApiClientDto[]> {
    const secrets = users.length
      ? await this.db.getRepository(ApiClientSecretEntity).find({
          where: { clientId: In(users.map((u) => u.id)), retiredAt: IsNull() },
          order: { createdAt: 'ASC' },
        })
      : [];
    return users.map((u) => {
      const dto = toUserDto(u);
      return {
        id: dto.id,
        name: dto.name,
        role: dto.role,
        organisationUnit: dto.organisationUnit,
        domains: dto.domains,
        active: dto.active,
        version: dto.version,
        createdAt: dto.createdAt,
        secrets: secrets.filter((s) => s.clientId === u.id).map(toSecretDto),
      };
    });
  }
}

function toSecretDto(s: ApiClientSecretEntity): ApiClientSecretDto {
  return {
    id: s.id,
    createdAt: s.createdAt.toISOString(),
    lastUsedAt: s.lastUsedAt ? s.lastUsedAt.toISOString() : null,
  };
}
