import { Alert, Column, Heading, Paragraph, Row } from '@amsterdam/design-system-react';
import { useEffect, useRef, useState, type ReactNode, type SubmitEvent } from 'react';
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
  SubmitOrCancel,
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

/**
 * What both clock forms share: the heading and introduction, the error summary (or, for a
 * refusal without field errors, its wording), the fields, and the submit and cancel buttons.
 */
function ClockForm({
  id,
  heading,
  intro,
  summary,
  error,
  fieldErrors,
  pending,
  onSubmit,
  onCancel,
  children,
}: {
  id: string;
  heading: string;
  intro: string;
  summary: { id: string; label: string }[];
  error: unknown;
  fieldErrors: number;
  pending: boolean;
  onSubmit: (event: SubmitEvent) => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useFocusFirst();
  return (
    <form
      ref={ref}
      onSubmit={onSubmit}
      aria-labelledby={`${id}-heading`}
      className="brug-panel ams-mb-m"
    >
      <Heading level={3} id={`${id}-heading`} className="ams-mb-s">
        {heading}
      </Heading>
      <Paragraph className="ams-mb-m">{intro}</Paragraph>
      {summary.length > 0 && <ErrorSummary errors={summary} />}
      {error !== null && fieldErrors === 0 && (
        <Alert heading={t('clock.failed')} headingLevel={4} severity="error" role="alert">
          <Paragraph>{describeError(error, t('common.tryAgainLater'))}</Paragraph>
        </Alert>
      )}
      <Column>
        {children}
        <SubmitOrCancel label={heading} pending={pending} onCancel={onCancel} />
      </Column>
    </form>
  );
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
    <ClockForm
      id="suspend"
      heading={t('clock.suspend')}
      intro={t('clock.suspendIntro')}
      summary={summary}
      error={suspend.error}
      fieldErrors={errors.length}
      pending={suspend.isPending}
      onSubmit={submit}
      onCancel={() => onClose(null)}
    >
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
    </ClockForm>
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
    <ClockForm
      id="extend"
      heading={t('clock.extend')}
      intro={t('clock.extendIntro')}
      summary={summary}
      error={extend.error}
      fieldErrors={errors.length}
      pending={extend.isPending}
      onSubmit={submit}
      onCancel={() => onClose(null)}
    >
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
    </ClockForm>
  );
}
