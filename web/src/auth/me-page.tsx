import { DescriptionList, Paragraph, StandaloneLink } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { AdminLinks } from '../admin/admin-overview-page';
import { AppLink } from '../common/app-link';
import { useDomainNames } from '../common/catalogue';
import { PageHeading } from '../common/page-title';
import { PasswordForm } from './password-form';
import { useSignInOptions } from './sign-in-options';
import { useCurrentUser, useSession } from './use-auth';

/** Who am I: the signed-in user as the API knows them. */
export function MePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const domainName = useDomainNames();
  const state = useSession();
  const options = useSignInOptions();
  // Signed in through a provider, or no passwords here at all: the password is not Brug's to change.
  const hasPassword =
    state.status === 'signed-in' &&
    state.method === 'password' &&
    options.data?.passwordSignIn !== false;
  return (
    <>
      <PageHeading title={t('me.title')} />
      <DescriptionList termsWidth="medium" className="ams-mb-l">
        <DescriptionList.Term>{t('me.name')}</DescriptionList.Term>
        <DescriptionList.Description>{me.name}</DescriptionList.Description>
        <DescriptionList.Term>{t('me.email')}</DescriptionList.Term>
        <DescriptionList.Description>{me.email}</DescriptionList.Description>
        <DescriptionList.Term>{t('me.role')}</DescriptionList.Term>
        <DescriptionList.Description>{t(`roles.${me.role}`)}</DescriptionList.Description>
        <DescriptionList.Term>{t('me.unit')}</DescriptionList.Term>
        <DescriptionList.Description>
          {me.organisationUnit?.name ?? t('common.none')}
        </DescriptionList.Description>
        {me.role === 'budget_holder' && (
          <>
            <DescriptionList.Term>{t('me.domains')}</DescriptionList.Term>
            <DescriptionList.Description>
              {me.domains.map(domainName).join(', ') || t('common.none')}
            </DescriptionList.Description>
          </>
        )}
      </DescriptionList>
      <Paragraph size="small" className="ams-mb-xl">
        {t(`me.explain.${me.role}`)}
      </Paragraph>
      {me.role === 'admin' && (
        <section aria-labelledby="me-admin" className="ams-mb-xl">
          <Paragraph id="me-admin" className="ams-mb-s">
            {t('admin.meIntro')}
          </Paragraph>
          <AdminLinks />
        </section>
      )}
      <Paragraph className="ams-mb-xl">
        <StandaloneLink href="/me/second-factor" linkComponent={AppLink}>
          {t('secondFactor.meLink')}
        </StandaloneLink>
      </Paragraph>
      <Paragraph className="ams-mb-xl">
        <StandaloneLink href="/me/sessions" linkComponent={AppLink}>
          {t('sessions.meLink')}
        </StandaloneLink>
      </Paragraph>
      {/* Auditors change nothing, their own password included: an admin sets it. */}
      {me.role !== 'auditor' && hasPassword && <PasswordForm />}
    </>
  );
}
