import type { CaseRow } from './case-presenter';
import type { CaseDomainInput, UpdateCaseDto } from './dto/case-input.dto';

export interface FieldChange {
  old: unknown;
  new: unknown;
}

/** The fields a PATCH really changes, with old and new values (for the audit trail). */
export type CaseChanges = Partial<Record<keyof UpdateCaseDto, FieldChange>>;

const sameDomains = (a: CaseDomainInput[], b: CaseDomainInput[]): boolean => {
  const key = (list: CaseDomainInput[]) =>
    list
      .map((d) => `${d.code}:${d.role}`)
      .sort()
      .join(',');
  return key(a) === key(b);
};

/** Compares a PATCH body with the stored case; fields sent with their current value are no change. */
export function diffCase(
  current: CaseRow,
  currentDomains: CaseDomainInput[],
  input: UpdateCaseDto,
): CaseChanges {
  const stored: Record<string, unknown> = {
    title: current.title,
    description: current.description,
    tenderReference: current.tender_reference,
    procurementStage: current.procurement_stage,
    procurementKind: current.procurement_kind,
    estimatedValueCents: Number(current.estimated_value_cents),
    deadline: current.deadline,
    priority: current.priority,
    assigneeId: current.assignee_id,
  };
  const changes: CaseChanges = {};
  for (const [field, value] of Object.entries(input) as [keyof UpdateCaseDto, unknown][]) {
    if (value === undefined) continue;
    if (field === 'domains') {
      const next = value as CaseDomainInput[];
      if (!sameDomains(currentDomains, next)) {
        changes.domains = {
          old: currentDomains.map((d) => ({ code: d.code, role: d.role })),
          new: next.map((d) => ({ code: d.code, role: d.role })),
        };
      }
      continue;
    }
    if (stored[field] !== value) changes[field] = { old: stored[field] ?? null, new: value };
  }
  return changes;
}
