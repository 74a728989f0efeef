import { Alert, Button, Heading, Paragraph, Row, Table } from '@amsterdam/design-system-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '../api/client';
import { DateField, useDateError } from '../common/date-field';
import { fieldErrorText } from '../common/error-text';
import { ErrorSummary, fieldErrorsOf, TextField } from '../common/form';
import { formatDate, formatDateTime, parseDateInput } from '../common/format';
import { PageHeading } from '../common/page-title';
import { LoadError, Loading } from '../common/query-state';
import { TableRegion } from '../common/table-region';
import { AdminBackLink } from './admin-overview-page';
import { adminProblemText, SavedNotice } from './admin-kit';
import { adminKeys } from './api';

type DesignatedDay = Schemas['DesignatedDayDto'];
const DAYS_KEY = [...adminKeys.all, 'designated-days'] as const;

/**
 * /admin/calendar: the days designated equal to a public holiday (Atw art. 3(3), ADR 25), on
 * which no deadline falls from the moment they are added. Added and removed (after a
 * confirmation) through `/calendar/designated-days`, each change audited by the API.
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const days = useQuery({
    queryKey: DAYS_KEY,
    queryFn: () => call(api.GET('/calendar/designated-days')).then((list) => list.items),
  });
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<DesignatedDay | null>(null);
  const remove = useMutation({
    mutationFn: (day: DesignatedDay) =>
      call(
        api.DELETE('/calendar/designated-days/{date}', { params: { path: { date: day.date } } }),
      ),
    onSuccess: (_, day) => {
      setConfirming(null);
      setNotice(t('admin.calendar.removed', { name: day.name, date: formatDate(day.date) }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: DAYS_KEY }),
  });
  return (
    <>
      <PageHeading title={t('admin.calendar.title')} />
      <AdminBackLink />
      <Paragraph className="ams-mb-l">{t('admin.calendar.intro')}</Paragraph>
      <SavedNotice message={notice} />
      <AddDayForm
        onAdded={(day) => {
          setNotice(t('admin.calendar.added', { name: day.name, date: formatDate(day.date) }));
          void queryClient.invalidateQueries({ queryKey: DAYS_KEY });
        }}
      />
      {confirming && (
        <Alert
          heading={t('admin.calendar.confirmHeading', {
            name: confirming.name,
            date: formatDate(confirming.date),
          })}
          headingLevel={2}
          severity="warning"
          className="ams-mb-l"
          data-testid="calendar-confirm"
        >
          <Paragraph className="ams-mb-s">{t('admin.calendar.confirmBody')}</Paragraph>
          {remove.isError && (
            <Paragraph role="alert" className="ams-mb-s">
              {adminProblemText(remove.error, t)}
            </Paragraph>
          )}
          <Row wrap>
            <Button onClick={() => remove.mutate(confirming)} disabled={remove.isPending}>
              {t('admin.calendar.confirm')}
            </Button>
            <Button variant="tertiary" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </Button>
          </Row>
        </Alert>
      )}
      <Heading level={2} className="ams-mb-m">
        {t('admin.calendar.listHeading')}
      </Heading>
      {days.isPending ? (
        <Loading />
      ) : days.isError ? (
        <LoadError error={days.error} retry={() => void days.refetch()} />
      ) : days.data.length === 0 ? (
        <Paragraph>{t('admin.calendar.none')}</Paragraph>
      ) : (
        <TableRegion label={t('admin.calendar.listHeading')}>
          <Table className="ams-mb-l" data-testid="admin-designated-days">
            <Table.Caption className="ams-visually-hidden">
              {t('admin.calendar.listHeading')}
            </Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('admin.calendar.date')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.calendar.name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.calendar.addedAt')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {days.data.map((d) => (
                <Table.Row key={d.date}>
                  <Table.Cell>{formatDate(d.date)}</Table.Cell>
                  <Table.Cell>{d.name}</Table.Cell>
                  <Table.Cell>
                    {d.addedById ? formatDateTime(d.addedAt) : t('admin.calendar.shipped')}
                  </Table.Cell>
                  <Table.Cell>
                    <Button
                      variant="tertiary"
                      onClick={() => {
                        remove.reset();
                        setNotice(null);
                        setConfirming(d);
                      }}
                    >
                      {t('admin.calendar.remove')}
                      <span className="ams-visually-hidden">: {d.name}</span>
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableRegion>
      )}
    </>
  );
}

function AddDayForm({ onAdded }: { onAdded: (day: DesignatedDay) => void }) {
  const { t } = useTranslation();
  const dateError = useDateError();
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [local, setLocal] = useState<{ date?: string; name?: string }>({});
  const add = useMutation({
    mutationFn: (body: { date: string; name: string }) =>
      call(api.POST('/calendar/designated-days', { body })),
    onSuccess: (day) => {
      setDate('');
      setName('');
      onAdded(day);
    },
  });
  const labels = { date: t('admin.calendar.date'), name: t('admin.calendar.name') };
  const apiErrors = fieldErrorsOf(add.error);
  const messageFor = (field: 'date' | 'name'): string | undefined => {
    if (local[field]) return local[field];
    const found = apiErrors.find((e) => e.field === field);
    return found ? fieldErrorText(found, t) : undefined;
  };
  const summary = (['date', 'name'] as const).flatMap((f) => {
    const message = messageFor(f);
    return message ? [{ id: `calendar-${f}`, label: `${labels[f]}: ${message}` }] : [];
  });
  const unplaced = add.isError && apiErrors.length === 0 ? adminProblemText(add.error, t) : null;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const parsed = parseDateInput(date);
    const found = {
      ...(parsed ? {} : { date: dateError }),
      ...(name.trim() ? {} : { name: t('errors.field.required') }),
    };
    setLocal(found);
    if (parsed && name.trim()) add.mutate({ date: parsed, name: name.trim() });
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-labelledby="calendar-add-heading"
      className="brug-panel brug-form ams-mb-xl"
      data-testid="calendar-form"
    >
      <Heading level={2} size="level-3" id="calendar-add-heading" className="ams-mb-s">
        {t('admin.calendar.add')}
      </Heading>
      <ErrorSummary errors={summary} />
      {unplaced && (
        <Alert
          heading={t('admin.failed')}
          headingLevel={3}
          severity="error"
          className="ams-mb-m"
          role="alert"
        >
          <Paragraph>{unplaced}</Paragraph>
        </Alert>
      )}
      <div className="ams-mb-m">
        <DateField
          id="calendar-date"
          label={labels.date}
          value={date}
          onChange={setDate}
          error={messageFor('date')}
        />
      </div>
      <div className="ams-mb-m">
        <TextField
          id="calendar-name"
          label={labels.name}
          hint={t('admin.calendar.nameHint')}
          value={name}
          onChange={setName}
          error={messageFor('name')}
          maxLength={200}
        />
      </div>
      <Button type="submit" disabled={add.isPending}>
        {t('admin.calendar.addButton')}
      </Button>
    </form>
  );
}
