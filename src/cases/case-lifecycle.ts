import { Injectable } from '@nestjs/common';
import { Forbidden } from '../auth/auth.errors';
import type { Role } from '../auth/roles';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../common/clock';
import { PreconditionFailed } from '../common/errors';
import { Params } from '../common/sql-params';
import { preparedIn } from '../database/prepared';
import type { ActorRef, WriteContext } from '../database/unit-of-work';
import { CASE_COLUMNS, type CaseRow } from './case-presenter';
import { assertMay, extendStage, recordBreach, resumeClock, suspendClock } from './case-clock';
import {
  availableTransitions,
  findTransition,
  mayTake,
  OPEN_STATUSES,
  type CaseStatus,
} from './case-transitions';
import { TransitionNotAllowed } from './cases.errors';
import type { StatusChangeDto } from './dto/case.dto';
import type { SuspensionEndCause, SuspensionKind } from './entities/case-suspension.entity';
import { openStages, type SlaStage } from './sla-clock';
import type { DayRule } from './working-time';

/**
 * Everything that happens to a case's lifecycle, as one union: its status (filing, routing, a
 * person's transition) and its SLA clock (a breach, a suspension, its end, an extension).
 */
export type LifecycleChange =
  | {
      kind: 'file';
      /** A sub-case staff split off a parent (ADR 44): staff file it, for the parent's buyer. */
      subCase?: boolean;
      /** CTEs that insert the case as `c` (and what is filed with it), with their values. */
      ctes: string;
      values: unknown[];
      /** The audit event's data, from the row as filed (its reference is known only then). */
      audit: (created: CaseRow) => Record<string, unknown>;
    }
  | {
      kind: 'transition';
      current: Pick<CaseRow, 'id' | 'status' | 'version' | 'filed_by_id' | 'suspended_since'>;
      to: CaseStatus;
      reason?: string | null;
      /** Further assignments of the change (`column = $n`), e.g. routing's team and due times. */
      set?: (p: Params) => string[];
      /**
       * `version`: a person's change of the version they read (412 otherwise); `status`: Brug's
       * change, taken only while the case is still in `from` (null otherwise: effect-once).
       */
      guard: 'version' | 'status';
      /**
       * `duplicate`: staff close an open case as a duplicate of another (ADR 44), outside the
       * transition table: from any open status to `resolved`, by CASE_ACTIONS.closeAsDuplicate.
       */
      rule?: 'duplicate';
      /** A statement run with the change, reading the changed row as `u`. */
      with?: (p: Params) => string;
      audit?: Record<string, unknown>;
    }
  | {
      kind: 'breach';
      caseId: string;
      stage: SlaStage;
      dueAt: Date;
      /** Only while the stored due time is still `dueAt` (the SLA job's check, race-free). */
      onlyIfDue?: boolean;
    }
  | {
      kind: 'suspend';
      current: CaseRow;
      suspensionKind: SuspensionKind;
      reason: string;
      expectedEnd: string | null;
    }
  | {
      kind: 'resume';
      current: CaseRow;
      because: SuspensionEndCause;
      /** Brug itself when the buyer's note ended a wait for the buyer (the note is the person's). */
      by?: ActorRef;
      noteId?: string;
    }
  | { kind: 'extend'; current: CaseRow; stage: SlaStage; dueAt: Date; reason: string };

/** A case as filed: its row and its history (the one status change filing wrote). */
export interface FiledCase {
  row: CaseRow;
  history: StatusChangeDto[];
}

/**
 * The only writer of a case's status and of its SLA clock (ADR 26). `apply` checks the rules
 * (the transition table and CASE_ACTIONS), changes the case, writes exactly one row of its
 * history per status change or per moved stage (`case_status_changes`,
 * `case_deadline_changes`), one audit event and one outbox event — all in the caller's unit of
 * work, so they commit together with whatever else the caller changed.
 */
@Injectable()
export class CaseLifecycle {
  constructor(
    readonly clock: Clock,
    private readonly calendar: CalendarService,
  ) {}

  apply(w: WriteContext, change: Extract<LifecycleChange, { kind: 'file' }>): Promise<FiledCase>;
  apply(
    w: WriteContext,
    change: Extract<LifecycleChange, { kind: 'transition' }>,
  ): Promise<CaseRow | null>;
  apply(w: WriteContext, change: Extract<LifecycleChange, { kind: 'breach' }>): Promise<boolean>;
  apply(
    w: WriteContext,
    change: Extract<LifecycleChange, { kind: 'suspend' | 'resume' | 'extend' }>,
  ): Promise<CaseRow>;
  async apply(
    w: WriteContext,
    change: LifecycleChange,
  ): Promise<FiledCase | CaseRow | boolean | null> {
    switch (change.kind) {
      case 'file':
        return this.file(w, change);
      case 'transition':
        return this.transition(w, change);
      case 'breach':
        return recordBreach(this, w, change);
      case 'suspend':
        return suspendClock(this, w, change);
      case 'resume':
        return resumeClock(this, w, change);
      case 'extend':
        return extendStage(this, w, change);
    }
  }

  /** The calendar's reason a day is not a working day (ADR 25), for the clock's arithmetic. */
  async dayRule(): Promise<{
    ruleOf: DayRule;
    roll: (due: Date) => { due: Date; rule: string } | null;
  }> {
    const calendar = await this.calendar.calendar();
    return {
      ruleOf: (d) => calendar.dayOff(d)?.rule ?? null,
      roll: (due) => {
        const rolled = calendar.rollForward(due);
        return rolled.skipped.length ? { due: rolled.due, rule: rolled.skipped[0]!.rule } : null;
      },
    };
  }

  // ---- status ----

  private async file(
    w: WriteContext,
    change: Extract<LifecycleChange, { kind: 'file' }>,
  ): Promise<FiledCase> {
    assertMay(w.actor, change.subCase ? 'fileSubCase' : 'file');
    const p = new Params();
    p.values.push(...change.values);
    // The case, what is filed with it and its first status change in one statement, which also
    // answers the change's time: the filing's answer needs no second read of its history.
    const {
      rows: [created],
    } = await preparedIn<CaseRow & { first_change_at: Date }>(
      w.manager,
      `WITH ${change.ctes}, h AS (
         INSERT INTO case_status_changes (case_id, from_status, to_status, actor_id, actor_role,
                                          actor_name, reason)
         SELECT c.id, NULL, 'filed', ${p.add(w.actor.id)}::uuid, ${p.add(w.actor.role)}::text,
                ${p.add(w.actor.name)}::text, NULL FROM c
         RETURNING at
       )
       SELECT c.*, (SELECT at FROM h) AS first_change_at FROM c`,
      p.values,
    );
    const { first_change_at: at, ...row } = created!;
    w.emit({ type: 'case.filed', payload: { caseId: row.id, version: row.version } });
    w.audit({
      action: 'case.filed',
      subjectType: 'case',
      subjectId: row.id,
      caseId: row.id,
      data: { ...change.audit(row), to: 'filed' },
    });
    const firstChange: StatusChangeDto = {
      from: null,
      to: 'filed',
      at: at.toISOString(),
      actor: { id: w.actor.id, name: w.actor.name, role: w.actor.role },
      reason: null,
    };
    return { row, history: [firstChange] };
  }

  private async transition(
    w: WriteContext,
    change: Extract<LifecycleChange, { kind: 'transition' }>,
  ): Promise<CaseRow | null> {
    const { current, to } = change;
    if (change.rule === 'duplicate') {
      assertMay(w.actor, 'closeAsDuplicate');
      if (to !== 'resolved' || !OPEN_STATUSES.includes(current.status)) {
        throw new TransitionNotAllowed(current.status, to, []);
      }
    } else {
      assertMayTransition(current, to, {
        role: w.actor.role,
        isFiler: w.actor.id === current.filed_by_id,
      });
    }
    const reason = change.reason ?? null;
    const p = new Params();
    const sets = [
      `status = ${p.add(to)}::text`,
      'updated_at = now()',
      'version = c.version + 1',
      ...(change.set?.(p) ?? []),
    ];
    // A case leaving its last open stage has no clock left to stand still.
    const endsSuspension = current.suspended_since !== null && openStages(to).length === 0;
    if (endsSuspension) sets.push('suspended_since = NULL');
    const guard =
      change.guard === 'version'
        ? `c.version = ${p.add(current.version)}::int`
        : `c.status = ${p.add(current.status)}::text`;
    // Prepared: each kind of change has one text (its columns are fixed; the routing's too),
    // planned once per connection.
    const {
      rows: [updated],
    } = await preparedIn<CaseRow>(
      w.manager,
      `WITH u AS (
         UPDATE cases c SET ${sets.join(', ')}
          WHERE c.id = ${p.add(current.id)}::uuid AND ${guard}
          RETURNING ${CASE_COLUMNS}
       ), h AS (
         INSERT INTO case_status_changes (case_id, from_status, to_status, actor_id, actor_role,
                                          actor_name, reason)
         SELECT u.id, ${p.add(current.status)}::text, u.status, ${p.add(w.actor.id)}::uuid,
                ${p.add(w.actor.role)}::text, ${p.add(w.actor.name)}::text, ${p.add(reason)}::text
           FROM u
       )${
         endsSuspension
           ? `, s AS (
         UPDATE case_suspensions SET ended_at = ${p.add(this.clock.now())}::timestamptz,
                ended_because = 'stage_closed', ended_by_id = ${p.add(w.actor.id)}::uuid,
                ended_by_role = ${p.add(w.actor.role)}::text, ended_by_name = ${p.add(w.actor.name)}::text
          WHERE case_id = (SELECT id FROM u) AND ended_at IS NULL
       )`
           : ''
       }${change.with ? `, k AS (${change.with(p)})` : ''}
       SELECT * FROM u`,
      p.values,
    );
    if (!updated) {
      if (change.guard === 'version') throw new PreconditionFailed();
      return null;
    }
    w.emit({
      type: 'case.transitioned',
      payload: { caseId: current.id, version: updated.version, from: current.status, to, reason },
    });
    w.audit({
      action: 'case.transitioned',
      subjectType: 'case',
      subjectId: current.id,
      caseId: current.id,
      data: { from: current.status, to, reason, ...change.audit },
    });
    return updated;
  }
}

/**
 * The transition table's verdict for this person: 409 when the table has no such move (with the
 * moves it has), 403 when it is not theirs to take.
 */
export function assertMayTransition(
  current: Pick<CaseRow, 'status'>,
  to: CaseStatus,
  who: { role: Role | 'system'; isFiler: boolean },
): void {
  const transition = findTransition(current.status, to);
  if (!transition) {
    throw new TransitionNotAllowed(
      current.status,
      to,
      availableTransitions(current.status, who).map((t) => t.to),
    );
  }
  if (!mayTake(transition, who)) {
    throw new Forbidden(
      transition.by.includes('filer')
        ? `Only the buyer who filed the case, or an admin, may move it to ${to}.`
        : `Your role may not move a case from ${current.status} to ${to}.`,
    );
  }
}
