import type { Params } from '../common/sql-params';
import { SLA_STAGES, type SlaStage } from '../events/events';
import type { CaseStatus } from './case-transitions';

/**
 * The SLA clock of a case, defined once (ADR 26): its stages, when a stage is open, and its
 * state — used by the deadline jobs, the list filter (`sla=…`, `overdue`), the case answer
 * (`sla: [{ stage, dueAt, state, … }]`) and, through that answer, the web UI.
 */

/** Accepting the case, and proposing a solution; both clocks start at routing (src/events). */
export { SLA_STAGES, type SlaStage };

export const SLA_STATES = ['on_time', 'due_soon', 'breached', 'suspended', 'met'] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** A stage due within this time is `due_soon`. */
export const DUE_SOON_MS = 24 * 3_600_000;

/** The statuses in which a stage is open: accepting until accepted, proposing until proposed. */
export const STAGE_OPEN_IN: Record<SlaStage, readonly CaseStatus[]> = {
  accept: ['routed'],
  propose: ['routed', 'accepted', 'in_progress'],
};

/** What a person may do with a case's clock: `POST …/suspensions`, `…/current/end`, `…/extensions`. */
export const CLOCK_ACTIONS = ['suspend', 'resume', 'extend'] as const;
export type ClockAction = (typeof CLOCK_ACTIONS)[number];

/** How a stage's time is counted: working days in the calendar, or plain seconds (short policies). */
export type ClockCount = 'working_days' | 'seconds';

/** What the case keeps per stage besides its due time (`cases.sla_stages`). */
export interface StageFacts {
  /** The stage's own length at routing (ms): the most a staff extension may add. */
  lengthMs?: number;
  counts?: ClockCount;
  breachedAt?: string;
  /** Added by extensions, in ms. */
  extendedMs?: number;
  extensions?: number;
}
export type SlaStagesFacts = Partial<Record<SlaStage, StageFacts>>;

/** The facts of a case the clock reads (as `cases` holds them). */
export interface ClockFacts {
  status: CaseStatus;
  accept_by: Date | null;
  propose_by: Date | null;
  sla_breached: string[];
  suspended_since: Date | null;
  sla_stages: SlaStagesFacts | null;
  routed_at?: Date | null;
}

export interface SlaStageView {
  stage: SlaStage;
  /** Whether the stage is open: its clock counts (or is suspended) and its due time may move. */
  open: boolean;
  /** The stage the work queue shows now (see currentStage). */
  current: boolean;
  dueAt: string;
  state: SlaState;
  breachedAt: string | null;
  suspendedSince: string | null;
  /** Seconds added to the due time by extensions. */
  extendedBy: number;
}

export function stageOpen(stage: SlaStage, status: string): boolean {
  return (STAGE_OPEN_IN[stage] as readonly string[]).includes(status);
}

/** The stage whose clock the work queue shows: accepting while routed, then proposing. */
export function currentStage(status: CaseStatus): SlaStage | null {
  if (stageOpen('accept', status)) return 'accept';
  return stageOpen('propose', status) ? 'propose' : null;
}

/** The stages open now. */
export function openStages(status: string): SlaStage[] {
  return SLA_STAGES.filter((s) => stageOpen(s, status));
}

export function dueOf(facts: Pick<ClockFacts, 'accept_by' | 'propose_by'>, stage: SlaStage) {
  return stage === 'accept' ? facts.accept_by : facts.propose_by;
}

/**
 * A stage's state at `now`: an open stage is suspended while the case is, breached once its due
 * time passed (or a breach was recorded), due soon within DUE_SOON_MS, on time otherwise; a
 * closed stage is breached if it ever was, else met.
 */
export function stageState(facts: ClockFacts, stage: SlaStage, now: Date): SlaState {
  const breached = facts.sla_breached.includes(stage);
  if (!stageOpen(stage, facts.status)) return breached ? 'breached' : 'met';
  if (facts.suspended_since) return 'suspended';
  const due = dueOf(facts, stage);
  if (breached || !due || due.getTime() <= now.getTime()) return 'breached';
  return due.getTime() - now.getTime() <= DUE_SOON_MS ? 'due_soon' : 'on_time';
}

/** Every stage of a routed case, with its state; empty before routing. */
export function slaOf(
  facts: ClockFacts,
  now: Date,
  priorityRaises: { stage: string; breachedAt: string }[] = [],
): SlaStageView[] {
  if (!facts.accept_by || !facts.propose_by) return [];
  return SLA_STAGES.map((stage) => {
    const kept = facts.sla_stages?.[stage] ?? {};
    const breachedAt =
      kept.breachedAt ??
      (facts.sla_breached.includes(stage)
        ? (priorityRaises.find((r) => r.stage === stage)?.breachedAt ?? null)
        : null);
    const state = stageState(facts, stage, now);
    return {
      stage,
      open: stageOpen(stage, facts.status),
      current: currentStage(facts.status) === stage,
      dueAt: dueOf(facts, stage)!.toISOString(),
      state,
      breachedAt,
      suspendedSince:
        state === 'suspended' && facts.suspended_since ? facts.suspended_since.toISOString() : null,
      extendedBy: Math.round((kept.extendedMs ?? 0) / 1000),
    };
  });
}

const inList = (statuses: readonly string[]) => statuses.map((s) => `'${s}'`).join(', ');

/**
 * The list filter `sla=<state>` as SQL over `c` (the cases table): the state of the case's
 * current stage (see currentStage), so it agrees with the work queue's badge; `met` is a case
 * with no open stage whose propose stage was not breached.
 */
export function slaCondition(state: SlaState, now: Date, p: Params): string {
  // Only the placeholders a state's SQL names are added (a prepared statement refuses extras).
  const at = () => `${p.add(now.toISOString())}::timestamptz`;
  const soon = () => `${p.add(new Date(now.getTime() + DUE_SOON_MS).toISOString())}::timestamptz`;
  const accept = `c.status IN (${inList(STAGE_OPEN_IN.accept)})`;
  const propose = `c.status IN (${inList(STAGE_OPEN_IN.propose.filter((s) => !STAGE_OPEN_IN.accept.includes(s)))})`;
  const running = `c.suspended_since IS NULL`;
  switch (state) {
    case 'suspended':
      return `(c.status IN (${inList(STAGE_OPEN_IN.propose)}) AND c.suspended_since IS NOT NULL)`;
    case 'breached': {
      const t = at();
      return `(${running} AND ((${accept} AND (c.accept_by <= ${t} OR 'accept' = ANY(c.sla_breached)))
        OR (${propose} AND (c.propose_by <= ${t} OR 'propose' = ANY(c.sla_breached)))))`;
    }
    case 'due_soon': {
      const [t, s] = [at(), soon()];
      return `(${running} AND ((${accept} AND c.accept_by > ${t} AND c.accept_by <= ${s} AND NOT 'accept' = ANY(c.sla_breached))
        OR (${propose} AND c.propose_by > ${t} AND c.propose_by <= ${s} AND NOT 'propose' = ANY(c.sla_breached))))`;
    }
    case 'on_time': {
      const s = soon();
      return `(${running} AND ((${accept} AND c.accept_by > ${s} AND NOT 'accept' = ANY(c.sla_breached))
        OR (${propose} AND c.propose_by > ${s} AND NOT 'propose' = ANY(c.sla_breached))))`;
    }
    case 'met':
      return `(c.status NOT IN ('filed', ${inList(STAGE_OPEN_IN.propose)}) AND c.propose_by IS NOT NULL
        AND NOT 'propose' = ANY(c.sla_breached))`;
  }
}

/**
 * `overdue=true`: the current stage's due time passed while its clock runs (a suspended case's
 * clock stands still, so it is not overdue).
 */
export function overdueCondition(now: Date, p: Params): string {
  const at = `${p.add(now.toISOString())}::timestamptz`;
  return `(c.suspended_since IS NULL AND ((c.status = 'routed' AND c.accept_by < ${at})
    OR (c.status IN ('accepted', 'in_progress') AND c.propose_by < ${at})))`;
}
