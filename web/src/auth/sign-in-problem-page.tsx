import { Alert, Column, Paragraph, StandaloneLink } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AppLink } from '../common/app-link';
import { PageHeading } from '../common/page-title';
import { useSignInOptions } from './sign-in-options';

/** The codes the service's callback sends here (OIDC_PROBLEMS in the service, ADR 33). */
const PROBLEMS = [
  'unknown_provider',
  'flow_expired',
  'state_mismatch',
  'provider_refused',
  'code_rejected',
  'nonce_mismatch',
  'issuer_mismatch',
  'id_token_expired',
  'id_token_invalid',
  'provider_unavailable',
  'no_mapping',
  'account_inactive',
  'email_in_use',
  'sign_in_failed',
] as const;
type Problem = (typeof PROBLEMS)[number];

/** Problems that only someone with access rights can solve: say whom to ask. */
const ASK_SOMEONE: readonly Problem[] = ['no_mapping', 'account_inactive', 'email_in_use'];

/**
 * /sign-in/problem?code=…: a sign-in through an identity provider ended without a session. The
 * page says in words what went wrong and, when only an administrator can help (nobody mapped
 * the person's groups), whom to ask (`OIDC_SUPPORT_CONTACT`).
 */
export function SignInProblemPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const options = useSignInOptions();
  const given = params.get('code') ?? '';
  const code: Problem = (PROBLEMS as readonly string[]).includes(given)
    ? (given as Problem)
    : 'sign_in_failed';
  const contact = options.data?.supportContact ?? null;
  return (
    <Column gap="large" className="brug-narrow">
      <PageHeading title={t('sso.problemTitle')} />
      <Alert
        heading={t('sso.problemHeading')}
        headingLevel={2}
        severity="error"
        data-testid="sign-in-problem"
      >
        <Paragraph className="ams-mb-s">{t(`sso.problem_${code}`)}</Paragraph>
        {/* Whom to ask once the service has said (no generic words first, then the contact). */}
        {ASK_SOMEONE.includes(code) && !options.isPending && (
          <Paragraph className="ams-mb-s" data-testid="sign-in-problem-contact">
            {contact ? t('sso.askWhom', { contact }) : t('sso.askAdmin')}
          </Paragraph>
        )}
        <Paragraph size="small">{t('sso.problemCode', { code })}</Paragraph>
      </Alert>
      <StandaloneLink href="/sign-in" linkComponent={AppLink}>
        {t('sso.tryAgain')}
      </StandaloneLink>
    </Column>
  );
}
