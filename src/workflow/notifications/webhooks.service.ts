import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ValidationFailed } from '../../common/errors';
import { checkIfMatch, type IfMatch } from '../../common/etag';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { CatalogueService } from '../../catalogue/catalogue.service';
import { changedFields, UnitOfWork, type ActorRef } from '../../database/unit-of-work';
import { updateVersioned } from '../../database/versioned';
import { urlProblem, type AddressPolicy } from './address-guard';
import type {
  CreateWebhookDto,
  CreatedWebhookDto,
  UpdateWebhookDto,
  WebhookDto,
} from './webhook.dto';
import { WebhookEntity } from './webhook.entity';
import { WebhookNotFound } from '../workflow.errors';

/** Webhook subscriptions: admin-managed, audited; the secret is shown once and never again. */
@Injectable()
export class WebhooksService {
  readonly addressPolicy: AddressPolicy;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly catalogue: CatalogueService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.addressPolicy = {
      allowLoopback: config.webhookAllowLoopback,
      allowPrivate: config.webhookAllowPrivate,
    };
  }

  async list(): Promise<WebhookDto[]> {
    return (await this.db.getRepository(WebhookEntity).find({ order: { createdAt: 'ASC' } })).map(
      toDto,
    );
  }

  /** The event types any active webhook subscribes to (pass a transaction's manager inside one). */
  async subscribedTypes(manager: EntityManager = this.db.manager): Promise<Set<string>> {
    const rows = await manager.query<{ type: string }[]>(
      'SELECT DISTINCT unnest(event_types) AS type FROM webhooks WHERE active',
    );
    return new Set(rows.map((r) => r.type));
  }

  /** Active webhooks that subscribe to an event type. */
  subscribers(eventType: string): Promise<WebhookEntity[]> {
    return this.db
      .getRepository(WebhookEntity)
      .createQueryBuilder('w')
      .where('w.active AND :type = ANY(w.event_types)', { type: eventType })
      .getMany();
  }

  /** A webhook with its secret, for signing a delivery. */
  withSecret(id: string): Promise<WebhookEntity | null> {
    return this.db
      .getRepository(WebhookEntity)
      .createQueryBuilder('w')
      .addSelect('w.secret')
      .where('w.id = :id', { id })
      .getOne();
  }

  async create(actor: ActorRef, input: CreateWebhookDto): Promise<CreatedWebhookDto> {
    await this.assertUrl(input.url);
    await this.assertFilters(input);
    const secret = input.secret ?? randomBytes(32).toString('base64url');
    return this.uow.run(actor, async (w) => {
      const { identifiers } = await w.manager.getRepository(WebhookEntity).insert({
        url: input.url,
        eventTypes: input.eventTypes,
        secret,
        description: input.description ?? '',
        teamIds: input.teamIds ?? [],
        domainCodes: input.domainCodes ?? [],
        active: true,
      });
      const hook = await this.get(w.manager, String(identifiers[0]?.id));
      w.audit({
        action: 'catalogue.changed',
        subjectType: 'webhook',
        subjectId: hook.id,
        data: {
          change: 'created',
          url: hook.url,
          eventTypes: hook.eventTypes,
          teamIds: hook.teamIds,
          domainCodes: hook.domainCodes,
          active: true,
        },
      });
      return { ...toDto(hook), secret };
    });
  }

  /** Changes a webhook at the version the caller read (`If-Match`). */
  async update(
    actor: ActorRef,
    id: string,
    input: UpdateWebhookDto,
    ifMatch: IfMatch | undefined,
  ): Promise<WebhookDto> {
    if (input.url) await this.assertUrl(input.url);
    await this.assertFilters(input);
    return this.uow.run(actor, async (w) => {
      const hook = await this.get(w.manager, id, true);
      checkIfMatch(ifMatch, hook.version);
      const list = (v: string[] | undefined) => v?.join(',');
      const changes = changedFields(
        {
          ...hook,
          eventTypes: list(hook.eventTypes),
          teamIds: list(hook.teamIds),
          domainCodes: list(hook.domainCodes),
        },
        {
          ...input,
          eventTypes: list(input.eventTypes),
          teamIds: list(input.teamIds),
          domainCodes: list(input.domainCodes),
        },
      );
      if (Object.keys(changes).length === 0) return toDto(hook);
      const values: Partial<WebhookEntity> = Object.fromEntries(
        Object.entries(input).filter(([, v]) => v !== undefined),
      );
      // Switched on again by an administrator: the switch-off and the failing episode are over.
      if (input.active === true && !hook.active) {
        Object.assign(values, {
          switchedOffAt: null,
          switchedOffReason: null,
          failingSince: null,
          failureAlertedAt: null,
        });
      }
      await updateVersioned(w.manager.getRepository(WebhookEntity), { id }, hook.version, values);
      w.audit({
        action: 'catalogue.changed',
        subjectType: 'webhook',
        subjectId: id,
        data: { change: 'updated', changes },
      });
      return toDto(await this.get(w.manager, id));
    });
  }

  /** Teams must be active MeentCoop teams, domains active domains. */
  private async assertFilters(input: { teamIds?: string[]; domainCodes?: string[] }) {
    const teams = input.teamIds ?? [];
    for (const [i, teamId] of teams.entries()) {
      const team = await this.catalogue.getUnit(teamId).catch(() => null);
      if (!team || !team.active || team.kind !== 'meentcoop_team') {
        throw new ValidationFailed([
          {
            field: `teamIds[${i}]`,
            code: 'not_a_team',
            message: 'must be an active MeentCoop team',
          },
        ]);
      }
    }
    await this.catalogue.assertActiveDomains(input.domainCodes ?? [], (i) => `domainCodes[${i}]`);
  }

  private async assertUrl(url: string): Promise<void> {
    const problem = await urlProblem(url, this.addressPolicy);
    if (problem) {
      throw new ValidationFailed([{ field: 'url', code: 'not_a_url', message: problem }]);
    }
  }

  private async get(manager: EntityManager, id: string, lock = false): Promise<WebhookEntity> {
    const hook = await manager.getRepository(WebhookEntity).findOne({
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!hook) throw new WebhookNotFound(id);
    return hook;
  }
}

function toDto(hook: WebhookEntity): WebhookDto {
  return {
    id: hook.id,
    url: hook.url,
    eventTypes: hook.eventTypes,
    teamIds: hook.teamIds,
    domainCodes: hook.domainCodes,
    description: hook.description,
    active: hook.active,
    switchedOffAt: hook.switchedOffAt?.toISOString() ?? null,
    switchedOffReason: hook.switchedOffReason,
    failingSince: hook.failingSince?.toISOString() ?? null,
    version: hook.version,
    createdAt: hook.createdAt.toISOString(),
  };
}
