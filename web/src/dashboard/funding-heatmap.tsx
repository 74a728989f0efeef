import { Paragraph } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { useDomainNames } from '../common/catalogue';
import { formatEuroWhole } from '../common/format';
import type { FundingMatrix } from '../funding/api';
import { ChartFigure } from './chart-figure';
import { ChartTable } from './chart-table';

const CELL_W = 64;
const CELL_H = 26;
const LEFT = 150;
const TOP = 120;
const LEVELS = 5;
/** Beyond this many cases the picture stops being readable; the table still has them all. */
export const HEATMAP_MAX_ROWS = 40;

type Cell = FundingMatrix['rows'][number]['cells'][string];

function amountOf(cell: Cell | undefined): number {
  return cell ? cell.committedCents + cell.pledgedCents : 0;
}

/**
 * Domains × cases: the darker a cell, the more that domain committed or pledged to that case.
 * A touched domain that pays nothing is an outlined, hatched cell: the gap Brug makes visible.
 */
export function FundingHeatmap({ matrix }: { matrix: FundingMatrix }) {
  const { t } = useTranslation();
  const domainName = useDomainNames();
  const rows = matrix.rows.slice(-HEATMAP_MAX_ROWS);
  if (rows.length === 0 || matrix.domains.length === 0) {
    return <Paragraph className="ams-mb-l">{t('dashboard.noFunding')}</Paragraph>;
  }
  const max = Math.max(1, ...rows.flatMap((r) => matrix.domains.map((d) => amountOf(r.cells[d]))));
  const width = LEFT + matrix.domains.length * CELL_W + 10;
  const height = TOP + rows.length * CELL_H + 10;
  const nonPaying = rows.reduce(
    (n, r) => n + matrix.domains.filter((d) => r.cells[d] && amountOf(r.cells[d]) === 0).length,
    0,
  );
  const level = (amount: number) =>
    amount === 0 ? 0 : Math.max(1, Math.ceil((amount / max) * LEVELS));

  const table = (
    <ChartTable
      title={t('dashboard.heatmap.title')}
      head={t('case.reference')}
      columns={matrix.domains.map((d) => ({ key: d, label: domainName(d) }))}
      rows={matrix.rows.map((r) => ({
        key: r.caseId,
        head: r.reference,
        cells: matrix.domains.map((d) => {
          const cell = r.cells[d];
          return !cell
            ? '–'
            : amountOf(cell) === 0
              ? t('dashboard.heatmap.paysNothing')
              : formatEuroWhole(amountOf(cell));
        }),
      }))}
    />
  );

  return (
    <ChartFigure
      id="funding-heatmap"
      title={t('dashboard.heatmap.title')}
      description={t('dashboard.heatmap.description', {
        cases: rows.length,
        domains: matrix.domains.length,
        nonPaying,
      })}
      caption={t('dashboard.heatmap.caption')}
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
      {matrix.domains.map((d, i) => (
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
      {rows.map((r, j) => (
        <g key={r.caseId}>
          <text
            x={LEFT - 8}
            y={TOP + j * CELL_H + CELL_H / 2 + 4}
            textAnchor="end"
            className="brug-chart-label"
          >
            {r.reference}
          </text>
          {matrix.domains.map((d, i) => {
            const cell = r.cells[d];
            const amount = amountOf(cell);
            const x = LEFT + i * CELL_W;
            const y = TOP + j * CELL_H;
            if (!cell) {
              return (
                <rect
                  key={d}
                  x={x + 1}
                  y={y + 1}
                  width={CELL_W - 2}
                  height={CELL_H - 2}
                  className="brug-heat-none"
                />
              );
            }
            return (
              <rect
                key={d}
                x={x + 1}
                y={y + 1}
                width={CELL_W - 2}
                height={CELL_H - 2}
                className={amount === 0 ? 'brug-heat-gap' : `brug-heat brug-heat-${level(amount)}`}
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
