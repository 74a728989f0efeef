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
import type { CaseDto } from '../api/client';
import { ApiProblem } from '../api/problem';
import { useCurrentUser } from '../auth/use-auth';
import { useDomainNames } from '../common/catalogue';
import { fieldErrorText, problemText } from '../common/error-text';
import { errorAt, fieldErrorsOf, TextAreaField, TextField } from '../common/form';
import { formatEuro } from '../common/format';
import { describeError, LoadError, Loading } from '../common/query-state';
import { TableRegion } from '../common/table-region';
import { DomainAnswerFields, useAnswerErrors } from './domain-answer-fields';
import { sayFunding } from './funding-text';
import { useCaseFunding } from './api';
import {
  useAnswerBenefitShare,
  useBenefitShares,
  useSetBenefitShares,
  type BenefitShares,
} from './benefit-api';

/** Basis points as "40 %" / "33,33 %" in the page's language. */
function percent(basisPoints: number, language: string): string {
  return `${(basisPoints / 100).toLocaleString(language === 'en' ? 'en-GB' : 'nl-NL', {
    maximumFractionDigits: 2,
  })} %`;
}

/** "40", "33,33" or "33.33" as basis points; null when it is not a number with at most 2 decimals. */
export function parsePercent(input: string): number | null {
  const text = input.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(text)) return null;
  return Math.round(Number(text) * 100);
}

/**
 * Who benefits from the case (issue 18): per domain its benefit share, its fair share of the cost
 * basis and its balance (positive: pays for others), and the budget holders' answers. Staff set
 * the shares with a reasoning; a budget holder agrees with or disputes their domain's share.
 */
export function BenefitSection({ routeId, item }: { routeId: string; item: CaseDto }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const domainName = useDomainNames();
  const shares = useBenefitShares(routeId);
  const funding = useCaseFunding(routeId);

  return (
    <section aria-labelledby="benefit-heading" className="ams-mb-xl" data-testid="benefit-section">
      <Heading level={2} id="benefit-heading" className="ams-mb-m">
        {sayFunding(t, 'benefitHeading')}
      </Heading>
      {shares.isPending || funding.isPending ? (
        <Loading />
      ) : shares.isError ? (
        <LoadError error={shares.error} retry={() => void shares.refetch()} headingLevel={3} />
      ) : funding.isError ? (
        <LoadError error={funding.error} retry={() => void funding.refetch()} headingLevel={3} />
      ) : (
        <>
          <Paragraph className="ams-mb-m">
            {shares.data.isDefault
              ? sayFunding(t, 'benefitDefault')
              : sayFunding(t, 'benefitSet', {
                  name: shares.data.setBy?.name ?? '',
                  reasoning: shares.data.reasoning ?? '',
                })}{' '}
            {sayFunding(
              t,
              funding.data.costBasis === 'committed' ? 'costBasisCommitted' : 'costBasisEstimated',
              { amount: formatEuro(funding.data.costBasisCents) },
            )}
          </Paragraph>
          <TableRegion label={sayFunding(t, 'benefitTable')}>
            <Table className="ams-mb-l" data-testid="benefit-table">
              <Table.Caption className="ams-visually-hidden">
                {sayFunding(t, 'benefitTable')}
              </Table.Caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('funding.domain')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="end">
                    {sayFunding(t, 'share')}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="end">
                    {sayFunding(t, 'fairShare')}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="end">
                    {t('funding.committed')}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="end">
                    {sayFunding(t, 'balance')}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col">{sayFunding(t, 'answer')}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {funding.data.byDomain.map((d) => {
                  const answer = shares.data.shares.find(
                    (s) => s.domainCode === d.domainCode,
                  )?.answer;
                  return (
                    <Table.Row key={d.domainCode} data-domain={d.domainCode}>
                      <Table.HeaderCell scope="row">{domainName(d.domainCode)}</Table.HeaderCell>
                      <Table.Cell align="end">{percent(d.basisPoints, i18n.language)}</Table.Cell>
                      <Table.Cell align="end">{formatEuro(d.fairShareCents)}</Table.Cell>
                      <Table.Cell align="end">{formatEuro(d.committedCents)}</Table.Cell>
                      <Table.Cell align="end">
                        {formatEuro(d.balanceCents)}{' '}
                        <span className="ams-visually-hidden">
                          {d.balanceCents > 0
                            ? sayFunding(t, 'paysForOthers')
                            : d.balanceCents < 0
                              ? sayFunding(t, 'othersPay')
                              : ''}
                        </span>
                      </Table.Cell>
                      <Table.Cell>
                        {answer ? (
                          <>
                            <Badge
                              color={answer.answer === 'agreed' ? undefined : 'orange'}
                              label={sayFunding(t, `answer_${answer.answer}`)}
                            />{' '}
                            {answer.reason ?? ''}
                          </>
                        ) : (
                          '–'
                        )}
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </TableRegion>
          {(me.role === 'staff' || me.role === 'admin') && (
            <SetSharesForm routeId={routeId} item={item} shares={shares.data} />
          )}
          {me.role === 'budget_holder' && !shares.data.isDefault && (
            <AnswerShareForm
              routeId={routeId}
              shares={shares.data}
              domains={shares.data.shares
                .map((s) => s.domainCode)
                .filter((code) => me.domains.includes(code))}
            />
          )}
        </>
      )}
    </section>
  );
}

function SetSharesForm({
  routeId,
  item,
  shares,
}: {
  routeId: string;
  item: CaseDto;
  shares: BenefitShares;
}) {
  const { t, i18n } = useTranslation();
  const domainName = useDomainNames();
  const set = useSetBenefitShares(routeId);
  const codes = item.domains.map((d) => d.code);
  const current = (code: string) =>
    (shares.shares.find((s) => s.domainCode === code)?.basisPoints ?? 0) / 100;
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      codes.map((c) => [c, current(c).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nl-NL')]),
    ),
  );
  const [reasoning, setReasoning] = useState('');
  const [saved, setSaved] = useState(false);
  const [local, setLocal] = useState<string | null>(null);
  const errors = fieldErrorsOf(set.error);
  const conflict = set.error instanceof ApiProblem && set.error.status === 412;
  const message = (field: string) => {
    const found = errorAt(errors, field);
    return found ? fieldErrorText(found, t) : undefined;
  };

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(false);
    const parsed = codes.map((domainCode) => ({
      domainCode,
      basisPoints: parsePercent(draft[domainCode] ?? ''),
    }));
    const bad = parsed.find((p) => p.basisPoints === null);
    if (bad) {
      setLocal(sayFunding(t, 'shareNotANumber', { domain: domainName(bad.domainCode) }));
      return;
    }
    setLocal(null);
    // The API checks the sum (100 %) and names what it refuses.
    set.mutate(
      {
        version: shares.version,
        body: {
          shares: parsed.map((p) => ({ domainCode: p.domainCode, basisPoints: p.basisPoints! })),
          reasoning: reasoning.trim(),
        },
      },
      { onSuccess: () => (setSaved(true), setReasoning('')) },
    );
  };

  return (
    <form onSubmit={onSubmit} aria-labelledby="set-shares-heading" className="brug-panel ams-mb-l">
      <Heading level={3} id="set-shares-heading" className="ams-mb-s">
        {sayFunding(t, 'setShares')}
      </Heading>
      <div role="status">
        {saved && (
          <Alert
            heading={sayFunding(t, 'sharesSaved')}
            headingLevel={4}
            severity="success"
            className="ams-mb-m"
          />
        )}
      </div>
      {(local || message('shares') || conflict || (set.isError && errors.length === 0)) && (
        <Paragraph role="alert" className="brug-error-text ams-mb-m">
          {local ??
            message('shares') ??
            (conflict
              ? sayFunding(t, 'sharesChanged')
              : describeError(set.error, t('common.tryAgainLater')))}
        </Paragraph>
      )}
      <Column>
        {codes.map((code, i) => (
          <TextField
            key={code}
            id={`share-${code}`}
            label={sayFunding(t, 'shareOf', { domain: domainName(code) })}
            hint={i === 0 ? sayFunding(t, 'shareHint') : undefined}
            inputMode="decimal"
            value={draft[code] ?? ''}
            onChange={(value) => setDraft((d) => ({ ...d, [code]: value }))}
            error={message(`shares[${i}].basisPoints`) ?? message(`shares[${i}].domainCode`)}
          />
        ))}
        <TextAreaField
          id="share-reasoning"
          label={sayFunding(t, 'reasoning')}
          value={reasoning}
          onChange={setReasoning}
          error={message('reasoning')}
          rows={2}
        />
        <Row>
          <Button type="submit" disabled={set.isPending}>
            {sayFunding(t, 'saveShares')}
          </Button>
        </Row>
      </Column>
    </form>
  );
}

function AnswerShareForm({
  routeId,
  shares,
  domains,
}: {
  routeId: string;
  shares: BenefitShares;
  domains: string[];
}) {
  const { t } = useTranslation();
  const domainName = useDomainNames();
  const answer = useAnswerBenefitShare(routeId);
  const [domainCode, setDomainCode] = useState(domains.length === 1 ? domains[0]! : '');
  const [value, setValue] = useState<'' | 'agreed' | 'disputed'>('');
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState(false);
  if (domains.length === 0) return null;
  const { refused, message } = useAnswerErrors(answer.error);
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(false);
    answer.mutate(
      {
        version: shares.version,
        domainCode,
        body: {
          answer: value as 'agreed' | 'disputed',
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        },
      },
      { onSuccess: () => setSaved(true) },
    );
  };
  return (
    <form
      onSubmit={onSubmit}
      aria-labelledby="answer-share-heading"
      className="brug-panel ams-mb-l"
    >
      <Heading level={3} id="answer-share-heading" className="ams-mb-s">
        {sayFunding(t, 'answerShare')}
      </Heading>
      <div role="status">
        {saved && (
          <Alert
            heading={sayFunding(t, 'answerSaved')}
            headingLevel={4}
            severity="success"
            className="ams-mb-m"
          />
        )}
      </div>
      {refused && (
        <Paragraph role="alert" className="brug-error-text ams-mb-m">
          {problemText(refused.problem, t, domainName)}
        </Paragraph>
      )}
      <DomainAnswerFields
        id="answer-share"
        domains={domains}
        domainCode={domainCode}
        onDomainCode={setDomainCode}
        answers={['agreed', 'disputed'] as const}
        answer={value}
        onAnswer={setValue}
        reasonRequiredFor="disputed"
        reason={reason}
        onReason={setReason}
        message={message}
        pending={answer.isPending}
        submitLabel="sendShareAnswer"
      />
    </form>
  );
}
