import {
  Alert,
  Button,
  Column,
  Field,
  Heading,
  Label,
  OrderedList,
  Paragraph,
  TextInput,
} from '@amsterdam/design-system-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { errorText } from '../common/error-text';
import { PageHeading } from '../common/page-title';
import { LoadError, Loading } from '../common/query-state';
import { useSession } from './use-auth';

/** Whether the signed-in person has a second factor and whether their role needs one. */
export function useSecondFactorStatus() {
  const state = useSession();
  const token = state.status === 'signed-in' ? state.csrfToken : null;
  return useQuery({
    queryKey: ['second-factor', token],
    queryFn: () => call(api.GET('/me/second-factor')),
    enabled: token !== null,
    staleTime: 5 * 60_000,
  });
}

/** The secret in groups of four, as people type it into an app. */
const grouped = (secret: string): string => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/**
 * Setting up (or removing) the TOTP second factor (ADR 35): a new secret to put in an
 * authenticator app, shown as text and as an otpauth:// link (no QR code: that needs another
 * package), confirmed with a first code; then the recovery codes, shown this once.
 */
export function SecondFactorPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useSecondFactorStatus();
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const start = useMutation({ mutationFn: () => call(api.POST('/me/second-factor')) });
  const confirm = useMutation({
    mutationFn: () =>
      call(api.POST('/me/second-factor/confirmation', { body: { code: code.trim() } })),
    onSuccess: (result) => {
      setRecoveryCodes(result.recoveryCodes);
      setCode('');
      start.reset();
      void queryClient.invalidateQueries({ queryKey: ['second-factor'] });
    },
  });
  const remove = useMutation({
    mutationFn: () => call(api.POST('/me/second-factor/removal', { body: { code: code.trim() } })),
    onSuccess: () => {
      setCode('');
      void queryClient.invalidateQueries({ queryKey: ['second-factor'] });
    },
  });

  if (status.isPending) return <Loading />;
  if (status.isError) return <LoadError error={status.error} retry={() => void status.refetch()} />;
  const { enabled, required, recoveryCodesLeft } = status.data;

  const codeField = (action: typeof confirm | typeof remove, label: string, busy: boolean) => (
    <form
      noValidate
      onSubmit={(event: SubmitEvent) => {
        event.preventDefault();
        action.mutate();
      }}
    >
      <Column gap="small" alignHorizontal="start">
        <Field>
          <Label htmlFor="second-factor-code">{t('secondFactor.code')}</Label>
          <TextInput
            id="second-factor-code"
            name="code"
            autoComplete="one-time-code"
            inputMode="numeric"
            spellCheck={false}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </Field>
        <Button type="submit" disabled={busy}>
          {busy ? t('secondFactor.busy') : label}
        </Button>
      </Column>
    </form>
  );

  const failure = confirm.error ?? remove.error ?? start.error;
  return (
    <Column gap="large" className="brug-narrow">
      <PageHeading title={t('secondFactor.title')} />
      <Paragraph>{t('secondFactor.intro')}</Paragraph>
      {required && !enabled && (
        <Alert heading={t('secondFactor.requiredHeading')} headingLevel={2} severity="warning">
          <Paragraph>{t('secondFactor.required')}</Paragraph>
        </Alert>
      )}
      {failure && (
        <Alert heading={t('secondFactor.failed')} headingLevel={2} severity="error" role="alert">
          <Paragraph>{errorText(failure, t)}</Paragraph>
        </Alert>
      )}
      {recoveryCodes && (
        <section aria-labelledby="recovery-heading" className="brug-panel">
          <Heading level={2} id="recovery-heading" className="ams-mb-s">
            {t('secondFactor.recoveryHeading')}
          </Heading>
          <Paragraph className="ams-mb-m">{t('secondFactor.recoveryIntro')}</Paragraph>
          <OrderedList>
            {recoveryCodes.map((c) => (
              <OrderedList.Item key={c}>
                <code>{c}</code>
              </OrderedList.Item>
            ))}
          </OrderedList>
        </section>
      )}
      {enabled && !recoveryCodes && (
        <Paragraph>{t('secondFactor.on', { count: recoveryCodesLeft })}</Paragraph>
      )}
      {enabled && !required && !recoveryCodes && (
        <section aria-labelledby="remove-heading">
          <Heading level={2} id="remove-heading" className="ams-mb-s">
            {t('secondFactor.remove')}
          </Heading>
          <Paragraph className="ams-mb-m">{t('secondFactor.removeIntro')}</Paragraph>
          {codeField(remove, t('secondFactor.remove'), remove.isPending)}
        </section>
      )}
      {!enabled && !start.data && (
        <>
          <Paragraph>{t('secondFactor.off')}</Paragraph>
          <div>
            <Button onClick={() => start.mutate()} disabled={start.isPending}>
              {t('secondFactor.start')}
            </Button>
          </div>
        </>
      )}
      {!enabled && start.data && (
        <section aria-labelledby="setup-heading" className="brug-panel">
          <Heading level={2} id="setup-heading" className="ams-mb-s">
            {t('secondFactor.setupHeading')}
          </Heading>
          <Paragraph className="ams-mb-s">{t('secondFactor.step1')}</Paragraph>
          <Paragraph className="ams-mb-s">
            {t('secondFactor.secretLabel')}:{' '}
            <code data-testid="second-factor-secret">{grouped(start.data.secret)}</code>
          </Paragraph>
          <Paragraph size="small" className="ams-mb-m">
            {t('secondFactor.uriLabel')} <a href={start.data.uri}>{t('secondFactor.uriLink')}</a>
          </Paragraph>
          <Paragraph className="ams-mb-s">{t('secondFactor.step2')}</Paragraph>
          {codeField(confirm, t('secondFactor.confirm'), confirm.isPending)}
        </section>
      )}
    </Column>
  );
}
