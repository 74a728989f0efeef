import { Alert, Paragraph, Table } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../common/format';
import { TableRegion } from '../common/table-region';
import { useActionName } from './audit-table';
import type { BundleCheck, BundleOutcome, EventOutcome } from './bundle-verifier';

/** What the browser found in a bundle: a summary, then one row per event naming failed checks. */
export function BundleOutcomeView({ outcome }: { outcome: BundleOutcome }) {
  const { t } = useTranslation();
  const checkName = (check: BundleCheck) => t(`auditBundle.check_${check}`);
  const failedEvents = outcome.events.filter((e) => e.failed.length > 0).length;
  const erased = outcome.events.filter((e) => e.erased).length;
  return (
    <>
      <Alert
        heading={outcome.ok ? t('auditBundle.valid') : t('auditBundle.invalid')}
        headingLevel={3}
        severity={outcome.ok ? 'success' : 'error'}
        className="ams-mb-m"
        data-testid="bundle-result"
      >
        {outcome.ok ? (
          <Paragraph className="ams-mb-s">
            {t('auditBundle.validDetail', {
              events: formatNumber(outcome.events.length),
              size: formatNumber(outcome.treeSize ?? 0),
            })}
          </Paragraph>
        ) : (
          outcome.events.length > 0 && (
            <Paragraph className="ams-mb-s">
              {t('auditBundle.invalidDetail', {
                failed: formatNumber(failedEvents),
                events: formatNumber(outcome.events.length),
              })}
            </Paragraph>
          )
        )}
        {outcome.failed.map((check) => (
          <Paragraph key={check} className="ams-mb-s" data-testid="bundle-general-failure">
            {t('auditBundle.generalFailure', { check: checkName(check) })}
          </Paragraph>
        ))}
        {outcome.consistency === 'checked' && (
          <Paragraph className="ams-mb-s">
            {t('auditBundle.grew', { size: formatNumber(outcome.earlierSize ?? 0) })}
          </Paragraph>
        )}
        {erased > 0 && (
          <Paragraph className="ams-mb-s">
            {t('auditBundle.erasedCount', { count: erased })}
          </Paragraph>
        )}
        {outcome.treeSize !== null && (
          <Paragraph size="small">
            {t('auditBundle.checkpointLine', {
              origin: outcome.origin,
              size: formatNumber(outcome.treeSize),
              root: outcome.rootHex,
            })}
          </Paragraph>
        )}
      </Alert>
      {outcome.events.length > 0 && <EventTable events={outcome.events} checkName={checkName} />}
    </>
  );
}

function EventTable({
  events,
  checkName,
}: {
  events: EventOutcome[];
  checkName: (check: BundleCheck) => string;
}) {
  const { t } = useTranslation();
  const actionName = useActionName();
  return (
    <TableRegion label={t('auditBundle.tableCaption')}>
      <Table className="brug-bundle-table">
        <Table.Caption>{t('auditBundle.tableCaption')}</Table.Caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('auditBundle.colNumber')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('auditBundle.colLeaf')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('auditBundle.colAction')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('auditBundle.colTime')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('auditBundle.colResult')}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {events.map((e) => (
            <Table.Row key={e.number} data-failed={e.failed.length > 0 ? 'true' : undefined}>
              <Table.Cell>{e.number}</Table.Cell>
              <Table.Cell>{e.leafIndex ?? '—'}</Table.Cell>
              <Table.Cell>{e.action ? actionName(e.action) : '—'}</Table.Cell>
              <Table.Cell>{e.occurredAt ? formatDateTime(e.occurredAt) : '—'}</Table.Cell>
              <Table.Cell>
                {e.failed.length > 0
                  ? t('auditBundle.resultFailed', { checks: e.failed.map(checkName).join('; ') })
                  : e.erased
                    ? t('auditBundle.resultErased')
                    : t('auditBundle.resultOk')}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableRegion>
  );
}
