import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../auth/roles';
import { CaseReader } from '../../cases/case-reader';
import { CaseNotFound } from '../../cases/cases.errors';
import { CatalogueService } from '../../catalogue/catalogue.service';
import { ValidationFailed } from '../../common/errors';
import { checkIfMatch, type IfMatch } from '../../common/etag';
import { changedFields, UnitOfWork, type ActorRef } from '../../database/unit-of-work';
import { updateVersioned } from '../../database/versioned';
import type {
  CreateRoutingRuleDto,
  DryRunCaseRefDto,
  DryRunRuleDto,
  RoutingDryRunDto,
  RoutingDryRunResultDto,
  RoutingRuleDto,
  UpdateRoutingRuleDto,
} from './routing-rule.dto';
import { RoutingRuleEntity } from './routing-rule.entity';
import {
  FALLBACK_TEAM_CODE,
  inRoutingOrder,
  SEED_ROUTING_RULES,
  unmetConditions,
  type RoutingFacts,
} from './routing-rules';
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
    private readonly cases: CaseReader,
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

  /**
   * Which team a case (or a draft of one) would go to, by the rules as they stand now (read
   * afresh, not the routing cache): the rules tried in order with the conditions each one misses,
   * the first that matches, else the intake team. Reads only: nothing is changed or recorded.
   */
  async dryRun(actor: Actor, input: RoutingDryRunDto): Promise<RoutingDryRunResultDto> {
    const { facts, found } = await this.factsOf(actor, input);
    const rules = inRoutingOrder(await this.all(false));
    const tried: RoutingRuleEntity[] = [];
    let match: RoutingRuleEntity | undefined;
    for (const rule of rules) {
      tried.push(rule);
      if (unmetConditions(rule, facts).length === 0) {
        match = rule;
        break;
      }
    }
    const intake = match ? null : await this.catalogue.findUnitByCode(FALLBACK_TEAM_CODE);
    const teams = await this.catalogue.unitRefs([
      ...tried.map((r) => r.teamId),
      ...(intake ? [intake.id] : []),
    ]);
    const team = (id: string) => ({ id, name: teams.get(id)?.name ?? '' });
    const shown = (rule: RoutingRuleEntity): DryRunRuleDto => {
      const unmet = unmetConditions(rule, facts);
      return {
        id: rule.id,
        name: rule.name,
        position: rule.position,
        team: team(rule.teamId),
        matches: unmet.length === 0,
        unmet,
      };
    };
    return {
      case: found,
      facts,
      rule: match ? shown(match) : null,
      team: match ? team(match.teamId) : intake ? team(intake.id) : null,
      tried: tried.map(shown),
    };
  }

  /** The facts to try: the case's as routing reads them, or the draft's (checked like a filing). */
  private async factsOf(
    actor: Actor,
    input: RoutingDryRunDto,
  ): Promise<{ facts: RoutingFacts; found: DryRunCaseRefDto | null }> {
    const draftFields = (
      ['leadDomain', 'domains', 'estimatedValueCents', 'priority'] as const
    ).filter((k) => input[k] !== undefined);
    if (input.caseId !== undefined) {
      if (draftFields.length > 0) {
        throw new ValidationFailed(
          draftFields.map((field) => ({
            field,
            code: 'not_allowed',
            message: 'is not used when a case is tried',
          })),
        );
      }
      const row = await this.cases.findVisible(this.db.manager, actor, input.caseId.trim());
      const facts = await this.cases.workflowFacts(row.id);
      if (!facts) throw new CaseNotFound(input.caseId);
      return {
        facts: {
          leadDomain: facts.leadDomain,
          domains: facts.domains,
          estimatedValueCents: facts.estimatedValueCents,
          priority: facts.priority,
        },
        found: { id: facts.id, reference: facts.reference, title: facts.title },
      };
    }
    const missing = (['leadDomain', 'estimatedValueCents', 'priority'] as const).filter(
      (k) => input[k] === undefined,
    );
    if (missing.length > 0) {
      throw new ValidationFailed(
        missing.map((field) => ({ field, code: 'required', message: 'is required' })),
      );
    }
    const leadDomain = input.leadDomain!;
    const others = input.domains ?? [];
    await this.catalogue.assertActiveDomains([leadDomain], () => 'leadDomain');
    await this.catalogue.assertActiveDomains(others, (i) => `domains[${i}]`);
    return {
      facts: {
        leadDomain,
        domains: [...new Set([leadDomain, ...others])].sort(),
        estimatedValueCents: input.estimatedValueCents!,
        priority: input.priority!,
      },
      found: null,
    };
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
