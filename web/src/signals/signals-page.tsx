import {
  Alert,
  Button,
  Paragraph,
  Row,
  StandaloneLink,
  Link as AmsLink,
} from '@amsterdam/design-system-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { AppLink } from '../common/app-link';
import { CursorPager } from '../common/cursor-pager';
import { formatDateTime } from '../common/format';
import { PageHeading } from '../common/page-title';
import { describeError, LoadError, Loading, Updating } from '../common/query-state';
import { useSignalChanges, useSignals, type Signal } from './api';

/**
 * The inbox (issue 19, item 3): the person's signals, newest first, all or the unread ones (the
 * choice and the page are in the address); each links to its case and can be marked read.
 */
export function SignalsPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  const unread = params.get('unread') === 'true';
  const cursor = params.get('cursor');
  const signals = useSignals(unread, cursor);
  const { markRead, markAllRead } = useSignalChanges();
  const [done, setDone] = useState<string | null>(null);
  const failure = markRead.error ?? markAllRead.error;
  const filterLink = (onlyUnread: boolean) => (onlyUnread ? '/signals?unread=true' : '/signals');
  return (
    <>
      <PageHeading title={t('signals.title')} />
      <Paragraph className="ams-mb-m">{t('signals.intro')}</Paragraph>
      <nav aria-label={t('signals.filterLabel')} className="ams-mb-m">
        <Row gap="large" wrap>
          {[false, true].map((onlyUnread) => (
            <StandaloneLink
              key={String(onlyUnread)}
              href={filterLink(onlyUnread)}
              linkComponent={AppLink}
              aria-current={onlyUnread === unread ? 'page' : undefined}
            >
              {onlyUnread ? t('signals.unread') : t('signals.all')}
            </StandaloneLink>
          ))}
        </Row>
      </nav>
      <Row gap="large" wrap className="ams-mb-m">
        <Button
          variant="secondary"
          disabled={markAllRead.isPending}
          onClick={() =>
            markAllRead.mutate(undefined, {
              onSuccess: (result) => setDone(t('signals.markedAll', { count: result.marked })),
            })
          }
        >
          {t('signals.markAllRead')}
        </Button>
        <StandaloneLink href="/signals/preferences" linkComponent={AppLink}>
          {t('signals.preferencesLink')}
        </StandaloneLink>
      </Row>
      <div role="status" className="ams-mb-s">
        {done && <Paragraph>{done}</Paragraph>}
      </div>
      {failure && (
        <Alert heading={t('signals.failed')} headingLevel={2} severity="error" className="ams-mb-m">
          <Paragraph>{describeError(failure, t('common.tryAgainLater'))}</Paragraph>
        </Alert>
      )}
      {signals.isPending ? (
        <Loading />
      ) : signals.isError ? (
        <LoadError error={signals.error} retry={() => void signals.refetch()} />
      ) : signals.data.items.length === 0 ? (
        <Paragraph>{unread ? t('signals.emptyUnread') : t('signals.empty')}</Paragraph>
      ) : (
        <Updating updating={signals.isPlaceholderData}>
          <ul className="brug-signal-list ams-mb-m" aria-label={t('signals.title')}>
            {signals.data.items.map((signal) => (
              <SignalItem
                key={signal.id}
                signal={signal}
                busy={markRead.isPending && markRead.variables === signal.id}
                onRead={() => markRead.mutate(signal.id)}
              />
            ))}
          </ul>
        </Updating>
      )}
      {signals.data && <CursorPager nextCursor={signals.data.nextCursor} />}
    </>
  );
}

function SignalItem({
  signal,
  busy,
  onRead,
}: {
  signal: Signal;
  busy: boolean;
  onRead: () => void;
}) {
  const { t } = useTranslation();
  const what = t(`signals.kind_${signal.kind}`);
  return (
    <li className="brug-signal ams-mb-m" data-unread={signal.readAt ? undefined : 'true'}>
      <Paragraph>
        <strong>{signal.readAt ? what : `${t('signals.newBadge')}: ${what}`}</strong>
      </Paragraph>
      <Paragraph>
        <AmsLink href={`/cases/${signal.case.id}`} linkComponent={AppLink}>
          {signal.case.reference} · {signal.case.title}
        </AmsLink>
      </Paragraph>
      <Paragraph size="small">
        <time dateTime={signal.createdAt}>{formatDateTime(signal.createdAt)}</time>
      </Paragraph>
      {!signal.readAt && (
        <Button
          variant="tertiary"
          disabled={busy}
          onClick={onRead}
          aria-label={t('signals.markReadOf', { what, reference: signal.case.reference })}
        >
          {t('signals.markRead')}
        </Button>
      )}
    </li>
  );
}
