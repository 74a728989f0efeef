import {
  Alert,
  Button,
  Column,
  Heading,
  Link,
  Paragraph,
  Row,
  Table,
} from '@amsterdam/design-system-react';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../api/client';
import { ApiProblem } from '../api/problem';
import { useCurrentUser } from '../auth/use-auth';
import { AppLink } from '../common/app-link';
import { useDomainNames } from '../common/catalogue';
import { fieldErrorText, problemText } from '../common/error-text';
import { errorAt, fieldErrorsOf, SelectField, TextAreaField, TextField } from '../common/form';
import { formatEuro } from '../common/format';
import { describeError, LoadError, Loading } from '../common/query-state';
import { TableRegion } from '../common/table-region';
import { isOpen } from './case-vocabulary';
import {
  useAnswerPledgeTransfer,
  useCaseLinks,
  useCloseAsDuplicate,
  useFileSubCase,
  useLinkCase,
  usePledgeTransfers,
  type PledgeTransfer,
} from './links-api';
import { sayLinks } from './links-texts';
import { StatusBadge } from './status-badge';

/** What went wrong with a form: a refusal worded from its code, or a general failure. */
function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const domainName = useDomainNames();
  if (!error || fieldErrorsOf(error).length > 0) return null;
  return (
    <Paragraph role="alert" className="brug-error-text ams-mb-m">
      {error instanceof ApiProblem && error.status >= 403
        ? problemText(error.problem, t, domainName)
        : describeError(error, t('common.tryAgainLater'))}
    </Paragraph>
  );
}

/**
 * Related cases, sub-cases and duplicates on the case page (issue 19, item 4; ADR 44): every
 * linked case the reader may see with its status, team and money, and for a parent the money of
 * it and its sub-cases together; staff make sub-cases, link cases and close a duplicate.
 */
export function LinksSection({ routeId, item }: { routeId: string; item: CaseDto }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const links = useCaseLinks(routeId);
  const staff = me.role === 'staff' || me.role === 'admin';
  const survivor = links.data?.items.find(
    (l) => l.kind === 'duplicate_of' && l.direction === 'outgoing',
  );
  return (
    <section aria-labelledby="links-heading" className="ams-mb-xl" data-testid="links-section">
      <Heading level={2} id="links-heading" className="ams-mb-m">
        {sayLinks(t, 'heading')}
      </Heading>
      {links.isPending ? (
        <Loading />
      ) : links.isError ? (
        <LoadError error={links.error} retry={() => void links.refetch()} headingLevel={3} />
      ) : (
        <>
          {survivor && (
            <Alert
              heading={sayLinks(t, 'duplicateOf', { reference: survivor.case.reference })}
              headingLevel={3}
              className="ams-mb-m"
              data-testid="duplicate-of"
            >
              <Paragraph>
                <Link href={`/cases/${survivor.case.reference}`} linkComponent={AppLink}>
                  {sayLinks(t, 'duplicateOfText', {
                    reference: survivor.case.reference,
                    title: survivor.case.title,
                  })}
                </Link>
              </Paragraph>
            </Alert>
          )}
          {links.data.items.length === 0 ? (
            <Paragraph className="ams-mb-m">{sayLinks(t, 'none')}</Paragraph>
          ) : (
            <TableRegion label={sayLinks(t, 'caption')}>
              <Table className="ams-mb-m" data-testid="links-table">
                <Table.Caption className="ams-visually-hidden">
                  {sayLinks(t, 'caption')}
                </Table.Caption>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{sayLinks(t, 'relation')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{sayLinks(t, 'case')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{sayLinks(t, 'status')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{sayLinks(t, 'team')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col" align="end">
                      {sayLinks(t, 'pledged')}
                    </Table.HeaderCell>
                    <Table.HeaderCell scope="col" align="end">
                      {sayLinks(t, 'committed')}
                    </Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {links.data.items.map((l) => (
                    <Table.Row
                      key={l.id}
                      data-kind={l.kind}
                      data-direction={l.direction}
                      data-reference={l.case.reference}
                    >
                      <Table.Cell>{sayLinks(t, `kind_${l.kind}_${l.direction}`)}</Table.Cell>
                      <Table.HeaderCell scope="row">
                        <Link href={`/cases/${l.case.reference}`} linkComponent={AppLink}>
                          {`${l.case.reference}: ${l.case.title}`}
                        </Link>
                      </Table.HeaderCell>
                      <Table.Cell>
                        <StatusBadge status={l.case.status} />
                      </Table.Cell>
                      <Table.Cell>{l.case.team?.name ?? sayLinks(t, 'noTeam')}</Table.Cell>
                      <Table.Cell align="end">{formatEuro(l.case.funding.pledgedCents)}</Table.Cell>
                      <Table.Cell align="end">
                        {formatEuro(l.case.funding.committedCents)}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableRegion>
          )}
          {links.data.withSubCases && (
            <Paragraph className="ams-mb-m" data-testid="links-together">
              {sayLinks(t, 'together', {
                pledged: formatEuro(links.data.withSubCases.pledgedCents),
                committed: formatEuro(links.data.withSubCases.committedCents),
                disbursed: formatEuro(links.data.withSubCases.disbursedCents),
              })}
            </Paragraph>
          )}
        </>
      )}
      {staff && isOpen(item.status) && (
        <>
          <SubCaseForm routeId={routeId} item={item} />
          <LinkForm routeId={routeId} />
          <DuplicateForm routeId={routeId} item={item} />
        </>
      )}
      <TransfersSection routeId={routeId} />
    </section>
  );
}

function SubCaseForm({ routeId, item }: { routeId: string; item: CaseDto }) {
  const { t } = useTranslation();
  const domainName = useDomainNames();
  const make = useFileSubCase(routeId);
  const [domainCode, setDomainCode] = useState('');
  const [title, setTitle] = useState('');
  const [made, setMade] = useState<string | null>(null);
  const errors = fieldErrorsOf(make.error);
  const message = (field: string) => {
    const found = errorAt(errors, field);
    return found ? fieldErrorText(found, t) : undefined;
  };
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setMade(null);
    make.mutate(
      { domainCode, ...(title.trim() ? { title: title.trim() } : {}) },
      { onSuccess: (created) => (setMade(created.reference), setDomainCode(''), setTitle('')) },
    );
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="sub-case-heading" className="brug-panel ams-mb-l">
      <Heading level={3} id="sub-case-heading" className="ams-mb-s">
        {sayLinks(t, 'subCaseHeading')}
      </Heading>
      <Paragraph className="ams-mb-s">{sayLinks(t, 'subCaseIntro')}</Paragraph>
      <div role="status">
        {made && (
          <Alert
            heading={sayLinks(t, 'subCaseMade', { reference: made })}
            headingLevel={4}
            severity="success"
            className="ams-mb-m"
          />
        )}
      </div>
      <FormError error={make.error} />
      <Column>
        <SelectField
          id="sub-case-domain"
          label={sayLinks(t, 'subCaseDomain')}
          value={domainCode}
          onChange={setDomainCode}
          options={item.domains.map((d) => ({ value: d.code, label: domainName(d.code) }))}
          placeholder={sayLinks(t, 'chooseDomain')}
          error={message('domainCode')}
        />
        <TextField
          id="sub-case-title"
          label={sayLinks(t, 'subCaseTitle')}
          optional
          value={title}
          onChange={setTitle}
          error={message('title')}
        />
        <Row>
          <Button type="submit" disabled={make.isPending}>
            {sayLinks(t, 'subCaseSubmit')}
          </Button>
        </Row>
      </Column>
    </form>
  );
}

function LinkForm({ routeId }: { routeId: string }) {
  const { t } = useTranslation();
  const link = useLinkCase(routeId);
  const [kind, setKind] = useState('');
  const [target, setTarget] = useState('');
  const [done, setDone] = useState(false);
  const errors = fieldErrorsOf(link.error);
  const message = (field: string) => {
    const found = errorAt(errors, field);
    return found ? fieldErrorText(found, t) : undefined;
  };
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setDone(false);
    link.mutate(
      { kind: kind as 'related' | 'part_of', target: target.trim() },
      { onSuccess: () => (setDone(true), setTarget('')) },
    );
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="link-heading" className="brug-panel ams-mb-l">
      <Heading level={3} id="link-heading" className="ams-mb-s">
        {sayLinks(t, 'linkHeading')}
      </Heading>
      <div role="status">
        {done && (
          <Alert
            heading={sayLinks(t, 'linked')}
            headingLevel={4}
            severity="success"
            className="ams-mb-m"
          />
        )}
      </div>
      <FormError error={link.error} />
      <Column>
        <SelectField
          id="link-kind"
          label={sayLinks(t, 'linkKind')}
          value={kind}
          onChange={setKind}
          options={(['related', 'part_of'] as const).map((k) => ({
            value: k,
            label: sayLinks(t, `linkKind_${k}`),
          }))}
          placeholder={sayLinks(t, 'chooseKind')}
          error={message('kind')}
        />
        <TextField
          id="link-target"
          label={sayLinks(t, 'target')}
          hint={sayLinks(t, 'targetHint')}
          value={target}
          onChange={setTarget}
          error={message('target')}
        />
        <Row>
          <Button type="submit" disabled={link.isPending}>
            {sayLinks(t, 'linkSubmit')}
          </Button>
        </Row>
      </Column>
    </form>
  );
}

function DuplicateForm({ routeId, item }: { routeId: string; item: CaseDto }) {
  const { t } = useTranslation();
  const close = useCloseAsDuplicate(routeId);
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const errors = fieldErrorsOf(close.error);
  const message = (field: string) => {
    const found = errorAt(errors, field);
    return found ? fieldErrorText(found, t) : undefined;
  };
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    close.mutate({
      version: item.version,
      body: { target: target.trim(), reason: reason.trim() },
    });
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="duplicate-heading" className="brug-panel ams-mb-l">
      <Heading level={3} id="duplicate-heading" className="ams-mb-s">
        {sayLinks(t, 'duplicateHeading')}
      </Heading>
      <Paragraph className="ams-mb-s">{sayLinks(t, 'duplicateIntro')}</Paragraph>
      <FormError error={close.error} />
      <Column>
        <TextField
          id="duplicate-target"
          label={sayLinks(t, 'survivor')}
          hint={sayLinks(t, 'targetHint')}
          value={target}
          onChange={setTarget}
          error={message('target')}
        />
        <TextAreaField
          id="duplicate-reason"
          label={sayLinks(t, 'reason')}
          hint={sayLinks(t, 'reasonHint')}
          value={reason}
          onChange={setReason}
          error={message('reason')}
          rows={3}
        />
        <Row>
          <Button type="submit" variant="secondary" disabled={close.isPending}>
            {sayLinks(t, 'duplicateSubmit')}
          </Button>
        </Row>
      </Column>
    </form>
  );
}

/** Requests to move a duplicate's pledges, from or to this case; the budget holder answers. */
function TransfersSection({ routeId }: { routeId: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const domainName = useDomainNames();
  const transfers = usePledgeTransfers(routeId);
  if (transfers.isPending || transfers.isError || transfers.data.items.length === 0) return null;
  const mine = (tr: PledgeTransfer) =>
    tr.state === 'open' &&
    (me.role === 'admin' || (me.role === 'budget_holder' && me.domains.includes(tr.domainCode)));
  return (
    <div data-testid="pledge-transfers">
      <Heading level={3} className="ams-mb-s">
        {sayLinks(t, 'transfersHeading')}
      </Heading>
      <TableRegion label={sayLinks(t, 'transfersCaption')}>
        <Table className="ams-mb-m">
          <Table.Caption className="ams-visually-hidden">
            {sayLinks(t, 'transfersCaption')}
          </Table.Caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{sayLinks(t, 'transferDomain')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{sayLinks(t, 'transferFrom')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{sayLinks(t, 'transferTo')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" align="end">
                {sayLinks(t, 'transferAmount')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col">{sayLinks(t, 'transferState')}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {transfers.data.items.map((tr) => (
              <Table.Row key={tr.id} data-state={tr.state} data-domain={tr.domainCode}>
                <Table.HeaderCell scope="row">{domainName(tr.domainCode)}</Table.HeaderCell>
                <Table.Cell>{tr.fromCase.reference}</Table.Cell>
                <Table.Cell>{tr.toCase.reference}</Table.Cell>
                <Table.Cell align="end">{formatEuro(tr.movedCents ?? tr.amountCents)}</Table.Cell>
                <Table.Cell>
                  {sayLinks(t, `transferState_${tr.state}`)}
                  {tr.reason ? `: ${tr.reason}` : ''}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableRegion>
      {transfers.data.items.filter(mine).map((tr) => (
        <TransferAnswer key={tr.id} routeId={routeId} transfer={tr} />
      ))}
    </div>
  );
}

function TransferAnswer({ routeId, transfer }: { routeId: string; transfer: PledgeTransfer }) {
  const { t } = useTranslation();
  const domainName = useDomainNames();
  const answer = useAnswerPledgeTransfer(routeId);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const errors = fieldErrorsOf(answer.error);
  const reasonError = errorAt(errors, 'reason');
  const id = `transfer-${transfer.id}`;
  const onDecline = (event: SubmitEvent) => {
    event.preventDefault();
    answer.mutate({ transfer, body: { answer: 'decline', reason: reason.trim() } });
  };
  return (
    <form onSubmit={onDecline} aria-labelledby={`${id}-heading`} className="brug-panel ams-mb-m">
      <Heading level={4} id={`${id}-heading`} className="ams-mb-s">
        {sayLinks(t, 'transferAnswerHeading', {
          domain: domainName(transfer.domainCode),
          amount: formatEuro(transfer.amountCents),
          reference: transfer.toCase.reference,
        })}
      </Heading>
      <FormError error={answer.error} />
      <Column>
        {declining && (
          <TextAreaField
            id={`${id}-reason`}
            label={sayLinks(t, 'declineReason')}
            value={reason}
            onChange={setReason}
            error={reasonError ? fieldErrorText(reasonError, t) : undefined}
            rows={2}
          />
        )}
        <Row>
          <Button
            type="button"
            disabled={answer.isPending}
            onClick={() => answer.mutate({ transfer, body: { answer: 'accept' } })}
          >
            {sayLinks(t, 'accept')}
          </Button>
          {declining ? (
            <Button type="submit" variant="secondary" disabled={answer.isPending}>
              {sayLinks(t, 'decline')}
            </Button>
          ) : (
            <Button type="button" variant="secondary" onClick={() => setDeclining(true)}>
              {sayLinks(t, 'decline')}
            </Button>
          )}
        </Row>
      </Column>
    </form>
  );
}
