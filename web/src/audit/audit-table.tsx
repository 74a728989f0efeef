import { Link, Paragraph, Table } from '@amsterdam/design-system-react';
import i18next from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../common/app-link';
import { formatDateTime } from '../common/format';
import { TableRegion } from '../common/table-region';
import type { AuditEvent, AuditReferences } from './api';
import { EventDescriber, type ChangeLine } from './event-changes';

/** The action in words ("Status gewijzigd"); the stored name when Brug has no words for it. */
export function useActionName(): (action: string) => string {
  const { t } = useTranslation();
  return (action: string) =>
    i18next.exists(`audit.actions.${action}`)
      ? (t as unknown as (key: string) => string)(`audit.actions.${action}`)
      : action;
}

function Lines({ lines }: { lines: ChangeLine[] }) {
  const { t } = useTranslation();
  return (
    <ul className="brug-audit-changes">
      {lines.map((line, i) => (
        <li key={`${line.key}-${i}`}>
          <span className="brug-audit-label">{line.label}:</span>{' '}
          {line.lines ? (
            <Lines lines={line.lines} />
          ) : line.value !== undefined ? (
            line.value
          ) : (
            <>
              <span className="brug-audit-old">{line.old}</span>{' '}
              {/* Read out as "wordt" / "becomes", shown as an arrow. */}
              <span role="img" aria-label={t('audit.changes.becomes')}>
                →
              </span>{' '}
              <span className="brug-audit-new">{line.new}</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The trail as an accountant reads it: when, who, what in words, about which case (its
 * reference, a link) and the changes as labelled lines, old → new, with amounts in euros and
 * people and domains by name. The stored data and the hash stay one click away, for auditors.
 */
export function AuditTable({
  events,
  references,
  caption,
  showCase = true,
}: {
  events: AuditEvent[];
  references: AuditReferences;
  caption: string;
  showCase?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const actionName = useActionName();
  const describer = useMemo(
    () => new EventDescriber(t, references, i18n.language),
    [t, references, i18n.language],
  );
  const roleName = (role: string) =>
    i18next.exists(`roles.${role}`) ? (t as unknown as (k: string) => string)(`roles.${role}`) : '';
  if (events.length === 0) return <Paragraph className="ams-mb-l">{t('audit.none')}</Paragraph>;
  return (
    <TableRegion label={caption}>
      <Table className="ams-mb-l brug-audit-table">
        <Table.Caption className="ams-visually-hidden">{caption}</Table.Caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('audit.seq')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('audit.when')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('audit.actor')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('audit.action')}</Table.HeaderCell>
            {showCase && <Table.HeaderCell scope="col">{t('audit.subject')}</Table.HeaderCell>}
            <Table.HeaderCell scope="col">{t('audit.data')}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {events.map((e) => {
            const reference = e.caseId ? describer.nameOf(e.caseId) : undefined;
            const role = roleName(e.actorRole);
            return (
              <Table.Row key={e.seq}>
                <Table.Cell>{e.seq}</Table.Cell>
                <Table.Cell>{formatDateTime(e.occurredAt)}</Table.Cell>
                <Table.Cell>
                  {e.actorName}
                  {role && <span className="brug-audit-role"> ({role})</span>}
                </Table.Cell>
                <Table.Cell>{actionName(e.action)}</Table.Cell>
                {showCase && (
                  <Table.Cell>
                    {e.caseId ? (
                      <Link
                        href={`/cases/${reference ?? e.caseId}`}
                        linkComponent={AppLink}
                        className="brug-nowrap"
                      >
                        {reference ?? t('audit.openCase')}
                      </Link>
                    ) : (
                      describer.subject(e)
                    )}
                  </Table.Cell>
                )}
                <Table.Cell>
                  <Lines lines={describer.lines(e)} />
                  <details className="brug-audit-raw">
                    <summary>{t('audit.changes.raw')}</summary>
                    <Paragraph size="small">{t('audit.changes.rawHint')}</Paragraph>
                    <pre className="brug-code">{JSON.stringify(e.data, null, 2)}</pre>
                    <Paragraph size="small">
                      {t('audit.changes.hash')}:{' '}
                      <code className="brug-code">{e.hash ?? e.dataHash}</code>
                      {e.leafIndex !== null && (
                        <>
                          {' · '}
                          {t('audit.changes.leaf', { index: e.leafIndex })}
                        </>
                      )}
                    </Paragraph>
                  </details>
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </TableRegion>
  );
}
