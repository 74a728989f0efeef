import { Alert, Button, Paragraph } from '@amsterdam/design-system-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import { PageHeading } from '../common/page-title';
import { AdminBackLink } from './admin-overview-page';
import { adminProblemText } from './admin-kit';

const BOARD_PATH = '/admin/queues';

/** Where to go after opening: the board page the person asked for, never anywhere else. */
export function boardTarget(to: string | null): string {
  return to && /^\/admin\/queues(?:[/?#][^\\]*)?$/.test(to) && !to.includes('//') ? to : BOARD_PATH;
}

/**
 * /admin/queue-board: what the queue dashboard is, and the button that opens it. A browser
 * cannot send the bearer token when it navigates, so the button first asks the API for the
 * board's HttpOnly cookie, then goes to the board. The service sends a browser here (with the
 * address it wanted in `to`) when it opens /admin/queues without that cookie; anyone but an
 * admin gets the "no access" page instead (the route's role).
 */
export function QueueBoardPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const target = boardTarget(params.get('to'));
  const open = useMutation({
    mutationFn: () => call(api.POST('/admin/queue-board/session')),
    onSuccess: () => window.location.assign(target),
  });
  return (
    <>
      <PageHeading title={t('admin.queueBoard.title')} />
      <AdminBackLink />
      <Paragraph className="ams-mb-l">{t('admin.queueBoard.intro')}</Paragraph>
      {open.isError && (
        <Alert
          heading={t('admin.queueBoard.failed')}
          headingLevel={2}
          severity="error"
          className="ams-mb-l"
          role="alert"
        >
          <Paragraph>{adminProblemText(open.error, t)}</Paragraph>
        </Alert>
      )}
      <Button onClick={() => open.mutate()} disabled={open.isPending || open.isSuccess}>
        {open.isPending || open.isSuccess
          ? t('admin.queueBoard.opening')
          : t('admin.queueBoard.open')}
      </Button>
    </>
  );
}
