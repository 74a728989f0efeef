import { Badge, Column, Paragraph } from '@amsterdam/design-system-react';
import { ClockIcon, WarningIcon } from '@amsterdam/design-system-react-icons';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../api/client';
import { formatDateTime } from '../common/format';
import { slaStateOf } from './sla';

/**
 * The running SLA stage: a short badge (breached, due soon, and optionally on time) above the
 * stage and its due time in words. Nothing when no clock runs.
 */
export function SlaBadge({ item, showOnTrack = false }: { item: CaseDto; showOnTrack?: boolean }) {
  const { t } = useTranslation();
  const sla = slaStateOf(item);
  if (!sla || (sla.state === 'onTrack' && !showOnTrack)) return null;
  const badge =
    sla.state === 'breached' ? (
      <Badge color="red" icon={WarningIcon} label={t('sla.breached')} />
    ) : sla.state === 'dueSoon' ? (
      <Badge color="orange" icon={ClockIcon} label={t('sla.dueSoon')} />
    ) : (
      <Badge label={t('sla.onTrack')} />
    );
  return (
    <Column gap="x-small" alignHorizontal="start" className="brug-sla">
      {badge}
      <Paragraph size="small">
        {t('sla.due', { stage: t(`sla.stage.${sla.stage}`), due: formatDateTime(sla.dueAt) })}
      </Paragraph>
    </Column>
  );
}
