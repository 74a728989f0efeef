import type { CaseDto } from '../api/client';

/** A stage due within this time is "due soon". */
export const DUE_SOON_MS = 24 * 60 * 60 * 1000;

export type SlaStage = 'accept' | 'propose';

export interface SlaState {
  stage: SlaStage;
  dueAt: string;
  state: 'breached' | 'dueSoon' | 'onTrack';
}

/**
 * The SLA stage whose clock runs now: accepting while routed, proposing while accepted or in
 * progress. Breached when the API says so, or when its time has passed since it last answered.
 */
export function slaStateOf(
  item: Pick<CaseDto, 'sla' | 'status'>,
  now = Date.now(),
): SlaState | null {
  if (!item.sla) return null;
  const stage: SlaStage | null =
    item.status === 'routed'
      ? 'accept'
      : item.status === 'accepted' || item.status === 'in_progress'
        ? 'propose'
        : null;
  if (!stage) return null;
  const dueAt = stage === 'accept' ? item.sla.acceptBy : item.sla.proposeBy;
  const due = Date.parse(dueAt);
  if (item.sla.breached.includes(stage) || due <= now) return { stage, dueAt, state: 'breached' };
  return { stage, dueAt, state: due - now <= DUE_SOON_MS ? 'dueSoon' : 'onTrack' };
}
