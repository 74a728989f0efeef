import type { Role } from '../auth/roles';
import { mayDo, OPEN_STATUSES, type CaseStatus } from './case-transitions';

/** Every field `PATCH /cases/{id}` changes. */
export const EDITABLE_FIELDS = [
  'title',
  'description',
  'tenderReference',
  'procurementStage',
  'procurementKind',
  'estimatedValueCents',
  'deadline',
  'domains',
  'priority',
  'assigneeId',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** The question as the buyer put it: changeable until MeentCoop takes it on. */
const CONTENT: readonly EditableField[] = [
  'title',
  'description',
  'tenderReference',
  'procurementStage',
  'procurementKind',
  'estimatedValueCents',
  'deadline',
  'domains',
];
/**
 * Facts staff keep right while they work on the case (issue 13, item 12), the kind of contract
 * among them: MeentCoop's procurement people decide it, and it decides the EU threshold (issue 18).
 */
const FACTS: readonly EditableField[] = ['procurementKind', 'estimatedValueCents', 'deadline'];
/** How MeentCoop organises its work. */
const WORK: readonly EditableField[] = ['priority', 'assigneeId'];

const BEFORE_ACCEPTED: readonly CaseStatus[] = ['filed', 'routed'];

/**
 * Who may change which field, in which statuses: the one rule behind both what `PATCH` accepts
 * and the `editableFields` every case answer carries for the person reading it.
 */
const RULES: Record<Role, { fields: readonly EditableField[]; statuses: readonly CaseStatus[] }[]> =
  {
    buyer: [{ fields: CONTENT, statuses: BEFORE_ACCEPTED }],
    staff: [
      { fields: FACTS, statuses: OPEN_STATUSES },
      { fields: WORK, statuses: [...OPEN_STATUSES, 'resolved', 'declined', 'withdrawn'] },
    ],
    admin: [
      { fields: CONTENT, statuses: BEFORE_ACCEPTED },
      { fields: FACTS, statuses: OPEN_STATUSES },
      { fields: WORK, statuses: [...OPEN_STATUSES, 'resolved', 'declined', 'withdrawn'] },
    ],
    budget_holder: [],
    auditor: [],
  };

/** Whether a role may ever change the field (else 403, whatever the status). */
export function roleMayEdit(role: Role, field: EditableField): boolean {
  return RULES[role].some((r) => r.fields.includes(field));
}

/** The fields this role may change on a case in this status now, in the order of the form. */
export function editableFields(role: Role, status: CaseStatus): EditableField[] {
  return EDITABLE_FIELDS.filter((field) =>
    RULES[role].some((r) => r.fields.includes(field) && r.statuses.includes(status)),
  );
}

/** Statuses in which MeentCoop works on a case, so its koppel can change (ADR 24). */
export const KOPPEL_STATUSES: readonly CaseStatus[] = [
  'routed',
  'accepted',
  'in_progress',
  'proposed',
];

/** Whether this role may change the koppel of a case in this status (`PUT /cases/{id}/koppel`). */
export function mayChangeKoppel(role: Role, status: CaseStatus): boolean {
  return mayDo('changeKoppel', role) && KOPPEL_STATUSES.includes(status);
}
