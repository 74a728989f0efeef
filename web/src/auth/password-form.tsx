import { Alert, Button, Column, Heading, Paragraph, Row } from '@amsterdam/design-system-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call } from '../api/client';
import { errorText, fieldErrorText } from '../common/error-text';
import { ErrorSummary, errorAt, fieldErrorsOf, PasswordField } from '../common/form';
import { useSignOut } from './use-auth';

/** The API's shortest password (`PASSWORD_MIN`), said in the hint. */
const PASSWORD_MIN = 12;

const LABELS = { currentPassword: 'password.current', newPassword: 'password.next' } as const;

/**
 * A signed-in person changes their own password. The API ends every session of theirs, this
 * one too, so a success signs out here and asks to sign in with the new password.
 */
export function PasswordForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const change = useMutation({
    mutationFn: () => call(api.PUT('/me/password', { body: { currentPassword, newPassword } })),
    onSuccess: async () => {
      await signOut();
      void navigate('/sign-in', { replace: true });
    },
  });
  const errors = fieldErrorsOf(change.error);
  const message = (field: keyof typeof LABELS) => {
    const found = errorAt(errors, field);
    return found ? fieldErrorText(found, t) : undefined;
  };
  const summary = errors
    .filter((e): e is typeof e & { field: keyof typeof LABELS } => e.field in LABELS)
    .map((e) => ({
      id: `password-${e.field}`,
      label: `${t(LABELS[e.field])}: ${fieldErrorText(e, t)}`,
    }));

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    change.mutate();
  };

  return (
    <form onSubmit={onSubmit} aria-labelledby="password-heading" noValidate className="brug-panel">
      <Heading level={2} id="password-heading" className="ams-mb-s">
        {t('password.title')}
      </Heading>
      <Paragraph size="small" className="ams-mb-m">
        {t('password.intro')}
      </Paragraph>
      {summary.length > 0 && <ErrorSummary errors={summary} />}
      {change.isError && errors.length === 0 && (
        <Alert
          heading={t('password.failed')}
          headingLevel={3}
          severity="error"
          className="ams-mb-m"
          role="alert"
        >
          <Paragraph>{errorText(change.error, t)}</Paragraph>
        </Alert>
      )}
      <Column>
        <PasswordField
          id="password-currentPassword"
          label={t('password.current')}
          autoComplete="current-password"
          value={currentPassword}
          onChange={setCurrentPassword}
          error={message('currentPassword')}
        />
        <PasswordField
          id="password-newPassword"
          label={t('password.next')}
          hint={t('password.nextHint', { min: PASSWORD_MIN })}
          autoComplete="new-password"
          value={newPassword}
          onChange={setNewPassword}
          error={message('newPassword')}
        />
        <Row>
          <Button type="submit" variant="secondary" disabled={change.isPending}>
            {change.isPending ? t('password.busy') : t('password.submit')}
          </Button>
        </Row>
      </Column>
    </form>
  );
}
