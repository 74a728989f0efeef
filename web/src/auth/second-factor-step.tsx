import {
  Alert,
  Button,
  Column,
  Field,
  Label,
  Paragraph,
  TextInput,
} from '@amsterdam/design-system-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { errorText } from '../common/error-text';
import type { SessionInfo } from './session';

/**
 * The second step of signing in (ADR 35): the password was right, the person has a second
 * factor. A code from the authenticator app, or one of the recovery codes, finishes it.
 */
export function SecondFactorStep({
  challenge,
  onSignedIn,
  onRestart,
}: {
  challenge: string;
  onSignedIn: (session: SessionInfo) => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);
  const finish = useMutation({
    mutationFn: () =>
      call(api.POST('/auth/session/second-factor', { body: { challenge, code: code.trim() } })),
    onSuccess: onSignedIn,
  });

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setMissing(code.trim() === '');
    if (code.trim() === '') return;
    finish.mutate();
  };

  return (
    <Column gap="large">
      <Paragraph>{t('secondFactor.signInIntro')}</Paragraph>
      {(finish.isError || missing) && (
        <Alert heading={t('signIn.failedHeading')} headingLevel={2} severity="error" role="alert">
          <Paragraph>{missing ? t('secondFactor.fillCode') : errorText(finish.error, t)}</Paragraph>
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate>
        <Column gap="large">
          <Field>
            <Label htmlFor="sign-in-code">{t('secondFactor.signInCode')}</Label>
            <Paragraph id="sign-in-code-hint" size="small">
              {t('secondFactor.signInCodeHint')}
            </Paragraph>
            <TextInput
              id="sign-in-code"
              name="code"
              autoComplete="one-time-code"
              spellCheck={false}
              aria-describedby="sign-in-code-hint"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </Field>
          <Column gap="small" alignHorizontal="start">
            <Button type="submit" disabled={finish.isPending}>
              {finish.isPending ? t('signIn.busy') : t('signIn.submit')}
            </Button>
            <Button type="button" variant="tertiary" onClick={onRestart}>
              {t('secondFactor.restart')}
            </Button>
          </Column>
        </Column>
      </form>
    </Column>
  );
}
