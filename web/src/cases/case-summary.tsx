import { DescriptionList } from '@amsterdam/design-system-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../api/client';
import { useDomainNames } from '../common/catalogue';
import { formatDate, formatDateTime, formatEuro } from '../common/format';
import { sayFunding } from '../funding/funding-text';

/** The facts of a case, as a description list. */
export function CaseSummary({ item }: { item: CaseDto }) {
  const { t } = useTranslation();
  const domainName = useDomainNames();
  const lead = item.domains.find((d) => d.role === 'lead');
  const affected = item.domains.filter((d) => d.role === 'affected');
  // Why the priority is what it is, when SLA breaches raised it (the last raise is the reason).
  const raisedBy = item.priorityRaisedBy.map((raise) =>
    t(`caseDetail.raisedBy.${raise.stage}`, {
      from: t(`priority.${raise.from}`).toLowerCase(),
      to: t(`priority.${raise.to}`).toLowerCase(),
      when: formatDateTime(raise.breachedAt),
    }),
  );
  const entries: [string, ReactNode][] = [
    [t('case.procurementStage'), t(`stage.${item.procurementStage}`)],
    [
      t('case.priority'),
      raisedBy.length ? (
        <>
          {t(`priority.${item.priority}`)}
          {raisedBy.map((line) => (
            <span key={line} className="brug-priority-raised" data-testid="priority-raised">
              {line}
            </span>
          ))}
        </>
      ) : (
        t(`priority.${item.priority}`)
      ),
    ],
    [
      sayFunding(t, 'procurementKind'),
      item.procurementKind
        ? sayFunding(t, `kind_${item.procurementKind}`)
        : sayFunding(t, 'procurementKindUnknown'),
    ],
    [t('case.estimatedValue'), formatEuro(item.estimatedValueCents)],
    [t('case.deadline'), item.deadline ? formatDate(item.deadline) : t('common.none')],
    [t('case.tenderReference'), item.tenderReference ?? t('common.none')],
    [t('case.leadDomain'), lead ? domainName(lead.code) : t('common.none')],
    [
      t('case.affectedDomains'),
      affected.length ? affected.map((d) => domainName(d.code)).join(', ') : t('common.none'),
    ],
    [t('case.unit'), item.organisationUnit.name],
    [t('case.filedBy'), `${item.filedBy.name}, ${formatDateTime(item.filedAt)}`],
    [t('case.team'), item.team?.name ?? t('case.notRouted')],
    [
      t('case.koppel'),
      item.koppel
        ? t('case.koppelValue', {
            municipal: item.koppel.municipal.name,
            meentcoop: item.koppel.meentcoop.name,
          })
        : t('common.none'),
    ],
    [t('case.assignee'), item.assignee?.name ?? t('case.unassigned')],
  ];
  if (item.euThreshold) {
    entries.push([sayFunding(t, 'euThreshold'), <EuThresholdFlag key="eu" item={item} />]);
  }
  for (const stage of item.sla) {
    entries.push([
      t(stage.stage === 'accept' ? 'case.acceptBy' : 'case.proposeBy'),
      formatDateTime(stage.dueAt),
    ]);
  }
  return (
    <DescriptionList termsWidth="medium" className="ams-mb-l">
      {entries.map(([term, description]) => (
        <DescriptionList.Section key={term}>
          <DescriptionList.Term>{term}</DescriptionList.Term>
          <DescriptionList.Description>{description}</DescriptionList.Description>
        </DescriptionList.Section>
      ))}
    </DescriptionList>
  );
}

/**
 * The European threshold in force on the filing day for the case's kind (issue 18): whether the
 * estimated value reaches it, and for staff and auditors whether cases sharing the tender
 * reference reach it together while each stays below (a possible split). A flag, never a block.
 */
function EuThresholdFlag({ item }: { item: CaseDto }) {
  const { t } = useTranslation();
  const eu = item.euThreshold;
  if (!eu) return null;
  const [from, to] = eu.period.split('/');
  const threshold = formatEuro(eu.amountCents);
  const period = from && to ? `${formatDate(from)} – ${formatDate(to)}` : eu.period;
  return (
    <span data-testid="eu-threshold">
      <span className={eu.reached ? 'brug-flag' : undefined}>
        {sayFunding(t, eu.reached ? 'euReached' : 'euNotReached', { threshold, period })}
      </span>
      {eu.group?.possibleSplit && (
        <span className="brug-flag brug-flag-block" data-testid="eu-possible-split">
          {sayFunding(t, 'euPossibleSplit', {
            count: eu.group.caseCount,
            reference: eu.group.tenderReference,
            total: formatEuro(eu.group.totalCents),
            threshold,
          })}
        </span>
      )}
    </span>
  );
}
