import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CalendarService } from '../../calendar/calendar.service';
import { PRIORITIES, type Priority } from '../../cases/case-transitions';
import { checkIfMatch, type IfMatch } from '../../common/etag';
import { pgErrorCode, PG_UNIQUE_VIOLATION } from '../../database/pg-errors';
import { changedFields, UnitOfWork, type ActorRef } from '../../database/unit-of-work';
import { updateVersioned } from '../../database/versioned';
import type { CreateSlaPolicyDto, SlaPolicyDto, UpdateSlaPolicyDto } from './sla-policy.dto';
import { SlaPolicyEntity } from './sla-policy.entity';
import { SlaPolicyExists, SlaPolicyNotFound } from '../workflow.errors';

/** Working days to accept and to propose, per priority: what Brug starts with. */
export const SEED_SLA_POLICIES: Record<Priority, { accept: number; propose: number }> = {
  urgent: { accept: 1, propose: 5 },
  high: { accept: 1, propose: 10 },
  normal: { accept: 2, propose: 15 },
  low: { accept: 5, propose: 20 },
};

const DEFAULT_WARN_BEFORE_SECONDS = 4 * 3600;
const POLICY_TTL_MS = 5000;

export interface DueDates {
  acceptBy: Date;
  proposeBy: Date;
  warnBeforeSeconds: number;
  /** How each stage is counted: the case keeps it, so a suspension moves it alike (ADR 26). */
  counts: { accept: 'working_days' | 'seconds'; propose: 'working_days' | 'seconds' };
}

/** SLA policies per priority: admin-managed, audited, never deleted. */
@Injectable()
export class SlaPoliciesService {
  private cached: { policies: Map<string, SlaPolicyEntity>; until: number } | undefined;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly calendars: CalendarService,
  ) {}

  async list(): Promise<SlaPolicyDto[]> {
    const policies = await this.db.getRepository(SlaPolicyEntity).find();
    return policies
      .sort(
        (a, b) =>
          PRIORITIES.indexOf(a.priority as Priority) - PRIORITIES.indexOf(b.priority as Priority),
      )
      .map(toDto);
  }

  /**
   * The due times of a case routed now with this priority: working days in the installation's
   * calendar (CalendarService, ADR 25), or seconds where the policy says so. Without a policy,
   * the seed's values apply.
   */
  async dueDates(priority: Priority, from = new Date()): Promise<DueDates> {
    const policy = await this.policy(priority);
    const seed = SEED_SLA_POLICIES[priority];
    const calendar = await this.calendars.calendar();
    return {
      acceptBy: calendar.addBusinessDuration(from, {
        workingDays: policy?.acceptWorkingDays ?? seed.accept,
        seconds: policy?.acceptSeconds ?? undefined,
      }),
      proposeBy: calendar.addBusinessDuration(from, {
        workingDays: policy?.proposeWorkingDays ?? seed.propose,
        seconds: policy?.proposeSeconds ?? undefined,
      }),
      warnBeforeSeconds: policy?.warnBeforeSeconds ?? DEFAULT_WARN_BEFORE_SECONDS,
      counts: {
        accept: policy?.acceptSeconds != null ? 'seconds' : 'working_days',
        propose: policy?.proposeSeconds != null ? 'seconds' : 'working_days',
      },
    };
  }

  async warnBeforeSeconds(priority: Priority): Promise<number> {
    const policy = await this.policy(priority);
    return policy?.warnBeforeSeconds ?? DEFAULT_WARN_BEFORE_SECONDS;
  }

  /**
   * A priority's policy as routing and the deadline jobs use it: read at most every few seconds
   * per process (another process's change applies within POLICY_TTL_MS; this one's at once).
   */
  private async policy(priority: Priority): Promise<SlaPolicyEntity | undefined> {
    const now = Date.now();
    if (!this.cached || this.cached.until <= now) {
      const all = await this.db.getRepository(SlaPolicyEntity).find();
      this.cached = {
        policies: new Map(all.map((p) => [p.priority, p])),
        until: now + POLICY_TTL_MS,
      };
    }
    return this.cached.policies.get(priority);
  }

  async create(actor: ActorRef, input: CreateSlaPolicyDto): Promise<SlaPolicyDto> {
    const seed = SEED_SLA_POLICIES[input.priority];
    const row = {
      priority: input.priority,
      acceptWorkingDays: input.acceptWorkingDays ?? seed.accept,
      proposeWorkingDays: input.proposeWorkingDays ?? seed.propose,
      acceptSeconds: input.acceptSeconds ?? null,
      proposeSeconds: input.proposeSeconds ?? null,
      warnBeforeSeconds: input.warnBeforeSeconds ?? DEFAULT_WARN_BEFORE_SECONDS,
    };
    try {
      return await this.uow.run(actor, async (w) => {
        await w.manager.getRepository(SlaPolicyEntity).insert(row);
        this.cached = undefined;
        w.audit({
          action: 'catalogue.changed',
          subjectType: 'sla_policy',
          subjectId: input.priority,
          data: { change: 'created', ...row },
        });
        return toDto(
          await w.manager
            .getRepository(SlaPolicyEntity)
            .findOneByOrFail({ priority: input.priority }),
        );
      });
    } catch (error) {
      if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw new SlaPolicyExists(input.priority);
      throw error;
    }
  }

  /** Changes a policy at the version the caller read (`If-Match`). */
  update(
    actor: ActorRef,
    priority: string,
    input: UpdateSlaPolicyDto,
    ifMatch: IfMatch | undefined,
  ): Promise<SlaPolicyDto> {
    return this.uow.run(actor, async (w) => {
      const repo = w.manager.getRepository(SlaPolicyEntity);
      const policy = await repo.findOne({
        where: { priority },
        lock: { mode: 'pessimistic_write' },
      });
      if (!policy) throw new SlaPolicyNotFound(priority);
      checkIfMatch(ifMatch, policy.version);
      const changes = changedFields(policy, input);
      if (Object.keys(changes).length === 0) return toDto(policy);
      await updateVersioned(repo, { priority }, policy.version, { ...input });
      this.cached = undefined;
      w.audit({
        action: 'catalogue.changed',
        subjectType: 'sla_policy',
        subjectId: priority,
        data: { change: 'updated', changes },
      });
      return toDto(await repo.findOneByOrFail({ priority }));
    });
  }

  /** Creates the missing policies (idempotent). */
  async seed(actor: ActorRef): Promise<number> {
    const existing = new Set(
      (await this.db.getRepository(SlaPolicyEntity).find()).map((p) => p.priority),
    );
    let created = 0;
    for (const priority of PRIORITIES) {
      if (existing.has(priority)) continue;
      await this.create(actor, { priority });
      created++;
    }
    return created;
  }
}

function toDto(policy: SlaPolicyEntity): SlaPolicyDto {
  return {
    priority: policy.priority,
    acceptWorkingDays: policy.acceptWorkingDays,
    proposeWorkingDays: policy.proposeWorkingDays,
    acceptSeconds: policy.acceptSeconds,
    proposeSeconds: policy.proposeSeconds,
    warnBeforeSeconds: policy.warnBeforeSeconds,
    version: policy.version,
  };
}
