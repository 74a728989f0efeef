import {
  Alert,
  Button,
  Column,
  Field,
  Heading,
  Label,
  Paragraph,
  PasswordInput,
  TextInput,
} from '@amsterdam/design-system-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import { ApiProblem } from '../api/problem';
import { PageHeading } from '../common/page-title';
import { LoadError, Loading } from '../common/query-state';
import { SecondFactorStep } from './second-factor-step';
import { session, type SessionInfo } from './session';
import { startUrlOf, useSignInOptions } from './sign-in-options';
import { useSession, useSignOut } from './use-auth';

/** Only paths inside the app are followed after signing in (no open redirect). */
function safeReturnTo(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const state = useSession();
  const options = useSignInOptions();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Both fields empty or one of them: said here, without spending a sign-in attempt.
  const [missing, setMissing] = useState(false);
  // The password was right and a second factor is needed (ADR 35): the challenge for step two.
  const [challenge, setChallenge] = useState<string | null>(null);
  const returnTo = safeReturnTo(params.get('returnTo'));

  const signedIn = (info: SessionInfo) => {
    queryClient.clear();
    session.signIn(info);
    void navigate(returnTo, { replace: true });
  };
  const signIn = useMutation({
    mutationFn: () => call(api.POST('/auth/session', { body: { email, password } })),
    onSuccess: signedIn,
    onError: (error) => {
      const problem = error instanceof ApiProblem ? error.problem : null;
      const next = (problem as { challenge?: unknown } | null)?.challenge;
      if (problem?.code === 'second_factor_required' && typeof next === 'string') {
        setPassword('');
        setChallenge(next);
      }
    },
  });

  if (state.status === 'signed-in' && !signIn.isPending) return <Navigate to={returnTo} replace />;

  if (challenge) {
    return (
      <Column gap="large" className="brug-narrow">
        <PageHeading title={t('secondFactor.signInTitle')} />
        <SecondFactorStep
          challenge={challenge}
          onSignedIn={signedIn}
          onRestart={() => {
            signIn.reset();
            setChallenge(null);
          }}
        />
      </Column>
    );
  }

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const incomplete = email.trim() === '' || password === '';
    setMissing(incomplete);
    if (incomplete) {
      signIn.reset();
      return;
    }
    signIn.mutate();
  };

  const providers = options.data?.providers ?? [];
  const passwordForm = (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={providers.length ? 'sign-in-password-heading' : undefined}
    >
      <Column gap="large">
        {providers.length > 0 && (
          <Heading level={2} size="level-4" id="sign-in-password-heading">
            {t('sso.orPassword')}
          </Heading>
        )}
        <Field>
          <Label htmlFor="sign-in-email">{t('signIn.email')}</Label>
          <TextInput
            id="sign-in-email"
            name="email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Field>
        <Field>
          <Label htmlFor="sign-in-password">{t('signIn.password')}</Label>
          <PasswordInput
            id="sign-in-password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <div>
          <Button type="submit" disabled={signIn.isPending}>
            {signIn.isPending ? t('signIn.busy') : t('signIn.submit')}
          </Button>
        </div>
      </Column>
    </form>
  );

  return (
    <Column gap="large" className="brug-narrow">
      <PageHeading title={t('signIn.title')} />
      {params.get('signedOut') === '1' && !signIn.isError && !missing && (
        <Alert heading={t('sso.signedOutHeading')} headingLevel={2}>
          <Paragraph>{t('sso.signedOut')}</Paragraph>
        </Alert>
      )}
      {params.get('expired') === '1' && !signIn.isError && !missing && (
        <Alert heading={t('signIn.expiredHeading')} headingLevel={2} severity="warning">
          <Paragraph>{t('signIn.expired')}</Paragraph>
        </Alert>
      )}
      {(signIn.isError || missing) && (
        <Alert heading={t('signIn.failedHeading')} headingLevel={2} severity="error" role="alert">
          <Paragraph>{missing ? t('signIn.fillBoth') : signInError(signIn.error, t)}</Paragraph>
        </Alert>
      )}
      {options.isPending ? (
        <Loading />
      ) : options.isError ? (
        <LoadError error={options.error} retry={() => void options.refetch()} />
      ) : (
        <>
          {providers.length > 0 && (
            <section aria-labelledby="sign-in-providers-heading" data-testid="sign-in-providers">
              <Heading level={2} size="level-4" id="sign-in-providers-heading" className="ams-mb-s">
                {t('sso.providersHeading')}
              </Heading>
              <Column gap="small">
                {providers.map((p) => (
                  // A link, not a form: the provider's page is another origin (CSP form-action).
                  <a
                    key={p.id}
                    className="ams-button ams-button--primary brug-link-button"
                    href={startUrlOf(p.startUrl, returnTo)}
                  >
                    {t('sso.withProvider', { name: p.displayName })}
                  </a>
                ))}
              </Column>
            </section>
          )}
          {options.data.passwordSignIn && passwordForm}
          {!options.data.passwordSignIn && providers.length === 0 && (
            <Paragraph>{t('sso.noWay')}</Paragraph>
          )}
        </>
      )}
    </Column>
  );
}

function signInError(error: unknown, t: ReturnType<typeof useTranslation>['t']): string {
  if (error instanceof ApiProblem) {
    if (error.status === 401) return t('signIn.wrongCredentials');
    if (error.status === 429) return t('signIn.tooManyAttempts');
    if (error.status === 400) return t('signIn.fillBoth');
  }
  return t('common.tryAgainLater');
}

/** Signs out and returns to the sign-in page. */
export function SignOutPage() {
  const signOut = useSignOut();
  const state = useSession();
  useEffect(() => {
    void signOut();
  }, [signOut]);
  return state.status === 'signed-out' ? <Navigate to="/sign-in" replace /> : <Loading />;
}
