import { Badge } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../api/client';
import { statusBadgeClass } from '../common/status-palette';

/**
 * Colour helps scanning; the word carries the meaning. The colours are the status palette's
 * (`common/status-palette.ts`), the same as in the charts.
 */
export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      label={t(`status.${status}`)}
      className={statusBadgeClass(status)}
      data-status={status}
    />
  );
}
