import { Paragraph } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { useDomainNames } from '../common/catalogue';
import { formatEuroWhole, formatNumber } from '../common/format';
import type { FundingDomainMatrix } from '../funding/api';
import { ChartFigure } from './chart-figure';
import { ChartTable } from './chart-table';

const CELL_W = 64;
const CELL_H = 26;
const LEFT = 170;
const TOP = 120;
const LEVELS = 5;
/** The row of cases without a lead domain (none should exist; their money still counts). */
const NO_LEAD = '';

type Cell = FundingDomainMatrix['cells'][number];

const amountOf = (cell: Cell | undefined): number =>
  cell ? cell.committedCents + cell.pledgedCents : 0;

/** Touched by the cases of the row, and paying for none of them. */
const isGap = (cell: Cell): boolean => cell.touchedCases > 0 && cell.payingCases === 0;

/**
 * Lead domains × domains over every case the person may see, however many: the darker a cell,
 * the more the column's domain committed or pledged to the cases the row's domain leads. A
 * cell whose domain those cases touch but who pays for none of them is outlined and hatched:
 * the gap Brug makes visible. Stays the same size at any number of cases (domains² cells).
 */
export function FundingHeatmap({ matrix }: { matrix: FundingDomainMatrix }) {
  const { t } = useTranslation();
  const domainName = useDomainNames();
  const leads = [...new Set(matrix.cells.map((c) => c.leadDomain ?? NO_LEAD))];
  const columns = matrix.domains.filter((d) => matrix.cells.some((c) => c.domain === d));
  if (leads.length === 0 || columns.length === 0) {
    return <Paragraph className="ams-mb-l">{t('dashboard.noFunding')}</Paragraph>;
  }
  const cellOf = new Map(matrix.cells.map((c) => [`${c.leadDomain ?? NO_LEAD} ${c.domain}`, c]));
  const find = (lead: string, domain: string) => cellOf.get(`${lead} ${domain}`);
  const leadName = (lead: string) =>
    lead === NO_LEAD ? t('dashboard.heatmap.noLead') : domainName(lead);
  const max = Math.max(1, ...matrix.cells.map(amountOf));
  const width = LEFT + columns.length * CELL_W + 10;
  const height = TOP + leads.length * CELL_H + 10;
  const gaps = matrix.cells.filter(isGap).length;
  const level = (amount: number) =>
    amount === 0 ? 0 : Math.max(1, Math.ceil((amount / max) * LEVELS));

  const describe = (cell: Cell | undefined) => {
    if (!cell) return '–';
    const paid = t('dashboard.heatmap.paidCases', {
      paying: formatNumber(cell.payingCases),
      count: cell.touchedCases,
      touched: formatNumber(cell.touchedCases),
    });
    return isGap(cell)
      ? `${t('dashboard.heatmap.paysNothing')} (${paid})`
      : `${formatEuroWhole(amountOf(cell))} (${paid})`;
  };

  const table = (
    <ChartTable
      title={t('dashboard.heatmap.title')}
      head={t('dashboard.heatmap.rowsAxis')}
      columns={columns.map((d) => ({ key: d, label: domainName(d) }))}
      rows={leads.map((lead) => ({
        key: lead,
        head: leadName(lead),
        cells: columns.map((d) => describe(find(lead, d))),
      }))}
    />
  );

  return (
    <ChartFigure
      id="funding-heatmap"
      title={t('dashboard.heatmap.title')}
      description={t('dashboard.heatmap.description', {
        leads: leads.length,
        domains: columns.length,
        cases: formatNumber(matrix.caseCount),
        gaps,
      })}
      caption={t('dashboard.heatmap.caption', { cases: formatNumber(matrix.caseCount) })}
      width={width}
      height={height}
      table={table}
    >
      <defs>
        <pattern
          id="brug-hatch"
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <line x1="0" y1="0" x2="0" y2="6" className="brug-hatch-line" />
        </pattern>
      </defs>
      <text
        x={LEFT - 8}
        y={TOP - 8}
        textAnchor="end"
        className="brug-chart-label brug-chart-strong"
      >
        {t('dashboard.heatmap.rowsAxis')}
      </text>
      {columns.map((d, i) => (
        <text
          key={d}
          x={LEFT + i * CELL_W + CELL_W / 2}
          y={TOP - 8}
          transform={`rotate(-40 ${LEFT + i * CELL_W + CELL_W / 2} ${TOP - 8})`}
          className="brug-chart-label"
        >
          {shorten(domainName(d), 18)}
        </text>
      ))}
      {leads.map((lead, j) => (
        <g key={lead}>
          <text
            x={LEFT - 8}
            y={TOP + j * CELL_H + CELL_H / 2 + 4}
            textAnchor="end"
            className="brug-chart-label"
          >
            {shorten(leadName(lead), 24)}
          </text>
          {columns.map((d, i) => {
            const cell = find(lead, d);
            const className = !cell
              ? 'brug-heat-none'
              : isGap(cell)
                ? 'brug-heat-gap'
                : amountOf(cell) === 0
                  ? 'brug-heat-none'
                  : `brug-heat brug-heat-${level(amountOf(cell))}`;
            return (
              <rect
                key={d}
                x={LEFT + i * CELL_W + 1}
                y={TOP + j * CELL_H + 1}
                width={CELL_W - 2}
                height={CELL_H - 2}
                className={className}
                data-lead={lead}
                data-domain={d}
              />
            );
          })}
        </g>
      ))}
    </ChartFigure>
  );
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
