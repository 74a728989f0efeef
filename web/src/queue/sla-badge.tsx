import { Badge, Column, Paragraph } from '@amsterdam/design-system-react';
import { ClockIcon, PauseIcon, WarningIcon } from '@amsterdam/design-system-react-icons';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../api/client';
import { formatDateTime } from '../common/format';
import { currentSla } from './sla';

/**
 * The running SLA stage: a short badge (breached, due soon, suspended, and optionally on time)
 * above the stage and its due time in words, as the API states them. Nothing when no clock runs.
 */
export function SlaBadge({ item, showOnTrack = false }: { item: CaseDto; showOnTrack?: boolean }) {
  const { t } = useTranslation();
  const sla = currentSla(item);
  if (!sla || sla.state === 'met' || (sla.state === 'on_time' && !showOnTrack)) return null;
  const badge =
    sla.state === 'breached' ? (
      <Badge color="red" icon={WarningIcon} label={t('sla.breached')} />
    ) : sla.state === 'due_soon' ? (
      <Badge color="orange" icon={ClockIcon} label={t('sla.dueSoon')} />
    ) : sla.state === 'suspended' ? (
      <Badge color="purple" icon={PauseIcon} label={t('sla.suspended')} />
    ) : (
      <Badge label={t('sla.onTrack')} />
    );
  return (
    <Column gap="x-small" alignHorizontal="start" className="brug-sla">
      {badge}
      <Paragraph size="small">
        {sla.state === 'suspended' && sla.suspendedSince
          ? t('sla.suspendedSince', {
              stage: t(`sla.stage.${sla.stage}`),
              since: formatDateTime(sla.suspendedSince),
            })
          : t('sla.due', { stage: t(`sla.stage.${sla.stage}`), due: formatDateTime(sla.dueAt) })}
      </Paragraph>
    </Column>
  );
}
