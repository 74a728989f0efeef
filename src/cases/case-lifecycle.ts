import { Injectable } from '@nestjs/common';
import { Forbidden } from '../auth/auth.errors';
import type { Role } from '../auth/roles';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../common/clock';
import { PreconditionFailed, ValidationFailed } from '../common/errors';
import { Params } from '../common/sql-params';
import { pgErrorCode, PG_UNIQUE_VIOLATION } from '../database/pg-errors';
import type { ActorRef, WriteContext } from '../database/unit-of-work';
import { CASE_COLUMNS, type CaseRow } from './case-presenter';
import {
  availableTransitions,
  findTransition,
  mayDo,
  mayTake,
  type CaseAction,
  type CaseStatus,
} from './case-transitions';
import {
  CaseAlreadySuspended,
  CaseNotSuspendable,
  CaseNotSuspended,
  SlaStageClosed,
  TransitionNotAllowed,
} from './cases.errors';
import type { DeadlineCause } from './entities/case-deadline-change.entity';
import type { SuspensionEndCause, SuspensionKind } from './entities/case-suspension.entity';
import { dueOf, openStages, STAGE_OPEN_IN, type SlaStage } from './sla-clock';
import { addWorkingMs, workingMsBetween, type DayRule } from './working-time';

/**
 * Everything that happens to a case's lifecycle, as one union: its status (filing, routing, a
 * person's transition) and its SLA clock (a breach, a suspension, its end, an extension).
 */
export type LifecycleChange =
  | {
      kind: 'file';
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

interface DeadlineRow {
  stage: SlaStage;
  oldDueAt: Date | null;
  newDueAt: Date | null;
  cause: DeadlineCause;
  rule?: string | null;
  reason?: string | null;
  shiftMs?: number | null;
}

const DUE_COLUMN: Record<SlaStage, 'accept_by' | 'propose_by'> = {
  accept: 'accept_by',
  propose: 'propose_by',
};

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
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
  ) {}

  apply(w: WriteContext, change: Extract<LifecycleChange, { kind: 'file' }>): Promise<CaseRow>;
  apply(
    w: WriteContext,
    change: Extract<LifecycleChange, { kind: 'transition' }>,
  ): Promise<CaseRow | null>;
  apply(w: WriteContext, change: Extract<LifecycleChange, { kind: 'breach' }>): Promise<boolean>;
  apply(
    w: WriteContext,
    change: Extract<LifecycleChange, { kind: 'suspend' | 'resume' | 'extend' }>,
  ): Promise<CaseRow>;
  async apply(w: WriteContext, change: LifecycleChange): Promise<CaseRow | boolean | null> {
    switch (change.kind) {
      case 'file':
        return this.file(w, change);
      case 'transition':
        return this.transition(w, change);
      case 'breach':
        return this.breach(w, change);
      case 'suspend':
        return this.suspend(w, change);
      case 'resume':
        return this.resume(w, change);
      case 'extend':
        return this.extend(w, change);
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
  ): Promise<CaseRow> {
    this.assertMay(w.actor, 'file');
    const p = new Params();
    p.values.push(...change.values);
    // The case, what is filed with it and its first status change in one statement.
    const [created] = await w.manager.query<CaseRow[]>(
      `WITH ${change.ctes}, h AS (
         INSERT INTO case_status_changes (case_id, from_status, to_status, actor_id, actor_role,
                                          actor_name, reason)
         SELECT c.id, NULL, 'filed', ${p.add(w.actor.id)}::uuid, ${p.add(w.actor.role)}::text,
                ${p.add(w.actor.name)}::text, NULL FROM c
       )
       SELECT * FROM c`,
      p.values,
    );
    const row = created!;
    w.emit({ type: 'case.filed', payload: { caseId: row.id, version: row.version } });
    w.audit({
      action: 'case.filed',
      subjectType: 'case',
      subjectId: row.id,
      caseId: row.id,
      data: { ...change.audit(row), to: 'filed' },
    });
    return row;
  }

  private async transition(
    w: WriteContext,
    change: Extract<LifecycleChange, { kind: 'transition' }>,
  ): Promise<CaseRow | null> {
    const { current, to } = change;
    assertMayTransition(current, to, {
      role: w.actor.role,
      isFiler: w.actor.id === current.filed_by_id,
    });
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
    const [updated] = await w.manager.query<CaseRow[]>(
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

  // ---- the SLA clock ----

  /**
   * An open, running stage passed its due time: recorded once (stage in `sla_breached`, when in
   * `sla_stages`), the priority one step up (and why, in `priority_raises`). False, changing
   * nothing, when the stage closed, was breached already, the clock stands still or the due
   * time moved meanwhile.
   */
  private async breach(
    w: WriteContext,
    change: Extract<LifecycleChange, { kind: 'breach' }>,
  ): Promise<boolean> {
    this.assertMay(w.actor, 'recordBreach');
    const { caseId, stage, dueAt } = change;
    const now = this.clock.now();
    const p = new Params();
    const id = p.add(caseId);
    const s = p.add(stage);
    const due = p.add(dueAt.toISOString());
    const at = p.add(now.toISOString());
    const raised = `CASE c.priority WHEN 'low' THEN 'normal' WHEN 'normal' THEN 'high' ELSE 'urgent' END`;
    const [updated] = await w.manager.query<
      { id: string; version: number; priority: string; old_priority: string }[]
    >(
      `WITH old AS (SELECT priority FROM cases WHERE id = ${id}::uuid),
       u AS (
         UPDATE cases c SET sla_breached = array_append(c.sla_breached, ${s}::text),
                priority = ${raised},
                -- The reason of the priority, shown with the case (issue 13): what raised it.
                priority_raises = CASE WHEN c.priority = 'urgent' THEN c.priority_raises
                  ELSE c.priority_raises || jsonb_build_array(jsonb_build_object(
                    'stage', ${s}::text, 'dueAt', ${due}::text, 'breachedAt', ${at}::text,
                    'from', c.priority, 'to', ${raised}))
                  END,
                sla_stages = jsonb_set(c.sla_stages, ARRAY[${s}::text],
                  coalesce(c.sla_stages -> ${s}::text, '{}'::jsonb) || jsonb_build_object('breachedAt', ${at}::text)),
                version = c.version + 1, updated_at = now()
          WHERE c.id = ${id}::uuid AND c.status = ANY(${p.add(STAGE_OPEN_IN[stage])}::text[])
            AND NOT (${s}::text = ANY(c.sla_breached)) AND c.suspended_since IS NULL
            ${change.onlyIfDue ? `AND c.${DUE_COLUMN[stage]} = ${due}::timestamptz` : ''}
          RETURNING c.id, c.version, c.priority, (SELECT priority FROM old) AS old_priority
       ), h AS (${this.deadlineRows(p, w.actor, now, [
         { stage, oldDueAt: dueAt, newDueAt: dueAt, cause: 'breach' },
       ])})
       SELECT * FROM u`,
      p.values,
    );
    if (!updated) return false;
    w.audit({
      action: 'case.sla_breached',
      subjectType: 'case',
      subjectId: caseId,
      caseId,
      data: {
        stage,
        dueAt: dueAt.toISOString(),
        priority: { old: updated.old_priority, new: updated.priority },
      },
    });
    w.emit({
      type: 'case.sla_breached',
      payload: { caseId, version: updated.version, stage, dueAt: dueAt.toISOString() },
    });
    return true;
  }

  /** Stops the clock of every open stage: one journal row per stage, `new_due_at` null. */
  private async suspend(
    w: WriteContext,
    change: Extract<LifecycleChange, { kind: 'suspend' }>,
  ): Promise<CaseRow> {
    this.assertMay(w.actor, 'suspend');
    const { current } = change;
    const stages = openStages(current.status);
    if (stages.length === 0 || !current.accept_by) throw new CaseNotSuspendable(current.status);
    if (current.suspended_since) throw new CaseAlreadySuspended(current.suspended_since);
    const now = this.clock.now();
    const p = new Params();
    let updated: CaseRow | undefined;
    try {
      [updated] = await w.manager.query<CaseRow[]>(
        `WITH u AS (
           UPDATE cases c SET suspended_since = ${p.add(now.toISOString())}::timestamptz,
                  updated_at = now(), version = c.version + 1
            WHERE c.id = ${p.add(current.id)}::uuid AND c.version = ${p.add(current.version)}::int
            RETURNING ${CASE_COLUMNS}
         ), s AS (
           INSERT INTO case_suspensions (case_id, kind, reason, expected_end, started_at,
                                         started_by_id, started_by_role, started_by_name)
           SELECT u.id, ${p.add(change.suspensionKind)}::text, ${p.add(change.reason)}::text,
                  ${p.add(change.expectedEnd)}::date, u.suspended_since, ${p.add(w.actor.id)}::uuid,
                  ${p.add(w.actor.role)}::text, ${p.add(w.actor.name)}::text
             FROM u
           RETURNING id
         ), h AS (${this.deadlineRows(
           p,
           w.actor,
           now,
           stages.map((stage) => ({
             stage,
             oldDueAt: dueOf(current, stage),
             newDueAt: null,
             cause: 'suspension' as const,
             reason: change.reason,
           })),
           '(SELECT id FROM s)',
         )})
         SELECT u.*, (SELECT id FROM s) AS suspension_id FROM u`,
        p.values,
      );
    } catch (error) {
      // Two suspensions at once: the second meets the first's row in the unique index.
      if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw new CaseAlreadySuspended(now);
      throw error;
    }
    if (!updated) throw new PreconditionFailed();
    const suspensionId = (updated as CaseRow & { suspension_id: string }).suspension_id;
    const data = {
      suspensionId,
      kind: change.suspensionKind,
      reason: change.reason,
      expectedEnd: change.expectedEnd,
      since: now.toISOString(),
      stages,
    };
    w.audit({
      action: 'case.suspended',
      subjectType: 'case',
      subjectId: current.id,
      caseId: current.id,
      data,
    });
    w.emit({
      type: 'case.suspended',
      payload: { caseId: current.id, version: updated.version, ...data },
    });
    return updated;
  }

  /**
   * Restarts the clock: every open stage's due time moves by the working time the case was
   * suspended (plain time for a stage counted in seconds); one journal row per stage, and one
   * more when the new due time falls on a day off and rolls to the next working day.
   */
  private async resume(
    w: WriteContext,
    change: Extract<LifecycleChange, { kind: 'resume' }>,
  ): Promise<CaseRow> {
    const by = change.by ?? w.actor;
    this.assertMay(by, 'resume');
    const { current } = change;
    const since = current.suspended_since;
    if (!since) throw new CaseNotSuspended();
    const now = this.clock.now();
    const { ruleOf, roll } = await this.dayRule();
    const rows: DeadlineRow[] = [];
    const newDue: Partial<Record<SlaStage, Date>> = {};
    for (const stage of openStages(current.status)) {
      const due = dueOf(current, stage);
      if (!due) continue;
      const seconds = current.sla_stages?.[stage]?.counts === 'seconds';
      const shiftMs = seconds
        ? now.getTime() - since.getTime()
        : workingMsBetween(since, now, ruleOf);
      const moved = seconds
        ? new Date(due.getTime() + shiftMs)
        : addWorkingMs(due, shiftMs, ruleOf);
      rows.push({ stage, oldDueAt: due, newDueAt: moved, cause: 'suspension', shiftMs });
      const rolled = seconds ? null : roll(moved);
      if (rolled) {
        rows.push({
          stage,
          oldDueAt: moved,
          newDueAt: rolled.due,
          cause: 'calendar',
          rule: rolled.rule,
        });
      }
      newDue[stage] = rolled?.due ?? moved;
    }
    const p = new Params();
    const sets = [
      'suspended_since = NULL',
      'updated_at = now()',
      'version = c.version + 1',
      ...Object.entries(newDue).map(
        ([stage, due]) =>
          `${DUE_COLUMN[stage as SlaStage]} = ${p.add(due.toISOString())}::timestamptz`,
      ),
    ];
    const [updated] = await w.manager.query<(CaseRow & { suspension_id: string })[]>(
      `WITH u AS (
         UPDATE cases c SET ${sets.join(', ')}
          WHERE c.id = ${p.add(current.id)}::uuid AND c.version = ${p.add(current.version)}::int
          RETURNING ${CASE_COLUMNS}
       ), s AS (
         UPDATE case_suspensions SET ended_at = ${p.add(now.toISOString())}::timestamptz,
                ended_because = ${p.add(change.because)}::text, ended_by_id = ${p.add(by.id)}::uuid,
                ended_by_role = ${p.add(by.role)}::text, ended_by_name = ${p.add(by.name)}::text
          WHERE case_id = (SELECT id FROM u) AND ended_at IS NULL
          RETURNING id
       ), h AS (${this.deadlineRows(p, by, now, rows, '(SELECT id FROM s)')})
       SELECT u.*, (SELECT id FROM s) AS suspension_id FROM u`,
      p.values,
    );
    if (!updated) throw new PreconditionFailed();
    const data = {
      suspensionId: updated.suspension_id,
      since: since.toISOString(),
      until: now.toISOString(),
      because: change.because,
      ...(change.noteId ? { noteId: change.noteId } : {}),
      moves: rows.map(describeRow),
    };
    w.audit({
      action: 'case.resumed',
      subjectType: 'case',
      subjectId: current.id,
      caseId: current.id,
      data,
      ...(change.by ? { actor: change.by } : {}),
    });
    w.emit({
      type: 'case.resumed',
      payload: { caseId: current.id, version: updated.version, ...data },
    });
    return updated;
  }

  /**
   * Moves one open stage's due time later. Staff: once per stage, by at most the stage's own
   * length; more needs an admin. A due time on a day off rolls to the next working day (a second
   * row, `calendar`), for stages counted in working days.
   */
  private async extend(
    w: WriteContext,
    change: Extract<LifecycleChange, { kind: 'extend' }>,
  ): Promise<CaseRow> {
    this.assertMay(w.actor, 'extend');
    const { current, stage } = change;
    const due = dueOf(current, stage);
    if (!due || !openStages(current.status).includes(stage)) {
      throw new SlaStageClosed(stage, current.status);
    }
    if (change.dueAt.getTime() <= due.getTime()) {
      throw new ValidationFailed([
        {
          field: 'dueAt',
          code: 'out_of_range',
          message: `must be later than the current due time ${due.toISOString()}`,
          params: { min: due.toISOString() },
        },
      ]);
    }
    const facts = current.sla_stages?.[stage] ?? {};
    const lengthMs =
      facts.lengthMs ??
      Math.max(0, due.getTime() - (current.routed_at ?? current.filed_at).getTime());
    const counts = facts.counts ?? 'working_days';
    const { roll } = await this.dayRule();
    const rolled = counts === 'seconds' ? null : roll(change.dueAt);
    const finalDue = rolled?.due ?? change.dueAt;
    const addedMs = finalDue.getTime() - due.getTime();
    if (
      ((facts.extensions ?? 0) >= 1 || addedMs > lengthMs) &&
      !mayDo('extendBeyondLimit', w.actor.role)
    ) {
      throw new Forbidden(
        (facts.extensions ?? 0) >= 1
          ? `The ${stage} stage was extended already; a second extension needs an admin.`
          : `An extension adds at most the stage's own length (${Math.floor(lengthMs / 1000)} s); more needs an admin.`,
        {
          reason: (facts.extensions ?? 0) >= 1 ? 'extended_already' : 'extension_too_long',
          maxSeconds: Math.floor(lengthMs / 1000),
        },
      );
    }
    const now = this.clock.now();
    const rows: DeadlineRow[] = [
      {
        stage,
        oldDueAt: due,
        newDueAt: change.dueAt,
        cause: 'extension',
        reason: change.reason,
        shiftMs: change.dueAt.getTime() - due.getTime(),
      },
    ];
    if (rolled) {
      rows.push({
        stage,
        oldDueAt: change.dueAt,
        newDueAt: finalDue,
        cause: 'calendar',
        rule: rolled.rule,
      });
    }
    const p = new Params();
    const s = p.add(stage);
    const [updated] = await w.manager.query<CaseRow[]>(
      `WITH u AS (
         UPDATE cases c SET ${DUE_COLUMN[stage]} = ${p.add(finalDue.toISOString())}::timestamptz,
                sla_stages = jsonb_set(c.sla_stages, ARRAY[${s}::text],
                  coalesce(c.sla_stages -> ${s}::text, '{}'::jsonb) || jsonb_build_object(
                    'extendedMs', coalesce((c.sla_stages -> ${s}::text ->> 'extendedMs')::bigint, 0) + ${p.add(addedMs)}::bigint,
                    'extensions', coalesce((c.sla_stages -> ${s}::text ->> 'extensions')::int, 0) + 1)),
                updated_at = now(), version = c.version + 1
          WHERE c.id = ${p.add(current.id)}::uuid AND c.version = ${p.add(current.version)}::int
          RETURNING ${CASE_COLUMNS}
       ), h AS (${this.deadlineRows(p, w.actor, now, rows)})
       SELECT * FROM u`,
      p.values,
    );
    if (!updated) throw new PreconditionFailed();
    const data = {
      stage,
      oldDueAt: due.toISOString(),
      newDueAt: finalDue.toISOString(),
      reason: change.reason,
      ...(rolled ? { rule: rolled.rule } : {}),
    };
    w.audit({
      action: 'case.deadline_extended',
      subjectType: 'case',
      subjectId: current.id,
      caseId: current.id,
      data,
    });
    w.emit({
      type: 'case.deadline_extended',
      payload: { caseId: current.id, version: updated.version, ...data },
    });
    return updated;
  }

  // ---- helpers ----

  private assertMay(actor: ActorRef, action: CaseAction): void {
    if (!mayDo(action, actor.role)) throw new Forbidden();
  }

  /** The INSERT of journal rows for the case changed in CTE `u` (nothing when `rows` is empty). */
  private deadlineRows(
    p: Params,
    actor: ActorRef,
    at: Date,
    rows: DeadlineRow[],
    suspensionId = 'NULL::uuid',
  ): string {
    const col = <T>(pick: (r: DeadlineRow) => T) => p.add(rows.map(pick));
    return `INSERT INTO case_deadline_changes (case_id, stage, old_due_at, new_due_at, cause, rule,
                                              reason, suspension_id, shift_ms, actor_id, actor_role,
                                              actor_name, at)
      SELECT u.id, x.stage, x.old_due_at, x.new_due_at, x.cause, x.rule, x.reason, ${suspensionId},
             x.shift_ms, ${p.add(actor.id)}::uuid, ${p.add(actor.role)}::text,
             ${p.add(actor.name)}::text, ${p.add(at.toISOString())}::timestamptz
        FROM u, unnest(${col((r) => r.stage)}::text[],
                       ${col((r) => r.oldDueAt?.toISOString() ?? null)}::timestamptz[],
                       ${col((r) => r.newDueAt?.toISOString() ?? null)}::timestamptz[],
                       ${col((r) => r.cause)}::text[], ${col((r) => r.rule ?? null)}::text[],
                       ${col((r) => r.reason ?? null)}::text[],
                       ${col((r) => (r.shiftMs === undefined || r.shiftMs === null ? null : String(Math.round(r.shiftMs))))}::bigint[])
             WITH ORDINALITY AS x(stage, old_due_at, new_due_at, cause, rule, reason, shift_ms, n)
       ORDER BY x.n`;
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

function describeRow(r: DeadlineRow) {
  return {
    stage: r.stage,
    cause: r.cause,
    oldDueAt: r.oldDueAt?.toISOString() ?? null,
    newDueAt: r.newDueAt?.toISOString() ?? null,
    ...(r.rule ? { rule: r.rule } : {}),
    ...(r.shiftMs !== undefined && r.shiftMs !== null
      ? { shiftSeconds: Math.round(r.shiftMs / 1000) }
      : {}),
  };
}
