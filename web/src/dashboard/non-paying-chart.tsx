import { Paragraph } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { useDomainNames } from '../common/catalogue';
import { formatNumber } from '../common/format';
import type { FundingMatrix } from '../funding/api';
import { ChartFigure } from './chart-figure';
import { ChartTable } from './chart-table';

const LEFT = 230;
const BAR_H = 24;
const GAP = 8;
const WIDTH = 640;

/** Per domain: of the cases it touches, how many it pays for and how many it does not. */
export function NonPayingChart({ matrix }: { matrix: FundingMatrix }) {
  const { t } = useTranslation();
  const domainName = useDomainNames();
  const rows = matrix.domains
    .map((code) => {
      const total = matrix.totals[code];
      const touched = total?.touchedCases ?? 0;
      const paying = Math.min(total?.payingCases ?? 0, touched);
      return { code, touched, paying, notPaying: touched - paying };
    })
    .filter((r) => r.touched > 0)
    .sort((a, b) => b.notPaying - a.notPaying);
  if (rows.length === 0)
    return <Paragraph className="ams-mb-l">{t('dashboard.noFunding')}</Paragraph>;
  const max = Math.max(1, ...rows.map((r) => r.touched));
  const scale = (n: number) => ((WIDTH - LEFT - 60) * n) / max;
  const height = rows.length * (BAR_H + GAP) + 40;
  const worst = rows[0];

  const table = (
    <ChartTable
      title={t('dashboard.nonPaying.title')}
      head={t('funding.domain')}
      columns={[
        { key: 'touched', label: t('dashboard.nonPaying.touched') },
        { key: 'paying', label: t('dashboard.nonPaying.paying') },
        { key: 'notPaying', label: t('dashboard.nonPaying.notPaying') },
      ]}
      rows={rows.map((r) => ({
        key: r.code,
        head: domainName(r.code),
        cells: [formatNumber(r.touched), formatNumber(r.paying), formatNumber(r.notPaying)],
      }))}
    />
  );

  return (
    <ChartFigure
      id="non-paying-chart"
      title={t('dashboard.nonPaying.title')}
      description={t('dashboard.nonPaying.description', {
        domain: worst ? domainName(worst.code) : '',
        count: worst?.notPaying ?? 0,
        touched: worst?.touched ?? 0,
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
            <text x={LEFT - 8} y={y + BAR_H / 2 + 4} textAnchor="end" className="brug-chart-label">
              {domainName(r.code).slice(0, 32)}
            </text>
            <rect
              x={LEFT}
              y={y}
              width={scale(r.paying)}
              height={BAR_H}
              className="brug-bar-paying"
            />
            <rect
              x={LEFT + scale(r.paying)}
              y={y}
              width={scale(r.notPaying)}
              height={BAR_H}
              className="brug-bar-gap"
            />
            <text
              x={LEFT + scale(r.touched) + 6}
              y={y + BAR_H / 2 + 4}
              className="brug-chart-label"
            >
              {`${r.notPaying}/${r.touched}`}
            </text>
          </g>
        );
      })}
      <g transform={`translate(${LEFT}, ${height - 16})`}>
        <rect width="12" height="12" className="brug-bar-paying" />
        <text x="18" y="11" className="brug-chart-label">
          {t('dashboard.nonPaying.paying')}
        </text>
        <rect x="170" width="12" height="12" className="brug-bar-gap" />
        <text x="188" y="11" className="brug-chart-label">
          {t('dashboard.nonPaying.notPaying')}
        </text>
      </g>
    </ChartFigure>
  );
}
