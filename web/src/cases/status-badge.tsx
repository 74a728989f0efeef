import { Badge, type BadgeProps } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../api/client';

/**
 * Colour helps scanning; the word carries the meaning. Azure is left out: white on it does not
 * reach the 4.5:1 contrast WCAG asks for text. Resolved uses the default (green) badge.
 */
const COLOUR: Record<CaseStatus, BadgeProps['color']> = {
  filed: 'purple',
  routed: 'yellow',
  accepted: 'lime',
  in_progress: 'lime',
  proposed: 'orange',
  resolved: undefined,
  declined: 'red',
  withdrawn: 'magenta',
};

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return <Badge color={COLOUR[status]} label={t(`status.${status}`)} />;
}
