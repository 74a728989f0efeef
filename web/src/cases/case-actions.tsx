import {
  ActionGroup,
  Alert,
  Button,
  Column,
  Heading,
  Paragraph,
} from '@amsterdam/design-system-react';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto, CaseStatus, SupplierType } from '../api/client';
import { ApiProblem } from '../api/problem';
import { useCurrentUser } from '../auth/use-auth';
import {
  ErrorSummary,
  errorAt,
  fieldErrorsOf,
  SelectField,
  TextAreaField,
  TextField,
  SubmitOrCancel,
} from '../common/form';
import { parseEuroToCents } from '../common/format';
import { fieldErrorText } from '../common/error-text';
import { describeError } from '../common/query-state';
import { useTakeOn, useTransition, useUpdateCase, type TransitionBody } from './api';
import { isOpen, SUPPLIER_TYPES } from './case-vocabulary';
import { isKoppelTeamMismatch, TakeOnConfirm, takesFromAnotherTeam } from './take-on-confirm';

type T = ReturnType<typeof useTranslation>['t'];

/** The button text for a transition, from where the case is now. */
function transitionLabel(item: CaseDto, to: CaseStatus, t: T): string {
  if (to === 'in_progress' && item.status === 'proposed') return t('transition.sendBack');
  if (to === 'in_progress') return t('transition.start');
  switch (to) {
    case 'accepted':
      return t('transition.takeOn');
    case 'proposed':
      return t('transition.propose');
    case 'resolved':
      return t('transition.acceptProposal');
    case 'declined':
      return t('transition.decline');
    case 'withdrawn':
      return t('transition.withdraw');
    case 'filed':
    case 'routed':
      return t(`status.${to}`);
  }
}

/** What the form asks before a transition: as the API says for this person (`availableTransitions`). */
type Need = 'nothing' | 'reason' | 'optionalReason' | 'proposal' | 'outcome';
function needOf(item: CaseDto, to: CaseStatus): Need {
  const offered = item.availableTransitions.find((a) => a.to === to);
  if (!offered) return 'nothing';
  if (offered.requires) return offered.requires;
  return offered.asksReason ? 'optionalReason' : 'nothing';
}

/**
 * Only the transitions the API offers this user for this case (`availableTransitions`, each with
 * what it needs) become buttons; whoever the API lets change the assignee (`editableFields`) can
 * also (re)assign. Transitions that need words open a small form.
 */
export function CaseActions({ routeId, item }: { routeId: string; item: CaseDto }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const transition = useTransition(routeId);
  const takeOn = useTakeOn(routeId);
  const update = useUpdateCase(routeId);
  const [chosen, setChosen] = useState<CaseStatus | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // Taking on a case of another team asks first, and moves the koppel (ADR 24).
  const [asking, setAsking] = useState<'accept' | 'assign' | null>(null);

  // Who may (re)assign is the API's word: `assigneeId` among the fields this person may change.
  const canAssign =
    item.editableFields.includes('assigneeId') && isOpen(item.status) && item.status !== 'filed';
  const hasActions = item.availableTransitions.length > 0 || canAssign;
  // The section stays while it has something to say (the outcome of the last action).
  if (!hasActions && !done) return null;

  const failure = [transition, takeOn, update]
    .map((m) => m.error)
    .find((e) => e !== null && !isKoppelTeamMismatch(e));
  const accept = (moveKoppel: boolean) =>
    takeOn.mutate(
      { current: item, meId: me.id, moveKoppel },
      {
        onSuccess: () => {
          setAsking(null);
          setDone(t('actions.done', { status: t('status.accepted') }));
        },
        onError: (error) => isKoppelTeamMismatch(error) && setAsking('accept'),
      },
    );
  const act = (to: CaseStatus) => {
    setDone(null);
    setAsking(null);
    transition.reset();
    takeOn.reset();
    update.reset();
    if (to === 'accepted') {
      if (takesFromAnotherTeam(me, item)) setAsking('accept');
      else accept(false);
    } else if (needOf(item, to) === 'nothing') {
      transition.mutate(
        { current: item, body: { to } },
        { onSuccess: () => setDone(t('actions.done', { status: t(`status.${to}`) })) },
      );
    } else {
      setChosen(to);
    }
  };
  const assign = (assigneeId: string | null, moveKoppel = false) => {
    setDone(null);
    if (assigneeId === me.id && !moveKoppel && takesFromAnotherTeam(me, item)) {
      setAsking('assign');
      return;
    }
    update.mutate(
      { current: item, body: { assigneeId, ...(moveKoppel ? { moveKoppel: true } : {}) } },
      {
        onSuccess: (u) => {
          setAsking(null);
          setDone(
            u.assignee ? t('actions.assigned', { name: u.assignee.name }) : t('actions.unassigned'),
          );
        },
        onError: (error) => isKoppelTeamMismatch(error) && setAsking('assign'),
      },
    );
  };
  const busy = transition.isPending || takeOn.isPending || update.isPending;

  return (
    <section aria-labelledby="actions-heading" className="ams-mb-xl">
      <Heading level={2} id="actions-heading" className="ams-mb-m">
        {t('actions.title')}
      </Heading>
      <div role="status">
        {done && <Alert heading={done} headingLevel={3} severity="success" className="ams-mb-m" />}
      </div>
      {failure !== undefined && !chosen && <ActionFailure error={failure} />}
      {asking && (
        <TakeOnConfirm
          team={item.team?.name ?? ''}
          busy={busy}
          onConfirm={() => (asking === 'accept' ? accept(true) : assign(me.id, true))}
          onCancel={() => {
            setAsking(null);
            takeOn.reset();
            update.reset();
          }}
        />
      )}
      {hasActions && (
        <ActionGroup className="ams-mb-m">
          {item.availableTransitions.map(({ to }) => (
            <Button
              key={to}
              variant={to === 'declined' || to === 'withdrawn' ? 'secondary' : 'primary'}
              onClick={() => act(to)}
              disabled={busy}
              aria-expanded={needOf(item, to) === 'nothing' ? undefined : chosen === to}
            >
              {transitionLabel(item, to, t)}
            </Button>
          ))}
          {canAssign && item.assignee?.id !== me.id && (
            <Button variant="secondary" onClick={() => assign(me.id)} disabled={busy}>
              {t('actions.assignToMe')}
            </Button>
          )}
          {canAssign &&
            item.koppel &&
            item.assignee?.id !== item.koppel.meentcoop.id &&
            item.koppel.meentcoop.id !== me.id && (
              <Button
                variant="secondary"
                onClick={() => assign(item.koppel?.meentcoop.id ?? null)}
                disabled={busy}
              >
                {t('actions.assignToKoppel', { name: item.koppel.meentcoop.name })}
              </Button>
            )}
          {canAssign && item.assignee && (
            <Button variant="tertiary" onClick={() => assign(null)} disabled={busy}>
              {t('actions.unassign')}
            </Button>
          )}
        </ActionGroup>
      )}
      {chosen && (
        <TransitionForm
          key={chosen}
          item={item}
          to={chosen}
          need={needOf(item, chosen)}
          label={transitionLabel(item, chosen, t)}
          pending={transition.isPending}
          error={transition.error}
          onCancel={() => {
            setChosen(null);
            transition.reset();
          }}
          onSubmit={(body) =>
            transition.mutate(
              { current: item, body },
              {
                onSuccess: () => {
                  setChosen(null);
                  setDone(t('actions.done', { status: t(`status.${body.to}`) }));
                },
              },
            )
          }
        />
      )}
    </section>
  );
}

function ActionFailure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const stale = error instanceof ApiProblem && (error.status === 412 || error.status === 409);
  return (
    <Alert
      heading={stale ? t('actions.staleHeading') : t('actions.failed')}
      headingLevel={3}
      severity="error"
      className="ams-mb-m"
      role="alert"
    >
      <Paragraph>
        {stale ? t('actions.stale') : describeError(error, t('common.tryAgainLater'))}
      </Paragraph>
    </Alert>
  );
}

interface Outcome {
  summary: string;
  supplierName: string;
  supplierType: SupplierType | '';
  awardedValue: string;
}

function TransitionForm({
  item,
  to,
  need,
  label,
  pending,
  error,
  onCancel,
  onSubmit,
}: {
  item: CaseDto;
  to: CaseStatus;
  need: Need;
  label: string;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onSubmit: (body: TransitionBody) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [proposal, setProposal] = useState(item.proposal ?? '');
  const [outcome, setOutcome] = useState<Outcome>({
    summary: '',
    supplierName: '',
    supplierType: '',
    awardedValue: '',
  });
  const first = useRef<HTMLFormElement>(null);
  useEffect(() => {
    first.current?.querySelector<HTMLElement>('textarea, input, select')?.focus();
  }, []);
  const errors = fieldErrorsOf(error);
  const message = (field: string) => {
    const found = errorAt(errors, field);
    return found ? fieldErrorText(found, t) : undefined;
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const body: TransitionBody = { to };
    if ((need === 'reason' || need === 'optionalReason') && (need === 'reason' || reason.trim())) {
      body.reason = reason;
    }
    if (need === 'proposal') body.proposal = proposal;
    if (need === 'outcome') {
      const cents = parseEuroToCents(outcome.awardedValue);
      // Left out when it does not read as an amount: the API names the field.
      body.outcome = {
        summary: outcome.summary,
        supplierName: outcome.supplierName,
        supplierType: outcome.supplierType as SupplierType,
        ...(cents === null ? {} : { awardedValueCents: cents }),
      } as NonNullable<TransitionBody['outcome']>;
    }
    onSubmit(body);
  };

  const summary = errors.map((e) => ({
    id:
      e.field === 'outcome'
        ? 'transition-summary'
        : `transition-${e.field.replace(/^outcome\./, '').replace(/[^A-Za-z]/g, '-')}`,
    label: `${transitionFieldLabel(e.field, t)}: ${fieldErrorText(e, t)}`,
  }));

  return (
    <form ref={first} onSubmit={submit} aria-labelledby="transition-heading" className="brug-panel">
      <Heading level={3} id="transition-heading" className="ams-mb-s">
        {label}
      </Heading>
      {summary.length > 0 && <ErrorSummary errors={summary} />}
      {error !== null && errors.length === 0 && <ActionFailure error={error} />}
      <Column>
        {(need === 'reason' || need === 'optionalReason') && (
          <TextAreaField
            id="transition-reason"
            label={t('transition.reason')}
            optional={need === 'optionalReason'}
            value={reason}
            onChange={setReason}
            error={message('reason')}
          />
        )}
        {need === 'proposal' && (
          <TextAreaField
            id="transition-proposal"
            label={t('transition.proposal')}
            hint={t('transition.proposalHint')}
            value={proposal}
            onChange={setProposal}
            error={message('proposal')}
            rows={6}
          />
        )}
        {need === 'outcome' && (
          <>
            <Paragraph>{t('transition.outcomeIntro')}</Paragraph>
            <TextAreaField
              id="transition-summary"
              label={t('outcome.summary')}
              value={outcome.summary}
              onChange={(summary) => setOutcome((o) => ({ ...o, summary }))}
              error={message('outcome.summary')}
            />
            <TextField
              id="transition-supplierName"
              label={t('outcome.supplierName')}
              value={outcome.supplierName}
              onChange={(supplierName) => setOutcome((o) => ({ ...o, supplierName }))}
              error={message('outcome.supplierName')}
            />
            <SelectField
              id="transition-supplierType"
              label={t('outcome.supplierType')}
              value={outcome.supplierType}
              onChange={(supplierType) => setOutcome((o) => ({ ...o, supplierType }))}
              options={SUPPLIER_TYPES.map((s) => ({ value: s, label: t(`supplierType.${s}`) }))}
              placeholder={t('outcome.chooseSupplierType')}
              error={message('outcome.supplierType')}
            />
            <TextField
              id="transition-awardedValueCents"
              label={t('outcome.awardedValue')}
              hint={t('fileCase.valueHint')}
              inputMode="decimal"
              value={outcome.awardedValue}
              onChange={(awardedValue) => setOutcome((o) => ({ ...o, awardedValue }))}
              error={message('outcome.awardedValueCents')}
            />
          </>
        )}
        <SubmitOrCancel
          label={t('transition.confirm', { action: label })}
          pending={pending}
          onCancel={onCancel}
        />
      </Column>
    </form>
  );
}

/** The label of a transition field the API names (`outcome.supplierType` → "Soort leverancier"). */
function transitionFieldLabel(field: string, t: T): string {
  switch (field) {
    case 'reason':
      return t('transition.reason');
    case 'proposal':
      return t('transition.proposal');
    case 'outcome':
    case 'outcome.summary':
      return t('outcome.summary');
    case 'outcome.supplierName':
      return t('outcome.supplierName');
    case 'outcome.supplierType':
      return t('outcome.supplierType');
    case 'outcome.awardedValueCents':
      return t('outcome.awardedValue');
    default:
      return t('errors.thisField');
  }
}
