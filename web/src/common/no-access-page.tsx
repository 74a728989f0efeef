import { Alert, Paragraph, StandaloneLink } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { AppLink } from './app-link';
import { PageHeading } from './page-title';

/**
 * Shown instead of a page the signed-in role has no use for (the API would refuse its data
 * anyway): plainly, with the way back.
 */
export function NoAccess({ embedded = false }: { embedded?: boolean }) {
  const { t } = useTranslation();
  const body = (
    <>
      <Paragraph className="ams-mb-m">{t('noAccess.body')}</Paragraph>
      <StandaloneLink href="/" linkComponent={AppLink}>
        {t('noAccess.home')}
      </StandaloneLink>
    </>
  );
  if (embedded) {
    return (
      <Alert heading={t('noAccess.title')} headingLevel={2} severity="warning">
        {body}
      </Alert>
    );
  }
  return (
    <div data-testid="no-access">
      <PageHeading title={t('noAccess.title')} />
      {body}
    </div>
  );
}

export function NoAccessPage() {
  return <NoAccess />;
}
