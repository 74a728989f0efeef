import { Button, Heading, Paragraph, Row, Table } from '@amsterdam/design-system-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type ProcurementKind, type Schemas } from '../api/client';
import { fieldErrorText } from '../common/error-text';
import { ErrorSummary, fieldErrorsOf, SelectField, TextField } from '../common/form';
import { DateField, useDateError } from '../common/date-field';
import { formatDate, formatEuro, parseDateInput, parseEuroToCents } from '../common/format';
import { PageHeading } from '../common/page-title';
import { LoadError, Loading } from '../common/query-state';
import { TableRegion } from '../common/table-region';
import { PROCUREMENT_KINDS } from '../cases/case-vocabulary';
import { sayFunding } from '../funding/funding-text';
import { AdminBackLink } from './admin-overview-page';
import { adminProblemText, SavedNotice, useListPage } from './admin-kit';

type Threshold = Schemas['EuThresholdDto'];
const THRESHOLDS_KEY = ['eu-thresholds'] as const;

/**
 * /admin/eu-thresholds: the dated table of European thresholds (issue 18, item 6), per kind and
 * period, and a form to add the next period. Periods are added, never edited: a case keeps the
 * threshold that was in force on its filing day.
 */
export function EuThresholdsPage() {
  const { t } = useTranslation();
  const page = useListPage<string>();
  const thresholds = useQuery({
    queryKey: THRESHOLDS_KEY,
    queryFn: () => call(api.GET('/eu-thresholds')),
  });
  const title = sayFunding(t, 'euAdminTitle');
  const rows = [...(thresholds.data?.items ?? [])].sort(
    (a, b) =>
      PROCUREMENT_KINDS.indexOf(a.kind) - PROCUREMENT_KINDS.indexOf(b.kind) ||
      b.validFrom.localeCompare(a.validFrom),
  );
  return (
    <>
      <PageHeading title={title} />
      <AdminBackLink />
      <Paragraph className="ams-mb-l">{sayFunding(t, 'euAdminIntro')}</Paragraph>
      <SavedNotice message={page.notice} />
      {page.open ? (
        <AddThresholdForm
          onDone={(saved) =>
            page.close(
              sayFunding(t, 'euAdminAdded', {
                kind: sayFunding(t, `kind_${saved.kind}`).toLocaleLowerCase(),
                from: formatDate(saved.validFrom),
              }),
            )
          }
          onCancel={() => page.close()}
        />
      ) : (
        <Button variant="secondary" className="ams-mb-l" onClick={page.startCreate}>
          {sayFunding(t, 'euAdminAdd')}
        </Button>
      )}
      {thresholds.isPending ? (
        <Loading />
      ) : thresholds.isError ? (
        <LoadError error={thresholds.error} retry={() => void thresholds.refetch()} />
      ) : (
        <TableRegion label={sayFunding(t, 'euAdminTable')}>
          <Table className="ams-mb-l" data-testid="eu-thresholds">
            <Table.Caption className="ams-visually-hidden">
              {sayFunding(t, 'euAdminTable')}
            </Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{sayFunding(t, 'procurementKind')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{sayFunding(t, 'euAdminFrom')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{sayFunding(t, 'euAdminTo')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{sayFunding(t, 'euAdminAmount')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{sayFunding(t, 'euAdminAddedBy')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((r) => (
                <Table.Row key={r.id}>
                  <Table.Cell>{sayFunding(t, `kind_${r.kind}`)}</Table.Cell>
                  <Table.Cell>{formatDate(r.validFrom)}</Table.Cell>
                  <Table.Cell>{formatDate(r.validTo)}</Table.Cell>
                  <Table.Cell>{formatEuro(r.amountCents)}</Table.Cell>
                  <Table.Cell>{r.addedByName}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableRegion>
      )}
    </>
  );
}

interface Draft {
  kind: ProcurementKind | '';
  validFrom: string;
  validTo: string;
  amount: string;
}

const CONTROL_OF: Record<keyof Draft, string> = {
  kind: 'eu-kind',
  validFrom: 'eu-from',
  validTo: 'eu-to',
  amount: 'eu-amount',
};
/** The API's field names, by the form's. */
const API_FIELD: Record<keyof Draft, string> = {
  kind: 'kind',
  validFrom: 'validFrom',
  validTo: 'validTo',
  amount: 'amountCents',
};

function AddThresholdForm({
  onDone,
  onCancel,
}: {
  onDone: (saved: Threshold) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const dateError = useDateError();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>({ kind: '', validFrom: '', validTo: '', amount: '' });
  const [local, setLocal] = useState<Partial<Record<keyof Draft, string>>>({});
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const save = useMutation({
    mutationFn: (body: {
      kind: ProcurementKind;
      validFrom: string;
      validTo: string;
      amountCents: number;
    }) => call(api.POST('/eu-thresholds', { body })),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: THRESHOLDS_KEY });
      onDone(saved);
    },
  });
  const labels: Record<keyof Draft, string> = {
    kind: sayFunding(t, 'procurementKind'),
    validFrom: sayFunding(t, 'euAdminFrom'),
    validTo: sayFunding(t, 'euAdminTo'),
    amount: sayFunding(t, 'euAdminAmount'),
  };
  const apiErrors = fieldErrorsOf(save.error);
  const messageFor = (field: keyof Draft): string | undefined => {
    if (local[field]) return local[field];
    const found = apiErrors.find((e) => e.field === API_FIELD[field]);
    return found ? fieldErrorText(found, t) : undefined;
  };
  const fields = Object.keys(CONTROL_OF) as (keyof Draft)[];
  const summary = fields.flatMap((f) => {
    const message = messageFor(f);
    return message ? [{ id: CONTROL_OF[f], label: `${labels[f]}: ${message}` }] : [];
  });
  const unplaced =
    save.isError && apiErrors.length === 0 ? adminProblemText(save.error, t) : undefined;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const validFrom = parseDateInput(draft.validFrom);
    const validTo = parseDateInput(draft.validTo);
    const amountCents = parseEuroToCents(draft.amount);
    const found: Partial<Record<keyof Draft, string>> = {};
    if (!draft.kind) found.kind = t('errors.field.required');
    if (!validFrom) found.validFrom = dateError;
    if (!validTo) found.validTo = dateError;
    if (amountCents === null || amountCents <= 0)
      found.amount = t('fileCase.errors.estimatedValue');
    setLocal(found);
    if (Object.keys(found).length > 0 || !draft.kind || !validFrom || !validTo) return;
    save.mutate({ kind: draft.kind, validFrom, validTo, amountCents: amountCents! });
  };

  return (
    <form onSubmit={submit} noValidate className="ams-mb-xl" aria-labelledby="eu-add-title">
      <Heading level={2} size="level-3" id="eu-add-title" className="ams-mb-s">
        {sayFunding(t, 'euAdminAdd')}
      </Heading>
      <ErrorSummary errors={summary} />
      {unplaced && (
        <Paragraph role="alert" className="ams-mb-m">
          {unplaced}
        </Paragraph>
      )}
      <SelectField
        id="eu-kind"
        label={labels.kind}
        value={draft.kind}
        onChange={(v) => set('kind', v)}
        placeholder={sayFunding(t, 'procurementKindUnknown')}
        options={PROCUREMENT_KINDS.map((k) => ({ value: k, label: sayFunding(t, `kind_${k}`) }))}
        error={messageFor('kind')}
      />
      <DateField
        id="eu-from"
        label={labels.validFrom}
        value={draft.validFrom}
        onChange={(v) => set('validFrom', v)}
        error={messageFor('validFrom')}
      />
      <DateField
        id="eu-to"
        label={labels.validTo}
        value={draft.validTo}
        onChange={(v) => set('validTo', v)}
        error={messageFor('validTo')}
      />
      <TextField
        id="eu-amount"
        label={labels.amount}
        hint={sayFunding(t, 'euAdminAmountHint')}
        inputMode="decimal"
        value={draft.amount}
        onChange={(v) => set('amount', v)}
        error={messageFor('amount')}
      />
      <Row gap="small">
        <Button type="submit" disabled={save.isPending}>
          {sayFunding(t, 'euAdminSave')}
        </Button>
        <Button variant="secondary" type="button" onClick={onCancel}>
          {sayFunding(t, 'euAdminCancel')}
        </Button>
      </Row>
    </form>
  );
}
