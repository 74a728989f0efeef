import { Alert, Paragraph, StandaloneLink } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { AppLink } from './app-link';
import { PageHeading } from './page-title';

export function NotFound({ embedded = false }: { embedded?: boolean }) {
  const { t } = useTranslation();
  const body = (
    <>
      <Paragraph className="ams-mb-m">{t('notFound.body')}</Paragraph>
      <StandaloneLink href="/" linkComponent={AppLink}>
        {t('notFound.home')}
      </StandaloneLink>
    </>
  );
  if (embedded) {
    return (
      <Alert heading={t('notFound.title')} headingLevel={2} severity="warning">
        {body}
      </Alert>
    );
  }
  return (
    <>
      <PageHeading title={t('notFound.title')} />
      {body}
    </>
  );
}

export function NotFoundPage() {
  return <NotFound />;
}
