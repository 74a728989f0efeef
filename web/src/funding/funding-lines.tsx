import { Button, Column, FieldSet, Paragraph, Row } from '@amsterdam/design-system-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../api/problem';
import { errorAt, SelectField, TextField } from '../common/form';

export interface FundingLine {
  /** Stable identity for React while lines are added and removed. */
  key: string;
  domainCode: string;
  amount: string;
  budgetLine: string;
}

/**
 * The funding known when a case is filed (`initialFunding`): lines of domain, amount and budget
 * line, each becoming a pledge in the funding log.
 */
export function FundingLinesFieldSet({
  lines,
  onChange,
  domains,
  errors,
  messageFor,
  formErrors = [],
}: {
  lines: FundingLine[];
  onChange: (lines: FundingLine[]) => void;
  domains: { value: string; label: string }[];
  errors: FieldError[];
  messageFor: (field: string, error: FieldError) => string;
  /** Errors the form found itself before sending (a line without a domain), shown first. */
  formErrors?: readonly { field: string; message: string }[];
}) {
  const { t } = useTranslation();
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (focusNext.current) {
      document.getElementById(focusNext.current)?.focus();
      focusNext.current = null;
    }
  });

  const update = (index: number, change: Partial<FundingLine>) =>
    onChange(lines.map((line, i) => (i === index ? { ...line, ...change } : line)));
  const error = (index: number, part: string): string | undefined => {
    const field = `initialFunding[${index}].${part}`;
    const own = formErrors.find((e) => e.field === field);
    if (own) return own.message;
    const found = errorAt(errors, field);
    return found ? messageFor(field, found) : undefined;
  };
  const listError = errors.find((e) => e.field === 'initialFunding');

  return (
    <FieldSet legend={t('fileCase.funding')} hint={t('form.optional')} invalid={Boolean(listError)}>
      <Column gap="large">
        <Paragraph size="small">{t('fileCase.fundingHint')}</Paragraph>
        {listError && (
          <Paragraph className="brug-error-text">
            {messageFor('initialFunding', listError)}
          </Paragraph>
        )}
        {lines.map((line, index) => (
          <FieldSet
            key={line.key}
            legend={t('fileCase.fundingLine', { number: index + 1 })}
            inFieldSet
          >
            <Column gap="small">
              <SelectField
                id={`funding-${index}-domain`}
                label={t('funding.domain')}
                value={line.domainCode}
                onChange={(domainCode) => update(index, { domainCode })}
                options={domains}
                placeholder={t('fileCase.chooseDomain')}
                error={error(index, 'domainCode')}
              />
              <TextField
                id={`funding-${index}-amount`}
                label={t('funding.amount')}
                hint={t('fileCase.valueHint')}
                inputMode="decimal"
                value={line.amount}
                onChange={(amount) => update(index, { amount })}
                error={error(index, 'amountCents')}
              />
              <TextField
                id={`funding-${index}-budget-line`}
                label={t('funding.budgetLine')}
                optional
                value={line.budgetLine}
                onChange={(budgetLine) => update(index, { budgetLine })}
                error={error(index, 'budgetLine')}
                maxLength={100}
              />
              <Row>
                <Button
                  type="button"
                  variant="tertiary"
                  onClick={() => {
                    onChange(lines.filter((_, i) => i !== index));
                    focusNext.current = 'case-funding-add';
                  }}
                >
                  {t('fileCase.removeLine', { number: index + 1 })}
                </Button>
              </Row>
            </Column>
          </FieldSet>
        ))}
        <Row>
          <Button
            id="case-funding-add"
            type="button"
            variant="secondary"
            onClick={() => {
              focusNext.current = `funding-${lines.length}-domain`;
              onChange([
                ...lines,
                { key: crypto.randomUUID(), domainCode: '', amount: '', budgetLine: '' },
              ]);
            }}
          >
            {t('fileCase.addLine')}
          </Button>
        </Row>
      </Column>
    </FieldSet>
  );
}
