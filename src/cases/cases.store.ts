import type { EntityManager } from 'typeorm';
import { PreconditionFailed } from '../common/errors';
import type { Params } from '../common/sql-params';
import type { ActorRef } from '../database/unit-of-work';
import type { CaseChanges } from './case-changes';
import { CASE_COLUMNS, type CaseRow } from './case-presenter';
import type { CaseDomainInput, FileCaseDto } from './dto/case-input.dto';
import type { TransitionDto } from './dto/transition.dto';
import { STAGE_OPEN_IN, type ClockCount, type SlaStage } from './sla-clock';

// The SQL of CasesService, so the service holds the rules: the case's own columns and its
// domains, and the parts of the statements CaseLifecycle.apply runs for filing, routing and a
// person's transition (the lifecycle writes the status history, audit and outbox events).

/**
 * The case (as CTE `c`) and its domains, for CaseLifecycle.apply's filing statement, which adds
 * the first status change to it (one round trip).
 */
export function filingStatement(
  input: FileCaseDto,
  unitId: string,
  filedById: string,
): { ctes: string; values: unknown[] } {
  return {
    ctes: `c AS (
           INSERT INTO cases (reference, title, description, tender_reference, procurement_stage,
                              estimated_value_cents, priority, deadline, organisation_unit_id,
                              filed_by_id, procurement_kind)
           VALUES (next_case_reference(now()), $1, $2, $3, $4, $5, $6, $7, $8, $9, $12)
           RETURNING ${CASE_COLUMNS.replace(/c\./g, '')}
         ), d AS (
           INSERT INTO case_domains (case_id, domain_code, role)
           SELECT c.id, x.code, x.role FROM c, unnest($10::text[], $11::text[]) AS x(code, role)
         )`,
    values: [
      input.title,
      input.description ?? '',
      input.tenderReference ?? null,
      input.procurementStage ?? 'planning',
      input.estimatedValueCents,
      input.priority ?? 'normal',
      input.deadline ?? null,
      unitId,
      filedById,
      input.domains.map((d) => d.code),
      input.domains.map((d) => d.role),
      input.procurementKind ?? null,
    ],
  };
}

/** Per SLA stage: its length and how it is counted (ADR 26), stored in `cases.sla_stages`. */
export type StageFacts = Record<SlaStage, { lengthMs: number; counts: ClockCount }>;

/** `filed → routed`'s columns: the team, the koppel's MeentCoop half, the due times. */
export function routingSet(
  p: Params,
  routing: {
    teamId: string;
    koppelMeentcoopId: string | null;
    acceptBy: Date;
    proposeBy: Date;
    routedAt: Date;
    stages: StageFacts;
  },
): string[] {
  return [
    `team_id = ${p.add(routing.teamId)}::uuid`,
    `koppel_meentcoop_id = ${p.add(routing.koppelMeentcoopId)}::uuid`,
    `accept_by = ${p.add(routing.acceptBy.toISOString())}::timestamptz`,
    `propose_by = ${p.add(routing.proposeBy.toISOString())}::timestamptz`,
    `sla_stages = ${p.add(JSON.stringify(routing.stages))}::jsonb`,
    `routed_at = ${p.add(routing.routedAt.toISOString())}::timestamptz`,
  ];
}

/** The koppel's first entry in its history (ADR 24), reading the routed case as `u`. */
export function routedKoppelRow(p: Params, actor: ActorRef): string {
  return `INSERT INTO case_koppel_changes (case_id, kind, to_meentcoop_id,
                        from_municipal_id, to_municipal_id, to_team_id, actor_id, actor_role, actor_name)
           SELECT u.id, 'routed', u.koppel_meentcoop_id, u.koppel_municipal_id, u.koppel_municipal_id,
                  u.team_id, ${p.add(actor.id)}::uuid, ${p.add(actor.role)}::text,
                  ${p.add(actor.name)}::text FROM u`;
}

/** A person's transition's columns: the proposal, the outcome, when it closed. */
export function transitionSet(p: Params, input: TransitionDto, closing: boolean): string[] {
  const outcome = input.to === 'resolved' ? input.outcome : undefined;
  return [
    `proposal = CASE WHEN ${p.add(input.to)}::text = 'proposed' THEN ${p.add(input.proposal ?? null)}::text ELSE c.proposal END`,
    `outcome_summary = ${p.add(outcome?.summary ?? null)}::text`,
    `outcome_supplier_name = ${p.add(outcome?.supplierName ?? null)}::text`,
    `outcome_supplier_type = ${p.add(outcome?.supplierType ?? null)}::text`,
    `outcome_awarded_value_cents = ${p.add(outcome?.awardedValueCents ?? null)}::bigint`,
    `outcome_kind = ${p.add(outcome ? 'awarded' : null)}::text`,
    `closed_at = CASE WHEN ${p.add(closing)}::boolean THEN now() ELSE NULL END`,
  ];
}

/**
 * Marks that the warning before a stage's due time went out: once, and only while the stage is
 * open, running and not breached. False when nothing was marked.
 */
export async function markSlaWarned(
  manager: EntityManager,
  caseId: string,
  stage: SlaStage,
): Promise<boolean> {
  const [rows] = await manager.query<[{ id: string }[], number]>(
    `UPDATE cases SET sla_warned = array_append(sla_warned, $2)
      WHERE id = $1 AND status = ANY($3::text[]) AND suspended_since IS NULL
        AND NOT ($2 = ANY(sla_warned)) AND NOT ($2 = ANY(sla_breached))
      RETURNING id`,
    [caseId, stage, STAGE_OPEN_IN[stage]],
  );
  return rows[0] !== undefined;
}

/** A note on the case. */
export async function insertNote(
  manager: EntityManager,
  note: { caseId: string; authorId: string; body: string; visibility: 'internal' | 'shared' },
): Promise<{ id: string; created_at: Date }> {
  const [row] = await manager.query<{ id: string; created_at: Date }[]>(
    `INSERT INTO case_notes (case_id, author_id, body, visibility) VALUES ($1, $2, $3, $4)
     RETURNING id, created_at`,
    [note.caseId, note.authorId, note.body, note.visibility],
  );
  return row!;
}

/** The changed columns of the case, at the version read (412 otherwise). */
export async function writeChanges(
  manager: EntityManager,
  current: CaseRow,
  changes: CaseChanges,
): Promise<CaseRow> {
  const columns: Record<string, string> = {
    title: 'title',
    description: 'description',
    tenderReference: 'tender_reference',
    procurementStage: 'procurement_stage',
    procurementKind: 'procurement_kind',
    estimatedValueCents: 'estimated_value_cents',
    deadline: 'deadline',
    priority: 'priority',
    assigneeId: 'assignee_id',
  };
  const sets: string[] = ['updated_at = now()', 'version = version + 1'];
  const params: unknown[] = [current.id, current.version];
  for (const [field, change] of Object.entries(changes)) {
    const column = columns[field];
    if (!column) continue;
    params.push(change.new);
    sets.push(`${column} = $${params.length}`);
  }
  const result = await manager.query<[CaseRow[], number]>(
    `UPDATE cases c SET ${sets.join(', ')} WHERE c.id = $1 AND c.version = $2 RETURNING ${CASE_COLUMNS}`,
    params,
  );
  const updated = result[0][0];
  if (!updated) throw new PreconditionFailed();
  return updated;
}

/** The case's domains (replacing the old ones when `replace`). */
export async function writeDomains(
  manager: EntityManager,
  caseId: string,
  domains: CaseDomainInput[],
  replace = false,
): Promise<void> {
  if (replace) await manager.query('DELETE FROM case_domains WHERE case_id = $1', [caseId]);
  await manager.query(
    `INSERT INTO case_domains (case_id, domain_code, role)
     SELECT $1, code, role FROM unnest($2::text[], $3::text[]) AS d(code, role)`,
    [caseId, domains.map((d) => d.code), domains.map((d) => d.role)],
  );
}

export async function domainsOf(
  manager: EntityManager,
  caseId: string,
): Promise<CaseDomainInput[]> {
  return await manager.query<CaseDomainInput[]>(
    'SELECT domain_code AS code, role FROM case_domains WHERE case_id = $1 ORDER BY domain_code',
    [caseId],
  );
}
