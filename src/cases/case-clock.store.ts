import type { EntityManager } from 'typeorm';
import { Params } from '../common/sql-params';
import type { ActorRef } from '../database/unit-of-work';
import { CASE_COLUMNS, type CaseRow } from './case-presenter';
import type { DeadlineCause } from './entities/case-deadline-change.entity';
import type { SuspensionEndCause, SuspensionKind } from './entities/case-suspension.entity';
import { STAGE_OPEN_IN, type SlaStage } from './sla-clock';

// The SQL of the SLA clock's changes (case-clock.ts holds their rules): each change of the case
// with its journal rows in `case_deadline_changes` (and its suspension row) in one statement.
// Each answers nothing (undefined) when the case was not changed: another version, or, for a
// breach, a stage no longer open and running at that due time.

/** One row of the deadline journal: a stop, move or breach of one stage's due time. */
export interface DeadlineRow {
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
 * The breach of an open, running stage, once: the stage in `sla_breached` (and `sla_stages`),
 * the priority one step up with why in `priority_raises`; `onlyIfDue`: while the stored due
 * time is still `dueAt`.
 */
export async function writeBreach(
  manager: EntityManager,
  actor: ActorRef,
  now: Date,
  breach: { caseId: string; stage: SlaStage; dueAt: Date; onlyIfDue?: boolean },
): Promise<{ id: string; version: number; priority: string; old_priority: string } | undefined> {
  const { caseId, stage, dueAt } = breach;
  const p = new Params();
  const id = p.add(caseId);
  const s = p.add(stage);
  const due = p.add(dueAt.toISOString());
  const at = p.add(now.toISOString());
  const raised = `CASE c.priority WHEN 'low' THEN 'normal' WHEN 'normal' THEN 'high' ELSE 'urgent' END`;
  const [updated] = await manager.query<
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
          ${breach.onlyIfDue ? `AND c.${DUE_COLUMN[stage]} = ${due}::timestamptz` : ''}
        RETURNING c.id, c.version, c.priority, (SELECT priority FROM old) AS old_priority
     ), h AS (${deadlineRows(p, actor, now, [
       { stage, oldDueAt: dueAt, newDueAt: dueAt, cause: 'breach' },
     ])})
     SELECT * FROM u`,
    p.values,
  );
  return updated;
}

/**
 * The clock stops at `now`: `suspended_since` on the case at the version read, the suspension's
 * row, a journal row per stage. Two at once: the second fails on the unique index of the
 * current suspension (the caller says so).
 */
export async function writeSuspension(
  manager: EntityManager,
  actor: ActorRef,
  now: Date,
  suspension: {
    current: Pick<CaseRow, 'id' | 'version'>;
    kind: SuspensionKind;
    reason: string;
    expectedEnd: string | null;
    rows: DeadlineRow[];
  },
): Promise<(CaseRow & { suspension_id: string }) | undefined> {
  const { current } = suspension;
  const p = new Params();
  const [updated] = await manager.query<(CaseRow & { suspension_id: string })[]>(
    `WITH u AS (
       UPDATE cases c SET suspended_since = ${p.add(now.toISOString())}::timestamptz,
              updated_at = now(), version = c.version + 1
        WHERE c.id = ${p.add(current.id)}::uuid AND c.version = ${p.add(current.version)}::int
        RETURNING ${CASE_COLUMNS}
     ), s AS (
       INSERT INTO case_suspensions (case_id, kind, reason, expected_end, started_at,
                                     started_by_id, started_by_role, started_by_name)
       SELECT u.id, ${p.add(suspension.kind)}::text, ${p.add(suspension.reason)}::text,
              ${p.add(suspension.expectedEnd)}::date, u.suspended_since, ${p.add(actor.id)}::uuid,
              ${p.add(actor.role)}::text, ${p.add(actor.name)}::text
         FROM u
       RETURNING id
     ), h AS (${deadlineRows(p, actor, now, suspension.rows, '(SELECT id FROM s)')})
     SELECT u.*, (SELECT id FROM s) AS suspension_id FROM u`,
    p.values,
  );
  return updated;
}

/** The clock restarts at `now`: the stages' new due times, the suspension ended, its journal rows. */
export async function writeResume(
  manager: EntityManager,
  by: ActorRef,
  now: Date,
  resume: {
    current: Pick<CaseRow, 'id' | 'version'>;
    because: SuspensionEndCause;
    newDue: Partial<Record<SlaStage, Date>>;
    rows: DeadlineRow[];
  },
): Promise<(CaseRow & { suspension_id: string }) | undefined> {
  const { current } = resume;
  const p = new Params();
  const sets = [
    'suspended_since = NULL',
    'updated_at = now()',
    'version = c.version + 1',
    ...Object.entries(resume.newDue).map(
      ([stage, due]) =>
        `${DUE_COLUMN[stage as SlaStage]} = ${p.add(due.toISOString())}::timestamptz`,
    ),
  ];
  const [updated] = await manager.query<(CaseRow & { suspension_id: string })[]>(
    `WITH u AS (
       UPDATE cases c SET ${sets.join(', ')}
        WHERE c.id = ${p.add(current.id)}::uuid AND c.version = ${p.add(current.version)}::int
        RETURNING ${CASE_COLUMNS}
     ), s AS (
       UPDATE case_suspensions SET ended_at = ${p.add(now.toISOString())}::timestamptz,
              ended_because = ${p.add(resume.because)}::text, ended_by_id = ${p.add(by.id)}::uuid,
              ended_by_role = ${p.add(by.role)}::text, ended_by_name = ${p.add(by.name)}::text
        WHERE case_id = (SELECT id FROM u) AND ended_at IS NULL
        RETURNING id
     ), h AS (${deadlineRows(p, by, now, resume.rows, '(SELECT id FROM s)')})
     SELECT u.*, (SELECT id FROM s) AS suspension_id FROM u`,
    p.values,
  );
  return updated;
}

/** One stage's new due time, its extensions counted in `sla_stages`, its journal rows. */
export async function writeExtension(
  manager: EntityManager,
  actor: ActorRef,
  now: Date,
  extension: {
    current: Pick<CaseRow, 'id' | 'version'>;
    stage: SlaStage;
    dueAt: Date;
    addedMs: number;
    rows: DeadlineRow[];
  },
): Promise<CaseRow | undefined> {
  const { current, stage } = extension;
  const p = new Params();
  const s = p.add(stage);
  const [updated] = await manager.query<CaseRow[]>(
    `WITH u AS (
       UPDATE cases c SET ${DUE_COLUMN[stage]} = ${p.add(extension.dueAt.toISOString())}::timestamptz,
              sla_stages = jsonb_set(c.sla_stages, ARRAY[${s}::text],
                coalesce(c.sla_stages -> ${s}::text, '{}'::jsonb) || jsonb_build_object(
                  'extendedMs', coalesce((c.sla_stages -> ${s}::text ->> 'extendedMs')::bigint, 0) + ${p.add(extension.addedMs)}::bigint,
                  'extensions', coalesce((c.sla_stages -> ${s}::text ->> 'extensions')::int, 0) + 1)),
              updated_at = now(), version = c.version + 1
        WHERE c.id = ${p.add(current.id)}::uuid AND c.version = ${p.add(current.version)}::int
        RETURNING ${CASE_COLUMNS}
     ), h AS (${deadlineRows(p, actor, now, extension.rows)})
     SELECT * FROM u`,
    p.values,
  );
  return updated;
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
