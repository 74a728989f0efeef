import {
  Alert,
  Button,
  Column,
  DescriptionList,
  Heading,
  Paragraph,
  ProgressList,
} from '@amsterdam/design-system-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../api/client';
import { ApiProblem } from '../api/problem';
import { useCurrentUser } from '../auth/use-auth';
import {
  ErrorSummary,
  errorAt,
  fieldErrorsOf,
  SelectField,
  TextAreaField,
  SubmitOrCancel,
} from '../common/form';
import { formatDateTime } from '../common/format';
import { describeError, LoadError, Loading } from '../common/query-state';
import { caseKeys } from './api';
import {
  useChangeKoppel,
  useKoppelCandidates,
  useKoppelHistory,
  type KoppelChange,
} from './koppel-api';

type T = ReturnType<typeof useTranslation>['t'];

/** Staff, auditors and admins read the history with its reasons; everyone sees the koppel. */
const SEES_HISTORY = ['staff', 'auditor', 'admin'];

/**
 * The koppel of a case: its municipal and its MeentCoop half by name, the form to change both
 * (for whom the API allows it: `mayChangeKoppel`) and, for MeentCoop and the auditors, how it
 * came to be (ADR 24).
 */
export function KoppelSection({ routeId, item }: { routeId: string; item: CaseDto }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const seesHistory = SEES_HISTORY.includes(me.role);
  const history = useKoppelHistory(routeId, seesHistory);
  return (
    <section aria-labelledby="koppel-heading" className="ams-mb-xl" data-testid="koppel">
      <Heading level={2} id="koppel-heading" className="ams-mb-m">
        {t('koppel.title')}
      </Heading>
      <Paragraph className="ams-mb-m">{t('koppel.intro')}</Paragraph>
      <DescriptionList termsWidth="medium" className="ams-mb-m">
        <DescriptionList.Section>
          <DescriptionList.Term>{t('koppel.municipal')}</DescriptionList.Term>
          <DescriptionList.Description data-testid="koppel-municipal">
            {item.koppel?.municipal.name ?? item.filedBy.name}
          </DescriptionList.Description>
        </DescriptionList.Section>
        <DescriptionList.Section>
          <DescriptionList.Term>{t('koppel.meentcoop')}</DescriptionList.Term>
          <DescriptionList.Description data-testid="koppel-meentcoop">
            {item.koppel?.meentcoop.name ?? t('koppel.notYet')}
          </DescriptionList.Description>
        </DescriptionList.Section>
        <DescriptionList.Section>
          <DescriptionList.Term>{t('case.team')}</DescriptionList.Term>
          <DescriptionList.Description>
            {item.team?.name ?? t('case.notRouted')}
          </DescriptionList.Description>
        </DescriptionList.Section>
      </DescriptionList>
      <div role="status">
        {done && !open && (
          <Alert
            heading={t('koppel.changed')}
            headingLevel={3}
            severity="success"
            className="ams-mb-m"
          />
        )}
      </div>
      {item.mayChangeKoppel &&
        (open ? (
          <KoppelForm
            routeId={routeId}
            item={item}
            onDone={() => {
              setOpen(false);
              setDone(true);
            }}
            onCancel={() => setOpen(false)}
          />
        ) : (
          <Button
            variant="secondary"
            className="ams-mb-m"
            onClick={() => {
              setDone(false);
              setOpen(true);
            }}
          >
            {t('koppel.change')}
          </Button>
        ))}
      {seesHistory && (
        <>
          <Heading level={3} className="ams-mb-s">
            {t('koppel.history')}
          </Heading>
          {history.isPending ? (
            <Loading />
          ) : history.isError ? (
            <LoadError error={history.error} retry={() => void history.refetch()} />
          ) : history.data.items.length === 0 ? (
            <Paragraph>{t('koppel.noHistory')}</Paragraph>
          ) : (
            <ProgressList
              headingLevel={4}
              completedAccessibleText={t('timeline.completed')}
              currentAccessibleText={t('timeline.current')}
              data-testid="koppel-history"
            >
              {history.data.items.map((change, index) => (
                <ProgressList.Step
                  key={`${change.at}-${index}`}
                  heading={t(`koppel.kind.${change.kind}`)}
                  status="completed"
                >
                  {describeChange(change, t).map((line) => (
                    <Paragraph size="small" key={line}>
                      {line}
                    </Paragraph>
                  ))}
                </ProgressList.Step>
              ))}
            </ProgressList>
          )}
        </>
      )}
    </section>
  );
}

/** What one change did, in sentences: who and when, each half and the team that moved, why. */
function describeChange(change: KoppelChange, t: T): string[] {
  const lines = [
    t('timeline.by', {
      when: formatDateTime(change.at),
      who: change.actor.role === 'system' ? t('timeline.system') : change.actor.name,
    }),
  ];
  const none = t('common.none');
  const halves = [
    ['meentcoop', change.from.meentcoop, change.to.meentcoop],
    ['municipal', change.from.municipal, change.to.municipal],
    ['team', change.from.team, change.to.team],
  ] as const;
  for (const [part, from, to] of halves) {
    if (from?.id === to?.id) continue;
    lines.push(t(`koppel.moved.${part}`, { from: from?.name ?? none, to: to?.name ?? none }));
  }
  if (change.reason) lines.push(t('timeline.reason', { reason: change.reason }));
  return lines;
}

function KoppelForm({
  routeId,
  item,
  onDone,
  onCancel,
}: {
  routeId: string;
  item: CaseDto;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const candidates = useKoppelCandidates(routeId, true);
  const change = useChangeKoppel(routeId);
  const [meentcoopId, setMeentcoopId] = useState(item.koppel?.meentcoop.id ?? '');
  const [municipalId, setMunicipalId] = useState(item.koppel?.municipal.id ?? item.filedBy.id);
  const [reason, setReason] = useState('');
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (candidates.data) form.current?.querySelector<HTMLElement>('select')?.focus();
  }, [candidates.data]);

  if (candidates.isPending) return <Loading />;
  if (candidates.isError) {
    return <LoadError error={candidates.error} retry={() => void candidates.refetch()} />;
  }

  const errors = fieldErrorsOf(change.error);
  const messages: Record<string, string | undefined> = {
    meentcoopId: errorAt(errors, 'meentcoopId') ? t('koppel.errors.meentcoop') : undefined,
    municipalId: errorAt(errors, 'municipalId') ? t('koppel.errors.municipal') : undefined,
    reason: errorAt(errors, 'reason') ? t('koppel.errors.reason') : undefined,
  };
  const labels: Record<string, string> = {
    meentcoopId: t('koppel.meentcoop'),
    municipalId: t('koppel.municipal'),
    reason: t('koppel.reason'),
  };
  const controls: Record<string, string> = {
    meentcoopId: 'koppel-meentcoop-select',
    municipalId: 'koppel-municipal-select',
    reason: 'koppel-reason',
  };
  const summary = Object.entries(messages).flatMap(([field, m]) =>
    m ? [{ id: controls[field] ?? field, label: `${labels[field] ?? field}: ${m}` }] : [],
  );
  const stale = change.error instanceof ApiProblem && change.error.status === 412;
  const failure =
    change.isError && errors.length === 0
      ? stale
        ? t('koppel.stale')
        : describeError(change.error, t('common.tryAgainLater'))
      : null;
  const person = (p: { id: string; name: string; unit: { name: string } | null }) => ({
    value: p.id,
    label: p.unit ? `${p.name} (${p.unit.name})` : p.name,
  });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    change.mutate(
      { current: item, body: { meentcoopId, municipalId, reason } },
      {
        onSuccess: onDone,
        onError: (error) => {
          // Someone changed the case meanwhile: show the fresh one; the form keeps its choices.
          if (error instanceof ApiProblem && error.status === 412) {
            void queryClient.invalidateQueries({ queryKey: caseKeys.one(routeId) });
          }
        },
      },
    );
  };

  return (
    <form
      ref={form}
      onSubmit={submit}
      noValidate
      aria-labelledby="koppel-form-heading"
      className="brug-panel ams-mb-m"
      data-testid="koppel-form"
    >
      <Heading level={3} id="koppel-form-heading" className="ams-mb-s">
        {t('koppel.change')}
      </Heading>
      {summary.length > 0 && <ErrorSummary errors={summary} />}
      {failure && (
        <Alert
          heading={t('koppel.failed')}
          headingLevel={4}
          severity="error"
          className="ams-mb-m"
          role="alert"
        >
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      <Column gap="large" className="brug-form">
        <SelectField
          id="koppel-meentcoop-select"
          label={t('koppel.meentcoop')}
          hint={t('koppel.meentcoopHint')}
          value={meentcoopId}
          onChange={setMeentcoopId}
          options={candidates.data.meentcoop.map(person)}
          placeholder={t('koppel.choosePerson')}
          error={messages.meentcoopId}
        />
        <SelectField
          id="koppel-municipal-select"
          label={t('koppel.municipal')}
          hint={t('koppel.municipalHint')}
          value={municipalId}
          onChange={setMunicipalId}
          options={candidates.data.municipal.map(person)}
          placeholder={t('koppel.choosePerson')}
          error={messages.municipalId}
        />
        <TextAreaField
          id="koppel-reason"
          label={t('koppel.reason')}
          hint={t('koppel.reasonHint')}
          value={reason}
          onChange={setReason}
          error={messages.reason}
        />
        <SubmitOrCancel label={t('koppel.save')} pending={change.isPending} onCancel={onCancel} />
      </Column>
    </form>
  );
}
