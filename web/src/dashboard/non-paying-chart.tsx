import { Paragraph, UnorderedList } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { useDomainNames } from '../common/catalogue';
import { formatNumber } from '../common/format';
import type { FundingDomainMatrix } from '../funding/api';
import { ChartFigure } from './chart-figure';
import { ChartTable } from './chart-table';

const LEFT = 200;
const BAR_H = 24;
const GAP = 8;
const WIDTH = 720;
/** Room right of the longest bar for its label ("3 of 5 cases without a contribution"). */
const LABEL_W = 250;

export interface NonPayingDomain {
  code: string;
  /** Cases the domain touches (lead or affected). */
  touched: number;
  /** Of those, the cases it commits or pledges nothing to. */
  nonPaying: number;
}

/**
 * The domains that some case touches and that pay nothing for it: only those (a domain that
 * pays for every case it touches is not listed), most cases without a contribution first.
 */
export function nonPayingDomains(matrix: FundingDomainMatrix): NonPayingDomain[] {
  return Object.entries(matrix.totals)
    .map(([code, total]) => ({
      code,
      touched: total.touchedCases,
      nonPaying: total.nonPayingCases,
    }))
    .filter((d) => d.nonPaying > 0)
    .sort((a, b) => b.nonPaying - a.nonPaying || a.code.localeCompare(b.code));
}

/**
 * Which domains pay nothing for cases they are touched by, said in words ("3 of 5 cases
 * without a contribution") as a list and as a bar chart: the orange bar is the cases without a
 * contribution, the outlined track all cases the domain touches.
 */
export function NonPayingChart({ matrix }: { matrix: FundingDomainMatrix }) {
  const { t } = useTranslation();
  const domainName = useDomainNames();
  const rows = nonPayingDomains(matrix);
  if (rows.length === 0) {
    return (
      <Paragraph className="ams-mb-l" data-testid="dashboard-non-paying-none">
        {t('dashboard.nonPaying.none')}
      </Paragraph>
    );
  }
  const label = (r: NonPayingDomain) =>
    t('dashboard.nonPaying.label', {
      nonPaying: formatNumber(r.nonPaying),
      touched: formatNumber(r.touched),
      count: r.touched,
    });
  const max = Math.max(1, ...rows.map((r) => r.touched));
  const scale = (n: number) => ((WIDTH - LEFT - LABEL_W) * n) / max;
  const legendY = rows.length * (BAR_H + GAP) + 20;
  const height = legendY + 44;
  const worst = rows[0]!;

  const table = (
    <ChartTable
      title={t('dashboard.nonPaying.title')}
      head={t('funding.domain')}
      columns={[
        { key: 'touched', label: t('dashboard.nonPaying.touched') },
        { key: 'paying', label: t('dashboard.nonPaying.paying') },
        { key: 'nonPaying', label: t('dashboard.nonPaying.notPaying') },
      ]}
      rows={rows.map((r) => ({
        key: r.code,
        head: domainName(r.code),
        cells: [
          formatNumber(r.touched),
          formatNumber(r.touched - r.nonPaying),
          formatNumber(r.nonPaying),
        ],
      }))}
    />
  );

  return (
    <>
      <UnorderedList className="ams-mb-m" data-testid="dashboard-non-paying">
        {rows.map((r) => (
          <UnorderedList.Item key={r.code} data-domain={r.code}>
            <strong>{domainName(r.code)}</strong>: {label(r)}
          </UnorderedList.Item>
        ))}
      </UnorderedList>
      <ChartFigure
        id="non-paying-chart"
        title={t('dashboard.nonPaying.title')}
        description={t('dashboard.nonPaying.description', {
          domains: rows.length,
          domain: domainName(worst.code),
          label: label(worst),
        })}
        caption={t('dashboard.nonPaying.caption')}
        width={WIDTH}
        height={height}
        table={table}
      >
        {rows.map((r, i) => {
          const y = 10 + i * (BAR_H + GAP);
          return (
            <g key={r.code}>
              <text
                x={LEFT - 8}
                y={y + BAR_H / 2 + 4}
                textAnchor="end"
                className="brug-chart-label"
              >
                {domainName(r.code).slice(0, 30)}
              </text>
              <rect
                x={LEFT}
                y={y}
                width={scale(r.touched)}
                height={BAR_H}
                className="brug-bar-track"
              />
              <rect
                x={LEFT}
                y={y}
                width={scale(r.nonPaying)}
                height={BAR_H}
                className="brug-bar-gap"
              />
              <text
                x={LEFT + scale(r.touched) + 6}
                y={y + BAR_H / 2 + 4}
                className="brug-chart-label"
              >
                {label(r)}
              </text>
            </g>
          );
        })}
        <g transform={`translate(${LEFT}, ${legendY})`}>
          <rect width="12" height="12" className="brug-bar-gap" />
          <text x="18" y="11" className="brug-chart-label">
            {t('dashboard.nonPaying.legendNotPaying')}
          </text>
          <rect y="20" width="12" height="12" className="brug-bar-track" />
          <text x="18" y="31" className="brug-chart-label">
            {t('dashboard.nonPaying.legendTouched')}
          </text>
        </g>
      </ChartFigure>
    </>
  );
}
