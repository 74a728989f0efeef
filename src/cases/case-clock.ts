import { Forbidden } from '../auth/auth.errors';
import type { Clock } from '../common/clock';
import { PreconditionFailed, ValidationFailed } from '../common/errors';
import { Params } from '../common/sql-params';
import { pgErrorCode, PG_UNIQUE_VIOLATION } from '../database/pg-errors';
import type { ActorRef, WriteContext } from '../database/unit-of-work';
import type { LifecycleChange } from './case-lifecycle';
import { CASE_COLUMNS, type CaseRow } from './case-presenter';
import { mayDo, type CaseAction } from './case-transitions';
import {
  CaseAlreadySuspended,
  CaseNotSuspendable,
  CaseNotSuspended,
  SlaStageClosed,
} from './cases.errors';
import type { DeadlineCause } from './entities/case-deadline-change.entity';
import { dueOf, openStages, STAGE_OPEN_IN, type SlaStage } from './sla-clock';
import { addWorkingMs, workingMsBetween, type DayRule } from './working-time';

/**
 * The SLA clock's changes (a breach, a suspension, its end, an extension), applied only through
 * `CaseLifecycle.apply` (ADR 26), which hands them its clock and calendar.
 */
export interface ClockDeps {
  clock: Clock;
  dayRule(): Promise<{
    ruleOf: DayRule;
    roll: (due: Date) => { due: Date; rule: string } | null;
  }>;
}

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
     ), h AS (${deadlineRows(p, w.actor, now, [
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
       ), h AS (${deadlineRows(
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
     ), h AS (${deadlineRows(p, by, now, rows, '(SELECT id FROM s)')})
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
     ), h AS (${deadlineRows(p, w.actor, now, rows)})
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

export function assertMay(actor: ActorRef, action: CaseAction): void {
  if (!mayDo(action, actor.role)) throw new Forbidden();
}

/** The INSERT of journal rows for the case changed in CTE `u` (nothing when `rows` is empty). */
function deadlineRows(
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
