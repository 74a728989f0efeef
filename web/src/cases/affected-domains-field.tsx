import { Checkbox, Column, FieldSet } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';

/**
 * The domains a question touches besides its lead domain, one checkbox each (the lead domain is
 * left out): the same on the filing form and the edit form.
 */
export function AffectedDomainsFieldSet({
  idPrefix,
  name,
  options,
  leadDomain,
  chosen,
  onChange,
}: {
  idPrefix: string;
  name: string;
  options: readonly { value: string; label: string }[];
  leadDomain: string;
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <FieldSet legend={t('fileCase.affectedDomains')} inFieldSet>
      <Column gap="x-small">
        {options
          .filter((d) => d.value !== leadDomain)
          .map((d) => (
            <Checkbox
              key={d.value}
              id={`${idPrefix}-${d.value}`}
              name={name}
              value={d.value}
              checked={chosen.includes(d.value)}
              onChange={(e) =>
                onChange(
                  e.target.checked ? [...chosen, d.value] : chosen.filter((c) => c !== d.value),
                )
              }
            >
              {d.label}
            </Checkbox>
          ))}
      </Column>
    </FieldSet>
  );
}
