import { Paragraph, StandaloneLink, UnorderedList } from '@amsterdam/design-system-react';
import { ChevronBackwardIcon } from '@amsterdam/design-system-react-icons';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../common/app-link';
import { PageHeading } from '../common/page-title';
import { sayOps } from './ops-texts';

/** The administration pages, in the order an administrator sets Brug up. */
export const ADMIN_PAGES = [
  { to: '/admin/users', key: 'users' },
  { to: '/admin/domains', key: 'domains' },
  { to: '/admin/teams', key: 'teams' },
  { to: '/admin/routing', key: 'routing' },
  { to: '/admin/calendar', key: 'calendar' },
  { to: '/admin/eu-thresholds', key: 'euThresholds' },
  { to: '/admin/api-clients', key: 'apiClients' },
  { to: '/admin/identity-mappings', key: 'identityMappings' },
  { to: '/admin/webhooks', key: 'webhooksPage', ops: true },
  { to: '/admin/failed-jobs', key: 'failedJobsPage', ops: true },
  { to: '/admin/queue-board', key: 'queueBoard' },
] as const;

/** The administration pages as links with what each is for (the overview and "who am I"). */
export function AdminLinks() {
  const { t } = useTranslation();
  return (
    <UnorderedList markers={false} className="ams-mb-l" data-testid="admin-links">
      {ADMIN_PAGES.map((p) => {
        // The later pages' texts are in admin/ops-texts.ts (read through sayOps).
        const say = (key: string) =>
          'ops' in p ? sayOps(t, key) : t(`admin.pages.${key}` as 'admin.pages.users');
        return (
          <UnorderedList.Item key={p.to} className="ams-mb-m">
            <StandaloneLink href={p.to} linkComponent={AppLink}>
              {say(p.key)}
            </StandaloneLink>
            <Paragraph size="small">{say(`${p.key}Body`)}</Paragraph>
          </UnorderedList.Item>
        );
      })}
    </UnorderedList>
  );
}

/** Back from an administration page to the overview. */
export function AdminBackLink() {
  const { t } = useTranslation();
  return (
    <StandaloneLink
      href="/admin"
      linkComponent={AppLink}
      icon={ChevronBackwardIcon}
      className="ams-mb-m"
    >
      {t('admin.back')}
    </StandaloneLink>
  );
}

/** /admin: what an administrator manages, one link per page. */
export function AdminOverviewPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('admin.title')} />
      <Paragraph className="ams-mb-l">{t('admin.intro')}</Paragraph>
      <AdminLinks />
    </>
  );
}
