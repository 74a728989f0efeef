import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CatalogueService } from '../../catalogue/catalogue.service';
import { ValidationFailed } from '../../common/errors';
import { checkIfMatch, type IfMatch } from '../../common/etag';
import { changedFields, UnitOfWork, type ActorRef } from '../../database/unit-of-work';
import { updateVersioned } from '../../database/versioned';
import type {
  CreateRoutingRuleDto,
  RoutingRuleDto,
  UpdateRoutingRuleDto,
} from './routing-rule.dto';
import { RoutingRuleEntity } from './routing-rule.entity';
import { SEED_ROUTING_RULES } from './routing-rules';
import { RoutingRuleNotFound } from '../workflow.errors';

const RULES_TTL_MS = 5000;

/** Routing rules: admin-managed, audited (`catalogue.changed`), never deleted. */
@Injectable()
export class RoutingRulesService {
  private cached: { rules: RoutingRuleEntity[]; until: number } | undefined;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly catalogue: CatalogueService,
  ) {}

  /** The rules in the order they are tried. */
  all(includeInactive = true): Promise<RoutingRuleEntity[]> {
    return this.db.getRepository(RoutingRuleEntity).find({
      where: includeInactive ? {} : { active: true },
      order: { position: 'ASC', id: 'ASC' },
    });
  }

  /**
   * The active rules, as routing uses them: read at most every few seconds per process (a
   * change made in another process applies within RULES_TTL_MS; in this one, at once).
   */
  async active(): Promise<RoutingRuleEntity[]> {
    const now = Date.now();
    if (!this.cached || this.cached.until <= now) {
      this.cached = { rules: await this.all(false), until: now + RULES_TTL_MS };
    }
    return this.cached.rules;
  }

  async list(): Promise<RoutingRuleDto[]> {
    const rules = await this.all();
    const teams = await this.catalogue.unitRefs(rules.map((r) => r.teamId));
    return rules.map((r) => toDto(r, teams.get(r.teamId)?.name ?? ''));
  }

  async create(actor: ActorRef, input: CreateRoutingRuleDto): Promise<RoutingRuleDto> {
    await this.validate(input);
    return this.uow.run(actor, async (w) => {
      const { identifiers } = await w.manager.getRepository(RoutingRuleEntity).insert({
        position: input.position,
        name: input.name,
        leadDomains: input.leadDomains ?? [],
        anyDomains: input.anyDomains ?? [],
        minValueCents: input.minValueCents ?? null,
        maxValueCents: input.maxValueCents ?? null,
        priorities: input.priorities ?? [],
        teamId: input.teamId,
        active: true,
      });
      const id = String(identifiers[0]?.id);
      this.cached = undefined;
      const rule = await this.get(w.manager, id);
      w.audit({
        action: 'catalogue.changed',
        subjectType: 'routing_rule',
        subjectId: id,
        data: { change: 'created', ...snapshot(rule) },
      });
      return this.present(w.manager, rule);
    });
  }

  /** Changes a rule at the version the caller read (`If-Match`). */
  async update(
    actor: ActorRef,
    id: string,
    input: UpdateRoutingRuleDto,
    ifMatch: IfMatch | undefined,
  ): Promise<RoutingRuleDto> {
    await this.validate(input);
    return this.uow.run(actor, async (w) => {
      const rule = await this.get(w.manager, id, true);
      checkIfMatch(ifMatch, rule.version);
      const before = snapshot(rule);
      const after = { ...before, ...stripUndefined(input) };
      const changes = changedFields(
        Object.fromEntries(Object.entries(before).map(([k, v]) => [k, JSON.stringify(v)])),
        Object.fromEntries(Object.entries(after).map(([k, v]) => [k, JSON.stringify(v)])),
      );
      if (Object.keys(changes).length === 0) return this.present(w.manager, rule);
      await updateVersioned(
        w.manager.getRepository(RoutingRuleEntity),
        { id },
        rule.version,
        stripUndefined(input),
      );
      this.cached = undefined;
      w.audit({
        action: 'catalogue.changed',
        subjectType: 'routing_rule',
        subjectId: id,
        data: {
          change: 'updated',
          changes: Object.fromEntries(
            Object.keys(changes).map((k) => [
              k,
              { old: before[k as keyof typeof before], new: after[k as keyof typeof after] },
            ]),
          ),
        },
      });
      return this.present(w.manager, await this.get(w.manager, id));
    });
  }

  /** Creates the starting rules when there are none yet (idempotent). */
  async seed(actor: ActorRef): Promise<number> {
    const existing = await this.db.getRepository(RoutingRuleEntity).count();
    if (existing > 0) return 0;
    let created = 0;
    for (const seed of SEED_ROUTING_RULES) {
      const team = await this.catalogue.findUnitByCode(seed.teamCode);
      if (!team) continue;
      await this.create(actor, {
        position: seed.position,
        name: seed.name,
        leadDomains: seed.leadDomains,
        teamId: team.id,
      });
      created++;
    }
    return created;
  }

  private async validate(input: UpdateRoutingRuleDto): Promise<void> {
    if (input.teamId) {
      const team = await this.catalogue.getUnit(input.teamId).catch(() => null);
      if (!team || !team.active || team.kind !== 'meentcoop_team') {
        throw new ValidationFailed([
          { field: 'teamId', code: 'not_a_team', message: 'must be an active MeentCoop team' },
        ]);
      }
    }
    for (const field of ['leadDomains', 'anyDomains'] as const) {
      await this.catalogue.assertActiveDomains(input[field] ?? [], (i) => `${field}[${i}]`);
    }
    if (
      input.minValueCents != null &&
      input.maxValueCents != null &&
      input.minValueCents > input.maxValueCents
    ) {
      throw new ValidationFailed([
        {
          field: 'maxValueCents',
          code: 'out_of_range',
          message: 'must not be below minValueCents',
          params: { min: input.minValueCents },
        },
      ]);
    }
  }

  private async get(manager: EntityManager, id: string, lock = false): Promise<RoutingRuleEntity> {
    const rule = await manager.getRepository(RoutingRuleEntity).findOne({
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!rule) throw new RoutingRuleNotFound(id);
    return rule;
  }

  private async present(manager: EntityManager, rule: RoutingRuleEntity): Promise<RoutingRuleDto> {
    const teams = await this.catalogue.unitRefs([rule.teamId], manager);
    return toDto(rule, teams.get(rule.teamId)?.name ?? '');
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function snapshot(rule: RoutingRuleEntity) {
  return {
    position: rule.position,
    name: rule.name,
    leadDomains: rule.leadDomains,
    anyDomains: rule.anyDomains,
    minValueCents: rule.minValueCents,
    maxValueCents: rule.maxValueCents,
    priorities: rule.priorities,
    teamId: rule.teamId,
    active: rule.active,
  };
}

function toDto(rule: RoutingRuleEntity, teamName: string): RoutingRuleDto {
  return {
    id: rule.id,
    position: rule.position,
    name: rule.name,
    leadDomains: rule.leadDomains,
    anyDomains: rule.anyDomains,
    minValueCents: rule.minValueCents,
    maxValueCents: rule.maxValueCents,
    priorities: rule.priorities,
    team: { id: rule.teamId, name: teamName },
    active: rule.active,
    version: rule.version,
  };
}
