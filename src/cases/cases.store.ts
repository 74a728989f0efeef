import type { EntityManager } from 'typeorm';
import { PreconditionFailed } from '../common/errors';
import type { CaseChanges } from './case-changes';
import { CASE_COLUMNS, type CaseRow } from './case-presenter';
import type { CaseDomainInput } from './dto/case-input.dto';

// The SQL of CasesService's writes that are not status or clock changes (those are
// CaseLifecycle's): the case's own columns and its domains.

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
