import type { CaseDto } from '../api/client';

export type SlaStageState = CaseDto['sla'][number];

/**
 * The SLA stage whose clock the work queue shows: the API marks it `current` and gives its state
 * (on time, due soon, breached, suspended), from the one definition of the clock (ADR 26). The UI
 * computes nothing itself.
 */
export function currentSla(item: Pick<CaseDto, 'sla'>): SlaStageState | null {
  return item.sla.find((s) => s.current) ?? null;
}
