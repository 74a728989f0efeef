import { Alert, Button, Column, Heading, Paragraph, Row } from '@amsterdam/design-system-react';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../api/client';
import { DateField, useDateError } from '../common/date-field';
import {
  ErrorSummary,
  errorAt,
  fieldErrorsOf,
  SelectField,
  TextAreaField,
  TextField,
} from '../common/form';
import { fieldErrorText } from '../common/error-text';
import { formatDateTime, parseDateInput } from '../common/format';
import { describeError } from '../common/query-state';
import { useExtend, useSuspend, type SuspendBody } from './clock-api';

type Stage = CaseDto['sla'][number];
type SuspensionKind = SuspendBody['kind'];

// The forms of the clock section (clock-section.tsx): suspending the clock and extending a stage.

const KINDS: SuspensionKind[] = [
  'waiting_for_buyer',
  'waiting_for_funding',
  'waiting_for_third_party',
  'other',
];

/** The instant the clocks in Amsterdam show this date (YYYY-MM-DD) and time (HH:MM), or null. */
export function amsterdamInstant(date: string, time: string): string | null {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(time.trim());
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m || !d || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  const asUtc = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(m[1]), Number(m[2]));
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Amsterdam',
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const offset = (ms: number) => {
    const p = Object.fromEntries(format.formatToParts(ms).map((x) => [x.type, Number(x.value)]));
    return Date.UTC(p.year!, p.month! - 1, p.day, p.hour! % 24, p.minute) - ms;
  };
  return new Date(asUtc - offset(asUtc - offset(asUtc))).toISOString();
}

function useFocusFirst() {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('select, textarea, input')?.focus();
  }, []);
  return ref;
}

/** Stopping the clock: the kind of wait, why, and when it is expected to end. */
export function SuspendForm({
  routeId,
  item,
  onClose,
}: {
  routeId: string;
  item: CaseDto;
  onClose: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const suspend = useSuspend(routeId);
  const dateError = useDateError();
  const [kind, setKind] = useState<SuspensionKind | ''>('');
  const [reason, setReason] = useState('');
  const [expectedEnd, setExpectedEnd] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const ref = useFocusFirst();
  const errors = fieldErrorsOf(suspend.error);
  const message = (field: string) => {
    const found = errorAt(errors, field);
    return found ? fieldErrorText(found, t) : undefined;
  };
  const labels: Record<string, string> = {
    kind: t('clock.kindLabel'),
    reason: t('clock.reason'),
    expectedEnd: t('clock.expectedEndLabel'),
  };
  const summary = [
    ...errors.map((e) => ({
      id: `suspend-${e.field}`,
      label: `${labels[e.field] ?? t('errors.thisField')}: ${fieldErrorText(e, t)}`,
    })),
    ...(localError
      ? [{ id: 'suspend-expectedEnd', label: `${t('clock.expectedEndLabel')}: ${localError}` }]
      : []),
  ];
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const end = expectedEnd.trim() ? parseDateInput(expectedEnd) : null;
    if (expectedEnd.trim() && !end) {
      setLocalError(dateError);
      return;
    }
    setLocalError(null);
    suspend.mutate(
      {
        current: item,
        body: { kind: kind as SuspensionKind, reason, ...(end ? { expectedEnd: end } : {}) },
      },
      { onSuccess: () => onClose(t('clock.suspended')) },
    );
  };
  return (
    <form
      ref={ref}
      onSubmit={submit}
      aria-labelledby="suspend-heading"
      className="brug-panel ams-mb-m"
    >
      <Heading level={3} id="suspend-heading" className="ams-mb-s">
        {t('clock.suspend')}
      </Heading>
      <Paragraph className="ams-mb-m">{t('clock.suspendIntro')}</Paragraph>
      {summary.length > 0 && <ErrorSummary errors={summary} />}
      {suspend.error !== null && errors.length === 0 && (
        <Alert heading={t('clock.failed')} headingLevel={4} severity="error" role="alert">
          <Paragraph>{describeError(suspend.error, t('common.tryAgainLater'))}</Paragraph>
        </Alert>
      )}
      <Column>
        <SelectField
          id="suspend-kind"
          label={t('clock.kindLabel')}
          value={kind}
          onChange={setKind}
          options={KINDS.map((k) => ({ value: k, label: t(`clock.kind_${k}`) }))}
          placeholder={t('clock.chooseKind')}
          error={message('kind')}
        />
        <TextAreaField
          id="suspend-reason"
          label={t('clock.reason')}
          hint={t('clock.reasonHint')}
          value={reason}
          onChange={setReason}
          error={message('reason')}
        />
        <DateField
          id="suspend-expectedEnd"
          label={t('clock.expectedEndLabel')}
          optional
          value={expectedEnd}
          onChange={setExpectedEnd}
          error={localError ?? message('expectedEnd')}
        />
        <Row wrap>
          <Button type="submit" disabled={suspend.isPending}>
            {t('clock.suspend')}
          </Button>
          <Button type="button" variant="tertiary" onClick={() => onClose(null)}>
            {t('common.cancel')}
          </Button>
        </Row>
      </Column>
    </form>
  );
}

/** Moving one open stage's due time later, with a reason. */
export function ExtendForm({
  routeId,
  item,
  onClose,
}: {
  routeId: string;
  item: CaseDto;
  onClose: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const extend = useExtend(routeId);
  const open = item.sla.filter((s) => s.open);
  const [stage, setStage] = useState<Stage['stage'] | ''>(open.length === 1 ? open[0]!.stage : '');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const ref = useFocusFirst();
  const example = '01-06-2027 17:00';
  const errors = fieldErrorsOf(extend.error);
  const message = (field: string) => {
    const found = errorAt(errors, field);
    return found ? fieldErrorText(found, t) : undefined;
  };
  const labels: Record<string, string> = {
    stage: t('clock.stageLabel'),
    dueAt: t('clock.newDue'),
    reason: t('clock.reason'),
  };
  const summary = [
    ...errors.map((e) => ({
      id: `extend-${e.field === 'dueAt' ? 'date' : e.field}`,
      label: `${labels[e.field] ?? t('errors.thisField')}: ${fieldErrorText(e, t)}`,
    })),
    ...(localError ? [{ id: 'extend-date', label: `${t('clock.newDue')}: ${localError}` }] : []),
  ];
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const day = parseDateInput(date);
    const dueAt = day ? amsterdamInstant(day, time) : null;
    if (!dueAt) {
      setLocalError(t('clock.newDueError', { example }));
      return;
    }
    setLocalError(null);
    extend.mutate(
      { current: item, body: { stage: stage as Stage['stage'], dueAt, reason } },
      { onSuccess: () => onClose(t('clock.extended')) },
    );
  };
  return (
    <form
      ref={ref}
      onSubmit={submit}
      aria-labelledby="extend-heading"
      className="brug-panel ams-mb-m"
    >
      <Heading level={3} id="extend-heading" className="ams-mb-s">
        {t('clock.extend')}
      </Heading>
      <Paragraph className="ams-mb-m">{t('clock.extendIntro')}</Paragraph>
      {summary.length > 0 && <ErrorSummary errors={summary} />}
      {extend.error !== null && errors.length === 0 && (
        <Alert heading={t('clock.failed')} headingLevel={4} severity="error" role="alert">
          <Paragraph>{describeError(extend.error, t('common.tryAgainLater'))}</Paragraph>
        </Alert>
      )}
      <Column>
        <SelectField
          id="extend-stage"
          label={t('clock.stageLabel')}
          value={stage}
          onChange={setStage}
          options={open.map((s) => ({
            value: s.stage,
            label: `${t(`sla.stage.${s.stage}`)} (${t('clock.stageDue', { due: formatDateTime(s.dueAt) })})`,
          }))}
          placeholder={t('clock.chooseStage')}
          error={message('stage')}
        />
        <Row wrap gap="large" alignVertical="start">
          <DateField
            id="extend-date"
            label={t('clock.newDue')}
            value={date}
            onChange={setDate}
            error={localError ?? message('dueAt')}
          />
          <TextField
            id="extend-time"
            label={t('clock.time')}
            hint={t('clock.timeHint')}
            value={time}
            onChange={setTime}
            maxLength={5}
          />
        </Row>
        <TextAreaField
          id="extend-reason"
          label={t('clock.reason')}
          hint={t('clock.reasonHint')}
          value={reason}
          onChange={setReason}
          error={message('reason')}
        />
        <Row wrap>
          <Button type="submit" disabled={extend.isPending}>
            {t('clock.extend')}
          </Button>
          <Button type="button" variant="tertiary" onClick={() => onClose(null)}>
            {t('common.cancel')}
          </Button>
        </Row>
      </Column>
    </form>
  );
}
