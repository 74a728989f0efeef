import { Row, StandaloneLink } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { AppLink } from './app-link';

/**
 * Keyset pages have no numbers: "next" carries the API's cursor in the address (so every page
 * has a URL and survives a reload), and "first page" drops it. The browser's back button goes
 * to the previous page.
 */
export function CursorPager({
  nextCursor,
  param = 'cursor',
}: {
  nextCursor: string | null;
  param?: string;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  const onLaterPage = params.has(param);
  if (!nextCursor && !onLaterPage) return null;
  const withCursor = (cursor: string | null) => {
    const next = new URLSearchParams(params);
    if (cursor) next.set(param, cursor);
    else next.delete(param);
    const search = next.toString();
    return `${location.pathname}${search ? `?${search}` : ''}`;
  };
  return (
    <nav aria-label={t('pager.label')} className="ams-mb-l">
      <Row gap="large" wrap>
        {onLaterPage && (
          <StandaloneLink href={withCursor(null)} linkComponent={AppLink}>
            {t('pager.first')}
          </StandaloneLink>
        )}
        {nextCursor && (
          <StandaloneLink href={withCursor(nextCursor)} linkComponent={AppLink}>
            {t('pager.next')}
          </StandaloneLink>
        )}
      </Row>
    </nav>
  );
}
