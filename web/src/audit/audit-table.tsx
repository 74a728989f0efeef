import { Link, Paragraph, Table } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../common/app-link';
import { formatDateTime } from '../common/format';
import { TableRegion } from '../common/table-region';
import type { AuditEvent } from './api';

const KNOWN_ACTIONS = [
  'case.filed',
  'case.updated',
  'case.transitioned',
  'case.routed',
  'case.assigned',
  'case.sla_breached',
  'note.added',
  'funding.entry_recorded',
  'user.created',
  'user.updated',
  'catalogue.changed',
] as const;
type KnownAction = (typeof KNOWN_ACTIONS)[number];
const isKnown = (action: string): action is KnownAction =>
  (KNOWN_ACTIONS as readonly string[]).includes(action);

/** The event's data, compact: enough to recognise it; the export has it all. */
function summarise(data: Record<string, unknown>): string {
  const text = JSON.stringify(data);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

export function AuditTable({
  events,
  caption,
  showCase = true,
}: {
  events: AuditEvent[];
  caption: string;
  showCase?: boolean;
}) {
  const { t } = useTranslation();
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
            <Table.HeaderCell scope="col">{t('audit.hash')}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {events.map((e) => (
            <Table.Row key={e.seq}>
              <Table.Cell>{e.seq}</Table.Cell>
              <Table.Cell>{formatDateTime(e.occurredAt)}</Table.Cell>
              <Table.Cell>
                {e.actorName} ({e.actorRole})
              </Table.Cell>
              <Table.Cell>
                {isKnown(e.action) ? t(`audit.actions.${e.action}`) : e.action}
              </Table.Cell>
              {showCase && (
                <Table.Cell>
                  {e.caseId ? (
                    <Link href={`/cases/${e.caseId}`} linkComponent={AppLink}>
                      {t('audit.openCase')}
                      <span className="ams-visually-hidden"> {e.caseId}</span>
                    </Link>
                  ) : (
                    `${e.subjectType} ${e.subjectId}`
                  )}
                </Table.Cell>
              )}
              <Table.Cell>
                <code className="brug-code">{summarise(e.data)}</code>
              </Table.Cell>
              <Table.Cell>
                <code className="brug-code" title={e.hash}>
                  {e.hash.slice(0, 12)}…
                </code>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableRegion>
  );
}
