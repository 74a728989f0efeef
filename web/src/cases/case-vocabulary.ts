import type {
  CaseStatus,
  Priority,
  ProcurementKind,
  ProcurementStage,
  SupplierType,
} from '../api/client';

/**
 * The API's enumerations in their order of meaning (the generated types know the values, not
 * the order). `satisfies` keeps each list complete: a value the API adds fails the type check.
 */
export const CASE_STATUSES = [
  'filed',
  'routed',
  'accepted',
  'in_progress',
  'proposed',
  'resolved',
  'declined',
  'withdrawn',
] as const satisfies readonly CaseStatus[];

export const OPEN_STATUSES = [
  'filed',
  'routed',
  'accepted',
  'in_progress',
  'proposed',
] as const satisfies readonly CaseStatus[];

/** What a MeentCoop work queue holds by default: routed and still open. */
export const QUEUE_STATUSES = [
  'routed',
  'accepted',
  'in_progress',
  'proposed',
] as const satisfies readonly CaseStatus[];

export const PRIORITIES = [
  'low',
  'normal',
  'high',
  'urgent',
] as const satisfies readonly Priority[];

export const PROCUREMENT_STAGES = [
  'planning',
  'tender',
  'award',
  'contract',
  'implementation',
] as const satisfies readonly ProcurementStage[];

/** The kinds of the European procurement directive, each with its own threshold (issue 18). */
export const PROCUREMENT_KINDS = [
  'supplies',
  'services',
  'works',
  'social_and_other_specific_services',
] as const satisfies readonly ProcurementKind[];

export const SUPPLIER_TYPES = [
  'cooperative',
  'collective',
  'foundation_or_association',
  'social_enterprise',
  'private_company',
  'public_body',
] as const satisfies readonly SupplierType[];

/** Every value of U is in the list T (so the lists above cannot fall behind the API). */
type Covers<T extends readonly string[], U extends string> = [Exclude<U, T[number]>] extends [never]
  ? true
  : never;
export const allStatusesListed: Covers<typeof CASE_STATUSES, CaseStatus> = true;
export const allPrioritiesListed: Covers<typeof PRIORITIES, Priority> = true;
export const allStagesListed: Covers<typeof PROCUREMENT_STAGES, ProcurementStage> = true;
export const allKindsListed: Covers<typeof PROCUREMENT_KINDS, ProcurementKind> = true;
export const allSupplierTypesListed: Covers<typeof SUPPLIER_TYPES, SupplierType> = true;

export function isOpen(status: CaseStatus): boolean {
  return (OPEN_STATUSES as readonly CaseStatus[]).includes(status);
}

export function isCaseStatus(value: string): value is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(value);
}
