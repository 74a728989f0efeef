import { Button, Column, Row } from '@amsterdam/design-system-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/problem';
import { useDomainNames } from '../common/catalogue';
import { fieldErrorText } from '../common/error-text';
import { errorAt, fieldErrorsOf, SelectField, TextAreaField } from '../common/form';
import { sayFunding } from './funding-text';

/** What a budget holder's answer form needs from its mutation's error: field texts and a refusal. */
export function useAnswerErrors(error: unknown) {
  const { t } = useTranslation();
  const errors = fieldErrorsOf(error);
  const refused = error instanceof ApiProblem && error.status >= 403 ? error : null;
  const message = (field: string) => {
    const found = errorAt(errors, field);
    return found ? fieldErrorText(found, t) : undefined;
  };
  return { errors, refused, message };
}

/**
 * The fields a budget holder answers with for one of their domains (a benefit share, a co-funding
 * proposal): which domain, the answer, a reason (required for the answer that says no), and the
 * submit button. Fields particular to one kind of answer go in between as children.
 */
export function DomainAnswerFields<A extends string>({
  id,
  domains,
  domainCode,
  onDomainCode,
  answers,
  answer,
  onAnswer,
  reasonRequiredFor,
  reason,
  onReason,
  message,
  pending,
  submitLabel,
  children,
}: {
  id: string;
  domains: string[];
  domainCode: string;
  onDomainCode: (code: string) => void;
  answers: readonly A[];
  answer: '' | A;
  onAnswer: (answer: '' | A) => void;
  reasonRequiredFor: A;
  message: (field: string) => string | undefined;
  pending: boolean;
  /** A key of the funding texts. */
  submitLabel: string;
  reason: string;
  onReason: (reason: string) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const domainName = useDomainNames();
  return (
    <Column>
      <SelectField
        id={`${id}-domain`}
        label={t('funding.domain')}
        value={domainCode}
        onChange={onDomainCode}
        options={domains.map((code) => ({ value: code, label: domainName(code) }))}
        placeholder={domains.length > 1 ? t('fileCase.chooseDomain') : undefined}
        error={message('domainCode')}
      />
      <SelectField
        id={`${id}-answer`}
        label={sayFunding(t, 'answer')}
        value={answer}
        onChange={onAnswer}
        options={answers.map((a) => ({
          value: a,
          label: sayFunding(t, `answer_${a}`),
        }))}
        placeholder={sayFunding(t, 'chooseAnswer')}
        error={message('answer')}
      />
      {children}
      <TextAreaField
        id={`${id}-reason`}
        label={sayFunding(t, 'reason')}
        optional={answer !== reasonRequiredFor}
        value={reason}
        onChange={onReason}
        error={message('reason')}
        rows={2}
      />
      <Row>
        <Button type="submit" disabled={pending}>
          {sayFunding(t, submitLabel)}
        </Button>
      </Row>
    </Column>
  );
}
