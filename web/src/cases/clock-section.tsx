import {
  Alert,
  Badge,
  Button,
  DescriptionList,
  Heading,
  OrderedList,
  Paragraph,
  Row,
} from '@amsterdam/design-system-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../api/client';
import { formatDate, formatDateTime } from '../common/format';
import { describeError } from '../common/query-state';
import { ExtendForm, SuspendForm } from './clock-forms';
import { useDeadlines, useResume, type DeadlineChange } from './clock-api';

type T = ReturnType<typeof useTranslation>['t'];
type Stage = CaseDto['sla'][number];

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
