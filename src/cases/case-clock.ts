import { Forbidden } from '../auth/auth.errors';
import type { Clock } from '../common/clock';
import { PreconditionFailed, ValidationFailed } from '../common/errors';
import { pgErrorCode, PG_UNIQUE_VIOLATION } from '../database/pg-errors';
import type { ActorRef, WriteContext } from '../database/unit-of-work';
import type { LifecycleChange } from './case-lifecycle';
import {
  writeBreach,
  writeExtension,
  writeResume,
  writeSuspension,
  type DeadlineRow,
} from './case-clock.store';
import type { CaseRow } from './case-presenter';
import { mayDo, type CaseAction } from './case-transitions';
import {
  CaseAlreadySuspended,
  CaseNotSuspendable,
  CaseNotSuspended,
  SlaStageClosed,
} from './cases.errors';
import { dueOf, openStages, type SlaStage } from './sla-clock';
import { addWorkingMs, workingMsBetween, type DayRule } from './working-time';

/**
 * The SLA clock's changes (a breach, a suspension, its end, an extension), applied only through
 * `CaseLifecycle.apply` (ADR 26), which hands them its clock and calendar. Their rules are here;
 * their SQL is in case-clock.store.ts.
 */
export interface ClockDeps {
  clock: Clock;
  dayRule(): Promise<{
    ruleOf: DayRule;
    roll: (due: Date) => { due: Date; rule: string } | null;
  }>;
}

/**
 * An open, running stage passed its due time: recorded once (stage in `sla_breached`, when in
 * `sla_stages`), the priority one step up (and why, in `priority_raises`). False, changing
 * nothing, when the stage closed, was breached already, the clock stands still or the due
 * time moved meanwhile.
 */
export async function recordBreach(
  deps: ClockDeps,
  w: WriteContext,
  change: Extract<LifecycleChange, { kind: 'breach' }>,
): Promise<boolean> {
  assertMay(w.actor, 'recordBreach');
  const { caseId, stage, dueAt } = change;
  const now = deps.clock.now();
  const updated = await writeBreach(w.manager, w.actor, now, change);
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
export async function suspendClock(
  deps: ClockDeps,
  w: WriteContext,
  change: Extract<LifecycleChange, { kind: 'suspend' }>,
): Promise<CaseRow> {
  assertMay(w.actor, 'suspend');
  const { current } = change;
  const stages = openStages(current.status);
  if (stages.length === 0 || !current.accept_by) throw new CaseNotSuspendable(current.status);
  if (current.suspended_since) throw new CaseAlreadySuspended(current.suspended_since);
  const now = deps.clock.now();
  let updated: (CaseRow & { suspension_id: string }) | undefined;
  try {
    updated = await writeSuspension(w.manager, w.actor, now, {
      current,
      kind: change.suspensionKind,
      reason: change.reason,
      expectedEnd: change.expectedEnd,
      rows: stages.map((stage) => ({
        stage,
        oldDueAt: dueOf(current, stage),
        newDueAt: null,
        cause: 'suspension' as const,
        reason: change.reason,
      })),
    });
  } catch (error) {
    // Two suspensions at once: the second meets the first's row in the unique index.
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw new CaseAlreadySuspended(now);
    throw error;
  }
  if (!updated) throw new PreconditionFailed();
  const suspensionId = updated.suspension_id;
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
export async function resumeClock(
  deps: ClockDeps,
  w: WriteContext,
  change: Extract<LifecycleChange, { kind: 'resume' }>,
): Promise<CaseRow> {
  const by = change.by ?? w.actor;
  assertMay(by, 'resume');
  const { current } = change;
  const since = current.suspended_since;
  if (!since) throw new CaseNotSuspended();
  const now = deps.clock.now();
  const { ruleOf, roll } = await deps.dayRule();
  const rows: DeadlineRow[] = [];
  const newDue: Partial<Record<SlaStage, Date>> = {};
  for (const stage of openStages(current.status)) {
    const due = dueOf(current, stage);
    if (!due) continue;
    const seconds = current.sla_stages?.[stage]?.counts === 'seconds';
    const shiftMs = seconds
      ? now.getTime() - since.getTime()
      : workingMsBetween(since, now, ruleOf);
    const moved = seconds ? new Date(due.getTime() + shiftMs) : addWorkingMs(due, shiftMs, ruleOf);
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
  const updated = await writeResume(w.manager, by, now, {
    current,
    because: change.because,
    newDue,
    rows,
  });
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
export async function extendStage(
  deps: ClockDeps,
  w: WriteContext,
  change: Extract<LifecycleChange, { kind: 'extend' }>,
): Promise<CaseRow> {
  assertMay(w.actor, 'extend');
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
  const { roll } = await deps.dayRule();
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
  const now = deps.clock.now();
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
  const updated = await writeExtension(w.manager, w.actor, now, {
    current,
    stage,
    dueAt: finalDue,
    addedMs,
    rows,
  });
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

export function assertMay(actor: ActorRef, action: CaseAction): void {
  if (!mayDo(action, actor.role)) throw new Forbidden();
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
