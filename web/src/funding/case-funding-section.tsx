import {
  Alert,
  Badge,
  Button,
  Column,
  DescriptionList,
  Heading,
  Paragraph,
  Row,
  Table,
} from '@amsterdam/design-system-react';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../api/client';
import { ApiProblem } from '../api/problem';
import { useCurrentUser } from '../auth/use-auth';
import { useDomainNames } from '../common/catalogue';
import { errorAt, fieldErrorsOf, SelectField, TextAreaField, TextField } from '../common/form';
import { fieldErrorText, problemText } from '../common/error-text';
import { formatDateTime, formatEuro, parseEuroToCents } from '../common/format';
import { describeError, LoadError, Loading } from '../common/query-state';
import { TableRegion } from '../common/table-region';
import {
  recordableDomains,
  recordableKinds,
  useCaseFunding,
  useFundingEntries,
  useRecordEntry,
  type FundingKind,
  type RecordEntryBody,
  type ReleaseFrom,
} from './api';

/**
 * The funding of one case: per domain what is pledged, committed and disbursed, the gap to the
 * estimated value, the touched domains that pay nothing, the log itself, and (for roles that
 * may) the form to add to it.
 */
export function CaseFundingSection({ routeId, item }: { routeId: string; item: CaseDto }) {
  const { t } = useTranslation();
  const domainName = useDomainNames();
  const funding = useCaseFunding(routeId);
  const entries = useFundingEntries(routeId);

  return (
    <section aria-labelledby="funding-heading" className="ams-mb-xl">
      <Heading level={2} id="funding-heading" className="ams-mb-m">
        {t('funding.title')}
      </Heading>
      {funding.isPending ? (
        <Loading />
      ) : funding.isError ? (
        <LoadError error={funding.error} retry={() => void funding.refetch()} headingLevel={3} />
      ) : (
        <>
          <DescriptionList termsWidth="medium" className="ams-mb-m">
            {(
              [
                ['funding.estimated', funding.data.estimatedValueCents],
                ['funding.pledged', funding.data.pledgedCents],
                ['funding.committed', funding.data.committedCents],
                ['funding.disbursed', funding.data.disbursedCents],
                ['funding.gap', funding.data.gapCents],
              ] as const
            ).map(([key, cents]) => (
              <DescriptionList.Section key={key}>
                <DescriptionList.Term>{t(key)}</DescriptionList.Term>
                <DescriptionList.Description>{formatEuro(cents)}</DescriptionList.Description>
              </DescriptionList.Section>
            ))}
          </DescriptionList>
          {funding.data.nonPayingDomains.length > 0 ? (
            <Column gap="x-small" className="ams-mb-m">
              <Paragraph>{t('funding.nonPaying')}</Paragraph>
              <Row wrap gap="small" data-testid="non-paying">
                {funding.data.nonPayingDomains.map((code) => (
                  <Badge key={code} color="orange" label={domainName(code)} />
                ))}
              </Row>
            </Column>
          ) : (
            <Paragraph className="ams-mb-m">{t('funding.allPaying')}</Paragraph>
          )}
          <TableRegion label={t('funding.byDomain')}>
            <Table className="ams-mb-l">
              <Table.Caption>{t('funding.byDomain')}</Table.Caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('funding.domain')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('funding.role')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="end">
                    {t('funding.pledged')}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="end">
                    {t('funding.committed')}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="end">
                    {t('funding.disbursed')}
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {funding.data.byDomain.map((d) => (
                  <Table.Row key={d.domainCode}>
                    <Table.HeaderCell scope="row">{domainName(d.domainCode)}</Table.HeaderCell>
                    <Table.Cell>{d.role ? t(`domainRole.${d.role}`) : t('common.none')}</Table.Cell>
                    <Table.Cell align="end">{formatEuro(d.pledgedCents)}</Table.Cell>
                    <Table.Cell align="end">{formatEuro(d.committedCents)}</Table.Cell>
                    <Table.Cell align="end">{formatEuro(d.disbursedCents)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableRegion>
        </>
      )}
      <Heading level={3} className="ams-mb-s">
        {t('funding.log')}
      </Heading>
      {entries.isPending ? (
        <Loading />
      ) : entries.isError ? (
        <LoadError error={entries.error} retry={() => void entries.refetch()} headingLevel={3} />
      ) : entries.data.items.length === 0 ? (
        <Paragraph className="ams-mb-l">{t('funding.noEntries')}</Paragraph>
      ) : (
        <TableRegion label={t('funding.log')}>
          <Table className="ams-mb-l" data-testid="funding-log">
            <Table.Caption className="ams-visually-hidden">{t('funding.log')}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('funding.when')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('funding.domain')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('funding.kind')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" align="end">
                  {t('funding.amount')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('funding.budgetLine')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('funding.note')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('funding.by')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {entries.data.items.map((e) => (
                <Table.Row key={e.id}>
                  <Table.Cell>{formatDateTime(e.recordedAt)}</Table.Cell>
                  <Table.Cell>{domainName(e.domainCode)}</Table.Cell>
                  <Table.Cell>
                    {e.kind === 'release' && e.releaseFrom
                      ? t(`funding.releaseFrom.${e.releaseFrom}`)
                      : t(`funding.kinds.${e.kind}`)}
                    {e.reason && ` (${t(`funding.reasons.${e.reason}`)})`}
                  </Table.Cell>
                  <Table.Cell align="end">{formatEuro(e.amountCents)}</Table.Cell>
                  <Table.Cell>{e.budgetLine ?? '–'}</Table.Cell>
                  <Table.Cell>{e.note ?? '–'}</Table.Cell>
                  <Table.Cell>{e.actor.name}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableRegion>
      )}
      {takesFunding(item.status) ? (
        <RecordEntryForm routeId={routeId} item={item} />
      ) : (
        <>
          <Paragraph className="ams-mb-m">{t('funding.closedNotice')}</Paragraph>
          <RecordEntryForm routeId={routeId} item={item} closed />
        </>
      )}
    </section>
  );
}

/** Declined and withdrawn cases take no more money (a resolved one still does: commit, pay). */
function takesFunding(status: CaseDto['status']): boolean {
  return status !== 'declined' && status !== 'withdrawn';
}

/**
 * On a declined or withdrawn case only what stays committed can be given back (the API's rule,
 * ADR 21): the release of a commitment, for the roles that may record it.
 */
function closedKinds(
  kinds: ReturnType<typeof recordableKinds>,
): ReturnType<typeof recordableKinds> {
  return kinds.some((k) => k.kind === 'release' && k.releaseFrom?.includes('commitment'))
    ? [{ kind: 'release', releaseFrom: ['commitment'] }]
    : [];
}

interface EntryDraft {
  domainCode: string;
  kind: FundingKind | '';
  releaseFrom: ReleaseFrom | '';
  amount: string;
  budgetLine: string;
  note: string;
}

function RecordEntryForm({
  routeId,
  item,
  closed = false,
}: {
  routeId: string;
  item: CaseDto;
  closed?: boolean;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const domainName = useDomainNames();
  const record = useRecordEntry(routeId);
  const kinds = closed ? closedKinds(recordableKinds(me.role)) : recordableKinds(me.role);
  const domains = recordableDomains(
    me.role,
    me.domains,
    item.domains.map((d) => d.code),
  );
  // What the form holds when it opens, and again after each entry: an entry's budget line (or
  // kind, or note) carried over to the next would be booked there unnoticed.
  const empty: EntryDraft = {
    domainCode: domains.length === 1 ? (domains[0] ?? '') : '',
    kind: kinds.length === 1 ? (kinds[0]?.kind ?? '') : '',
    releaseFrom:
      kinds.length === 1 && kinds[0]?.releaseFrom?.length === 1 ? kinds[0].releaseFrom[0]! : '',
    amount: '',
    budgetLine: '',
    note: '',
  };
  const [draft, setDraft] = useState<EntryDraft>(empty);
  const [recorded, setRecorded] = useState<string | null>(null);
  if (kinds.length === 0 || domains.length === 0) return null;

  const releaseChoices = kinds.find((k) => k.kind === 'release')?.releaseFrom ?? [];
  const errors = fieldErrorsOf(record.error);
  const invariant =
    record.error instanceof ApiProblem &&
    (record.error.status === 422 || record.error.status === 403)
      ? record.error
      : null;
  const message = (field: string) => {
    const found = errorAt(errors, field);
    return found ? fieldErrorText(found, t) : undefined;
  };

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setRecorded(null);
    const cents = parseEuroToCents(draft.amount);
    const body = {
      domainCode: draft.domainCode,
      kind: draft.kind,
      ...(cents === null ? {} : { amountCents: cents }),
      ...(draft.kind === 'release' && draft.releaseFrom ? { releaseFrom: draft.releaseFrom } : {}),
      ...(draft.budgetLine.trim() ? { budgetLine: draft.budgetLine.trim() } : {}),
      ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
    };
    // The API checks every field (and the ledger's rules) and names what it refuses.
    record.mutate(body as RecordEntryBody, {
      onSuccess: (entry) => {
        setRecorded(
          t('funding.recorded', {
            kind: t(`funding.kinds.${entry.kind}`),
            amount: formatEuro(entry.amountCents),
            domain: domainName(entry.domainCode),
          }),
        );
        setDraft(empty);
      },
    });
  };

  return (
    <form onSubmit={onSubmit} aria-labelledby="record-entry-heading" className="brug-panel">
      <Heading level={3} id="record-entry-heading" className="ams-mb-s">
        {t('funding.record')}
      </Heading>
      <div role="status">
        {recorded && (
          <Alert heading={recorded} headingLevel={4} severity="success" className="ams-mb-m" />
        )}
      </div>
      {invariant && (
        <Alert
          heading={invariant.status === 403 ? t('funding.notAllowed') : t('funding.refused')}
          headingLevel={4}
          severity="error"
          className="ams-mb-m"
          role="alert"
        >
          <Paragraph>{problemText(invariant.problem, t, domainName)}</Paragraph>
        </Alert>
      )}
      {record.isError && !invariant && errors.length === 0 && (
        <Paragraph role="alert" className="brug-error-text ams-mb-m">
          {describeError(record.error, t('common.tryAgainLater'))}
        </Paragraph>
      )}
      <Column>
        <SelectField
          id="entry-domain"
          label={t('funding.domain')}
          value={draft.domainCode}
          onChange={(domainCode) => setDraft((d) => ({ ...d, domainCode }))}
          options={domains.map((code) => ({ value: code, label: domainName(code) }))}
          placeholder={domains.length > 1 ? t('fileCase.chooseDomain') : undefined}
          error={message('domainCode')}
        />
        <SelectField
          id="entry-kind"
          label={t('funding.kind')}
          value={draft.kind}
          onChange={(kind) => setDraft((d) => ({ ...d, kind }))}
          options={kinds.map((k) => ({ value: k.kind, label: t(`funding.kinds.${k.kind}`) }))}
          placeholder={kinds.length > 1 ? t('funding.chooseKind') : undefined}
          error={message('kind')}
        />
        {draft.kind === 'release' && (
          <SelectField
            id="entry-release-from"
            label={t('funding.releaseFromLabel')}
            value={draft.releaseFrom}
            onChange={(releaseFrom) => setDraft((d) => ({ ...d, releaseFrom }))}
            options={releaseChoices.map((r) => ({
              value: r,
              label: t(`funding.releaseFrom.${r}`),
            }))}
            placeholder={t('funding.chooseReleaseFrom')}
            error={message('releaseFrom')}
          />
        )}
        <TextField
          id="entry-amount"
          label={t('funding.amount')}
          hint={t('fileCase.valueHint')}
          inputMode="decimal"
          value={draft.amount}
          onChange={(amount) => setDraft((d) => ({ ...d, amount }))}
          error={message('amountCents')}
        />
        <TextField
          id="entry-budget-line"
          label={t('funding.budgetLine')}
          optional
          value={draft.budgetLine}
          onChange={(budgetLine) => setDraft((d) => ({ ...d, budgetLine }))}
          error={message('budgetLine')}
          maxLength={100}
        />
        <TextAreaField
          id="entry-note"
          label={t('funding.note')}
          optional
          value={draft.note}
          onChange={(note) => setDraft((d) => ({ ...d, note }))}
          error={message('note')}
          rows={2}
        />
        <Row>
          <Button type="submit" disabled={record.isPending}>
            {t('funding.submit')}
          </Button>
        </Row>
      </Column>
    </form>
  );
}
