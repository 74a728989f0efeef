import {
  Alert,
  Badge,
  Button,
  Column,
  Heading,
  Paragraph,
  Row,
  Table,
} from '@amsterdam/design-system-react';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/problem';
import { useCurrentUser } from '../auth/use-auth';
import { useDomainNames } from '../common/catalogue';
import { fieldErrorText, problemText } from '../common/error-text';
import { errorAt, fieldErrorsOf, TextAreaField, TextField } from '../common/form';
import { formatDateTime, formatEuro } from '../common/format';
import { describeError, LoadError, Loading } from '../common/query-state';
import { TableRegion } from '../common/table-region';
import { DomainAnswerFields, useAnswerErrors } from './domain-answer-fields';
import { sayFunding } from './funding-text';
import {
  useAnswerCofunding,
  useCofundingProposals,
  useProposeCofunding,
  type CofundingProposal,
} from './benefit-api';

/** Badge colours with enough contrast (the same as the clock's): the label says the state. */
const STATE_COLOUR = {
  open: undefined,
  partly_accepted: 'purple',
  accepted: undefined,
  declined: 'red',
  expired: 'orange',
} as const;

/**
 * Co-funding proposals on the case (issue 18): staff ask the domains short of their fair share
 * for the difference; each domain's budget holder accepts (a pledge of that amount) or declines
 * with a reason. Every proposal with its state and every answer.
 */
export function CofundingSection({ routeId, closed }: { routeId: string; closed: boolean }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const proposals = useCofundingProposals(routeId);
  return (
    <section
      aria-labelledby="cofunding-heading"
      className="ams-mb-xl"
      data-testid="cofunding-section"
    >
      <Heading level={2} id="cofunding-heading" className="ams-mb-m">
        {sayFunding(t, 'cofundingHeading')}
      </Heading>
      {proposals.isPending ? (
        <Loading />
      ) : proposals.isError ? (
        <LoadError
          error={proposals.error}
          retry={() => void proposals.refetch()}
          headingLevel={3}
        />
      ) : (
        <>
          {proposals.data.items.length === 0 && (
            <Paragraph className="ams-mb-m">{sayFunding(t, 'noProposals')}</Paragraph>
          )}
          {proposals.data.items.map((p) => (
            <ProposalView key={p.id} routeId={routeId} proposal={p} />
          ))}
          {(me.role === 'staff' || me.role === 'admin') && !closed && (
            <ProposeForm routeId={routeId} />
          )}
        </>
      )}
    </section>
  );
}

function ProposalView({ routeId, proposal }: { routeId: string; proposal: CofundingProposal }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const domainName = useDomainNames();
  const mine = proposal.items
    .filter((i) => i.state === 'open')
    .map((i) => i.domainCode)
    .filter(
      (code) => me.role === 'admin' || (me.role === 'budget_holder' && me.domains.includes(code)),
    );
  const title = sayFunding(t, 'proposalTitle', {
    name: proposal.createdBy.name,
    when: formatDateTime(proposal.createdAt),
  });
  return (
    <div className="ams-mb-l" data-testid="cofunding-proposal" data-state={proposal.state}>
      <Heading level={3} className="ams-mb-s">
        {title}{' '}
        <Badge
          color={STATE_COLOUR[proposal.state]}
          label={sayFunding(t, `state_${proposal.state}`)}
        />
      </Heading>
      {proposal.note && <Paragraph className="ams-mb-s">{proposal.note}</Paragraph>}
      {proposal.answerBy && (
        <Paragraph className="ams-mb-s">
          {sayFunding(t, 'answerBy', { when: formatDateTime(proposal.answerBy) })}
        </Paragraph>
      )}
      <TableRegion label={title}>
        <Table className="ams-mb-m">
          <Table.Caption className="ams-visually-hidden">{title}</Table.Caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('funding.domain')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" align="end">
                {sayFunding(t, 'asked')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col">{sayFunding(t, 'itemState')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{sayFunding(t, 'answeredBy')}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {proposal.items.map((i) => (
              <Table.Row key={i.domainCode} data-domain={i.domainCode} data-state={i.state}>
                <Table.HeaderCell scope="row">{domainName(i.domainCode)}</Table.HeaderCell>
                <Table.Cell align="end">{formatEuro(i.amountCents)}</Table.Cell>
                <Table.Cell>
                  {sayFunding(t, `state_${i.state}`)}
                  {i.reason ? `: ${i.reason}` : ''}
                </Table.Cell>
                <Table.Cell>
                  {i.answeredBy && i.answeredAt
                    ? `${i.answeredBy.name}, ${formatDateTime(i.answeredAt)}`
                    : '–'}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableRegion>
      {mine.length > 0 && (
        // A new form when what is left to answer changed (its choice would be stale).
        <AnswerForm key={mine.join(' ')} routeId={routeId} proposal={proposal} domains={mine} />
      )}
    </div>
  );
}

function ProposeForm({ routeId }: { routeId: string }) {
  const { t } = useTranslation();
  const propose = useProposeCofunding(routeId);
  const [note, setNote] = useState('');
  const [done, setDone] = useState(false);
  const refused =
    propose.error instanceof ApiProblem && propose.error.status === 422 ? propose.error : null;
  const errors = fieldErrorsOf(propose.error);
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setDone(false);
    propose.mutate(note.trim() ? { note: note.trim() } : {}, {
      onSuccess: () => (setDone(true), setNote('')),
    });
  };
  const noteError = errorAt(errors, 'note');
  return (
    <form onSubmit={onSubmit} aria-labelledby="propose-heading" className="brug-panel ams-mb-l">
      <Heading level={3} id="propose-heading" className="ams-mb-s">
        {sayFunding(t, 'propose')}
      </Heading>
      <Paragraph className="ams-mb-s">{sayFunding(t, 'proposeIntro')}</Paragraph>
      <div role="status">
        {done && (
          <Alert
            heading={sayFunding(t, 'proposed')}
            headingLevel={4}
            severity="success"
            className="ams-mb-m"
          />
        )}
      </div>
      {(refused || (propose.isError && errors.length === 0)) && (
        <Paragraph role="alert" className="brug-error-text ams-mb-m">
          {refused
            ? problemText(refused.problem, t)
            : describeError(propose.error, t('common.tryAgainLater'))}
        </Paragraph>
      )}
      <Column>
        <TextAreaField
          id="propose-note"
          label={t('funding.note')}
          optional
          value={note}
          onChange={setNote}
          error={noteError ? fieldErrorText(noteError, t) : undefined}
          rows={2}
        />
        <Row>
          <Button type="submit" disabled={propose.isPending}>
            {sayFunding(t, 'proposeSubmit')}
          </Button>
        </Row>
      </Column>
    </form>
  );
}

function AnswerForm({
  routeId,
  proposal,
  domains,
}: {
  routeId: string;
  proposal: CofundingProposal;
  domains: string[];
}) {
  const { t } = useTranslation();
  const domainName = useDomainNames();
  const answer = useAnswerCofunding(routeId);
  const [domainCode, setDomainCode] = useState(domains.length === 1 ? domains[0]! : '');
  const [value, setValue] = useState<'' | 'accept' | 'decline'>('');
  const [reason, setReason] = useState('');
  const [budgetLine, setBudgetLine] = useState('');
  const { errors, refused, message } = useAnswerErrors(answer.error);
  const id = `answer-${proposal.id}`;
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    answer.mutate({
      proposal,
      body: {
        domainCode,
        answer: value as 'accept' | 'decline',
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(value === 'accept' && budgetLine.trim() ? { budgetLine: budgetLine.trim() } : {}),
      },
    });
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby={`${id}-heading`} className="brug-panel ams-mb-m">
      <Heading level={4} id={`${id}-heading`} className="ams-mb-s">
        {sayFunding(t, 'answerProposal')}
      </Heading>
      {(refused || (answer.isError && errors.length === 0)) && (
        <Paragraph role="alert" className="brug-error-text ams-mb-m">
          {refused
            ? problemText(refused.problem, t, domainName)
            : describeError(answer.error, t('common.tryAgainLater'))}
        </Paragraph>
      )}
      <DomainAnswerFields
        id={id}
        domains={domains}
        domainCode={domainCode}
        onDomainCode={setDomainCode}
        answers={['accept', 'decline'] as const}
        answer={value}
        onAnswer={setValue}
        reasonRequiredFor="decline"
        reason={reason}
        onReason={setReason}
        message={message}
        pending={answer.isPending}
        submitLabel="sendAnswer"
      >
        {value === 'accept' && (
          <TextField
            id={`${id}-budget-line`}
            label={t('funding.budgetLine')}
            optional
            value={budgetLine}
            onChange={setBudgetLine}
            error={message('budgetLine')}
            maxLength={100}
          />
        )}
      </DomainAnswerFields>
    </form>
  );
}
