import { Alert, Button, Paragraph, Table } from '@amsterdam/design-system-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call, type Schemas } from '../api/client';
import { errorText } from '../common/error-text';
import { formatDateTime } from '../common/format';
import { PageHeading } from '../common/page-title';
import { LoadError, Loading } from '../common/query-state';
import { TableRegion } from '../common/table-region';
import { session } from './session';

type MySession = Schemas['MySessionDto'];

/** The browser and system from a user agent, short: "Chrome on Windows"; else the raw start. */
function browserOf(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\/|Chromium\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const system = /Windows/.test(userAgent)
    ? 'Windows'
    : /Android/.test(userAgent)
      ? 'Android'
      : /iPhone|iPad/.test(userAgent)
        ? 'iOS'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  if (browser && system) return `${browser}, ${system}`;
  return browser ?? system ?? userAgent.slice(0, 60);
}

/**
 * /me/sessions: the web sessions open in my name (ADR 34), newest first, this one marked; any
 * can be ended. Ending this one signs out here.
 */
export function SessionsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<string | null>(null);
  const sessions = useQuery({
    queryKey: ['me', 'sessions'],
    queryFn: () => call(api.GET('/me/sessions')),
  });
  const end = useMutation({
    mutationFn: (s: MySession) =>
      call(api.DELETE('/me/sessions/{id}', { params: { path: { id: s.id } } })).then(() => s),
    onSuccess: (s) => {
      if (s.current) {
        session.signOut();
        queryClient.clear();
        void navigate('/sign-in', { replace: true });
        return;
      }
      setNotice(t('sessions.ended'));
      void queryClient.invalidateQueries({ queryKey: ['me', 'sessions'] });
    },
  });

  return (
    <>
      <PageHeading title={t('sessions.title')} />
      <Paragraph className="ams-mb-l">{t('sessions.intro')}</Paragraph>
      <div role="status" className="ams-mb-m" data-testid="sessions-notice">
        {notice && <Alert heading={notice} headingLevel={2} severity="success" />}
      </div>
      {end.isError && (
        <Alert
          heading={t('sessions.failed')}
          headingLevel={2}
          severity="error"
          role="alert"
          className="ams-mb-m"
        >
          <Paragraph>{errorText(end.error, t)}</Paragraph>
        </Alert>
      )}
      {sessions.isPending ? (
        <Loading />
      ) : sessions.isError ? (
        <LoadError error={sessions.error} retry={() => void sessions.refetch()} />
      ) : sessions.data.items.length === 0 ? (
        <Paragraph>{t('sessions.none')}</Paragraph>
      ) : (
        <TableRegion label={t('sessions.title')}>
          <Table className="ams-mb-l" data-testid="my-sessions">
            <Table.Caption className="ams-visually-hidden">{t('sessions.title')}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('sessions.began')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('sessions.how')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('sessions.browser')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('sessions.lastSeen')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('sessions.ends')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {sessions.data.items.map((s) => {
                const began = formatDateTime(s.createdAt);
                return (
                  <Table.Row key={s.id} data-current={s.current ? 'true' : undefined}>
                    <Table.Cell>
                      {began}
                      {s.current && (
                        <>
                          <br />
                          <strong>{t('sessions.current')}</strong>
                        </>
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      {s.method === 'oidc'
                        ? t('sessions.provider', { provider: s.provider ?? '' })
                        : t('sessions.password')}
                    </Table.Cell>
                    <Table.Cell>
                      {browserOf(s.userAgent) ?? t('sessions.unknownBrowser')}
                      {s.address && (
                        <>
                          <br />
                          <span className="brug-code">{s.address}</span>
                        </>
                      )}
                    </Table.Cell>
                    <Table.Cell>{formatDateTime(s.lastSeenAt)}</Table.Cell>
                    <Table.Cell>{formatDateTime(s.expiresAt)}</Table.Cell>
                    <Table.Cell>
                      <Button
                        variant="tertiary"
                        disabled={end.isPending}
                        onClick={() => {
                          setNotice(null);
                          end.mutate(s);
                        }}
                      >
                        {t('sessions.end')}
                        <span className="ams-visually-hidden">
                          : {t('sessions.endNamed', { when: began })}
                        </span>
                      </Button>
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </TableRegion>
      )}
    </>
  );
}
