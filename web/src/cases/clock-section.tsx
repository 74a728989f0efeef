import {
  Alert,
  Badge,
  Button,
  Column,
  DescriptionList,
  Heading,
  OrderedList,
  Paragraph,
  Row,
} from '@amsterdam/design-system-react';
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
import { formatDate, formatDateTime, parseDateInput } from '../common/format';
import { describeError } from '../common/query-state';
import {
  useDeadlines,
  useExtend,
  useResume,
  useSuspend,
  type DeadlineChange,
  type SuspendBody,
} from './clock-api';

type T = ReturnType<typeof useTranslation>['t'];
type Stage = CaseDto['sla'][number];
type SuspensionKind = SuspendBody['kind'];

const KINDS: SuspensionKind[] = [
  'waiting_for_buyer',
  'waiting_for_funding',
  'waiting_for_third_party',
  'other',
];

/** The work queue's badge colours (sla-badge.tsx); on time and met in the default colour. */
const STATE_COLOR = {
  breached: 'red',
  due_soon: 'orange',
  suspended: 'purple',
  on_time: undefined,
  met: undefined,
} as const;

/** A span of seconds in words: minutes, hours or days. */
function duration(seconds: number, t: T): string {
  const round = (n: number) => Math.round(n * 10) / 10;
  if (seconds < 3600) return t('clock.duration_minutes', { count: Math.round(seconds / 60) });
  if (seconds < 48 * 3600) return t('clock.duration_hours', { count: round(seconds / 3600) });
  return t('clock.duration_days', { count: round(seconds / 86400) });
}

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

/**
 * The SLA clock of a case (ADR 26): each stage with its due time and state as the API states
 * it (including "opgeschort" with the reason and since when), what the person may do with it
 * (`clockActions`: suspend, resume, extend) and why the due times are what they are.
 */
export function ClockSection({ routeId, item }: { routeId: string; item: CaseDto }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<'suspend' | 'extend' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const deadlines = useDeadlines(routeId, item.sla.length > 0);
  const resume = useResume(routeId);
  const failure = resume.error;
  return (
    <section aria-labelledby="clock-heading" className="ams-mb-xl" data-testid="clock">
      <Heading level={2} id="clock-heading" className="ams-mb-m">
        {t('clock.title')}
      </Heading>
      {item.sla.length === 0 ? (
        <Paragraph>{t('clock.none')}</Paragraph>
      ) : (
        <>
          <Paragraph className="ams-mb-m">{t('clock.intro')}</Paragraph>
          <DescriptionList termsWidth="medium" className="ams-mb-m">
            {item.sla.map((stage) => (
              <StageLine key={stage.stage} stage={stage} t={t} />
            ))}
          </DescriptionList>
        </>
      )}
      {item.suspension && (
        <Alert
          heading={t('clock.suspendedHeading', { since: formatDateTime(item.suspension.since) })}
          headingLevel={3}
          severity="warning"
          className="ams-mb-m"
          data-testid="suspension"
        >
          <Paragraph className="brug-prewrap">
            {t('clock.suspendedWhy', {
              kind: t(`clock.kind_${item.suspension.kind}`),
              reason: item.suspension.reason,
            })}
          </Paragraph>
          {item.suspension.expectedEnd && (
            <Paragraph>
              {t('clock.expectedEnd', { date: formatDate(item.suspension.expectedEnd) })}
            </Paragraph>
          )}
          <Paragraph size="small">
            {t('clock.suspendedBy', { name: item.suspension.by.name })}
          </Paragraph>
          {item.suspension.kind === 'waiting_for_buyer' && (
            <Paragraph size="small">{t('clock.waitsForBuyer')}</Paragraph>
          )}
        </Alert>
      )}
      <div role="status">
        {done && !form && (
          <Alert heading={done} headingLevel={3} severity="success" className="ams-mb-m" />
        )}
      </div>
      {failure && (
        <Alert
          heading={t('clock.failed')}
          headingLevel={3}
          severity="error"
          className="ams-mb-m"
          role="alert"
        >
          <Paragraph>{describeError(failure, t('common.tryAgainLater'))}</Paragraph>
        </Alert>
      )}
      {item.clockActions.length > 0 && !form && (
        <Row wrap className="ams-mb-m">
          {item.clockActions.includes('suspend') && (
            <Button
              variant="secondary"
              onClick={() => {
                setDone(null);
                setForm('suspend');
              }}
            >
              {t('clock.suspend')}
            </Button>
          )}
          {item.clockActions.includes('resume') && (
            <Button
              variant="secondary"
              disabled={resume.isPending}
              onClick={() => {
                setDone(null);
                resume.mutate({ current: item }, { onSuccess: () => setDone(t('clock.resumed')) });
              }}
            >
              {t('clock.resume')}
            </Button>
          )}
          {item.clockActions.includes('extend') && (
            <Button
              variant="tertiary"
              onClick={() => {
                setDone(null);
                setForm('extend');
              }}
            >
              {t('clock.extend')}
            </Button>
          )}
        </Row>
      )}
      {form === 'suspend' && (
        <SuspendForm
          routeId={routeId}
          item={item}
          onClose={(message) => {
            setForm(null);
            setDone(message);
          }}
        />
      )}
      {form === 'extend' && (
        <ExtendForm
          routeId={routeId}
          item={item}
          onClose={(message) => {
            setForm(null);
            setDone(message);
          }}
        />
      )}
      {item.sla.length > 0 && (
        <>
          <Heading level={3} className="ams-mb-s">
            {t('clock.history')}
          </Heading>
          {deadlines.data && deadlines.data.items.length === 0 && (
            <Paragraph>{t('clock.noHistory')}</Paragraph>
          )}
          {deadlines.data && deadlines.data.items.length > 0 && (
            <OrderedList data-testid="deadline-history">
              {deadlines.data.items.map((change, i) => (
                <OrderedList.Item key={i}>
                  <DeadlineLine change={change} t={t} />
                </OrderedList.Item>
              ))}
            </OrderedList>
          )}
        </>
      )}
    </section>
  );
}

function StageLine({ stage, t }: { stage: Stage; t: T }) {
  return (
    <DescriptionList.Section>
      <DescriptionList.Term>{t(`sla.stage.${stage.stage}`)}</DescriptionList.Term>
      <DescriptionList.Description data-testid={`clock-${stage.stage}`}>
        <Row wrap gap="small" alignVertical="center">
          <Badge color={STATE_COLOR[stage.state]} label={t(`clock.state_${stage.state}`)} />
          <span>{t('clock.stageDue', { due: formatDateTime(stage.dueAt) })}</span>
        </Row>
        {stage.suspendedSince && (
          <Paragraph size="small">
            {t('clock.suspendedHeading', { since: formatDateTime(stage.suspendedSince) })}
          </Paragraph>
        )}
        {stage.breachedAt && (
          <Paragraph size="small">
            {t('clock.breachedAt', { at: formatDateTime(stage.breachedAt) })}
          </Paragraph>
        )}
        {stage.extendedBy > 0 && (
          <Paragraph size="small">
            {t('clock.extendedBy', { duration: duration(stage.extendedBy, t) })}
          </Paragraph>
        )}
      </DescriptionList.Description>
    </DescriptionList.Section>
  );
}

function DeadlineLine({ change, t }: { change: DeadlineChange; t: T }) {
  const { i18n } = useTranslation();
  const stage = t(`sla.stage.${change.stage}`);
  const old = change.oldDueAt ? formatDateTime(change.oldDueAt) : '';
  const what =
    change.newDueAt === null
      ? t('clock.stopped', { stage, old })
      : t('clock.moved', { stage, old, new: formatDateTime(change.newDueAt) });
  const details = [
    change.shiftSeconds !== null && change.cause === 'suspension'
      ? t('clock.shifted', { duration: duration(change.shiftSeconds, t) })
      : null,
    change.ruleName
      ? t('clock.rule', { rule: i18n.language === 'en' ? change.ruleName.en : change.ruleName.nl })
      : null,
    change.reason,
  ].filter((x): x is string => Boolean(x));
  return (
    <>
      <strong>{t(`clock.cause_${change.cause}`)}</strong> {change.cause === 'breach' ? stage : what}
      {details.length > 0 && <>: {details.join('; ')}</>}
      <Paragraph size="small">
        {t('clock.byAt', { name: change.actor.name, at: formatDateTime(change.at) })}
      </Paragraph>
    </>
  );
}

function useFocusFirst() {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('select, textarea, input')?.focus();
  }, []);
  return ref;
}

function SuspendForm({
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

function ExtendForm({
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
