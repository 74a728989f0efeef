import { Paragraph, ProgressList } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../api/client';
import { formatDateTime } from '../common/format';
import { isOpen } from './case-vocabulary';

/**
 * Every status the case passed through, oldest first: who moved it, when, and why. From the
 * case's own answer (`history`), so it never runs ahead of or behind the status badge.
 */
export function StatusTimeline({ item }: { item: CaseDto }) {
  const { t } = useTranslation();
  const changes = item.history ?? [];
  const last = changes.length - 1;
  return (
    <ProgressList
      headingLevel={3}
      completedAccessibleText={t('timeline.completed')}
      currentAccessibleText={t('timeline.current')}
      className="ams-mb-l"
    >
      {changes.map((change, index) => (
        <ProgressList.Step
          key={`${change.at}-${change.to}`}
          heading={t(`status.${change.to}`)}
          status={index === last && isOpen(item.status) ? 'current' : 'completed'}
        >
          <Paragraph size="small">
            {t('timeline.by', {
              when: formatDateTime(change.at),
              who:
                change.actor.role === 'system'
                  ? t('timeline.system')
                  : `${change.actor.name} (${roleName(change.actor.role, t)})`,
            })}
          </Paragraph>
          {change.reason && (
            <Paragraph size="small">{t('timeline.reason', { reason: change.reason })}</Paragraph>
          )}
        </ProgressList.Step>
      ))}
    </ProgressList>
  );
}

function roleName(role: string, t: ReturnType<typeof useTranslation>['t']): string {
  switch (role) {
    case 'buyer':
    case 'staff':
    case 'budget_holder':
    case 'auditor':
    case 'admin':
      return t(`roles.${role}`);
    default:
      return role;
  }
}
