import { Alert, Button, Paragraph } from '@amsterdam/design-system-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import { ApiProblem } from '../api/problem';
import { problemText } from './error-text';
import { NoAccess } from './no-access-page';
import { NotFound } from './not-found-page';

/** Announced politely while data loads. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Paragraph role="status" className="brug-loading">
      {label ?? t('common.loading')}
    </Paragraph>
  );
}

/**
 * Results that stay on screen while the answer to a new filter, order or page loads: marked
 * busy (`aria-busy`), announced, and after a moment shown with a bar above them, so that nobody
 * reads or acts on the previous list as if it were the new one. `updating` is the query's
 * `isPlaceholderData`.
 */
export function Updating({ updating, children }: { updating: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <div role="status" className="ams-visually-hidden">
        {updating ? t('common.updating') : ''}
      </div>
      <div aria-busy={updating} className={updating ? 'brug-updating' : undefined}>
        {children}
      </div>
    </>
  );
}

/**
 * What went wrong, in words: a missing or invisible object (404) and a refusal (403) get their
 * own pages; anything else says what the API said and offers to try again.
 */
export function LoadError({
  error,
  retry,
  headingLevel = 2,
}: {
  error: unknown;
  retry?: () => void;
  headingLevel?: 2 | 3 | 4;
}) {
  const { t } = useTranslation();
  if (error instanceof ApiProblem && error.status === 404) return <NotFound embedded />;
  if (error instanceof ApiProblem && error.status === 403) return <NoAccess embedded />;
  return (
    <Alert heading={t('common.loadFailed')} headingLevel={headingLevel} severity="error">
      <Paragraph className="ams-mb-s">{describeError(error, t('common.tryAgainLater'))}</Paragraph>
      {retry && (
        <Button variant="secondary" onClick={retry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}

/**
 * A sentence for an error in the reader's language: the API's refusal worded from its code and
 * params (never its English detail), else `fallback`.
 */
export function describeError(error: unknown, fallback: string): string {
  if (error instanceof ApiProblem && error.problem) return problemText(error.problem, i18next.t);
  return fallback;
}
