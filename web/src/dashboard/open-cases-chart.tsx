import { Paragraph } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import type { components } from '../api/schema';
import { OPEN_STATUSES } from '../cases/case-vocabulary';
import { formatNumber } from '../common/format';
import { statusFillClass } from '../common/status-palette';
import { ChartFigure } from './chart-figure';
import { ChartTable } from './chart-table';

const LEFT = 230;
const BAR_H = 24;
const GAP = 8;
const WIDTH = 640;

type TeamRow = components['schemas']['ReportOpenNowRowDto'];

/**
 * Open cases per MeentCoop team, stacked by status, in the status palette's colours: every open
 * case, counted by the server (`GET /reports/management`, `openNow`).
 */
export function OpenCasesChart({ teams }: { teams: TeamRow[] }) {
  const { t } = useTranslation();
  const rows = teams.map((r) => ({
    ...r,
    team: r.name ?? t('case.notRouted'),
    counts: r,
  }));
  if (rows.length === 0)
    return <Paragraph className="ams-mb-l">{t('dashboard.openCases.none')}</Paragraph>;
  const max = Math.max(1, ...rows.map((r) => r.total));
  const scale = (n: number) => ((WIDTH - LEFT - 40) * n) / max;
  const legendY = rows.length * (BAR_H + GAP) + 20;
  const height = legendY + 50;
  const total = rows.reduce((n, r) => n + r.total, 0);

  const table = (
    <ChartTable
      title={t('dashboard.openCases.title')}
      head={t('case.team')}
      columns={[
        ...OPEN_STATUSES.map((s) => ({ key: s, label: t(`status.${s}`) })),
        { key: 'total', label: t('dashboard.openCases.total') },
      ]}
      rows={rows.map((r) => ({
        key: r.team,
        head: r.team,
        cells: [...OPEN_STATUSES.map((s) => formatNumber(r.counts[s])), formatNumber(r.total)],
      }))}
    />
  );

  return (
    <ChartFigure
      id="open-cases-chart"
      title={t('dashboard.openCases.title')}
      description={t('dashboard.openCases.description', { total, teams: rows.length })}
      caption={t('dashboard.openCases.caption')}
      width={WIDTH}
      height={height}
      table={table}
    >
      {rows.map((r, i) => {
        const y = 10 + i * (BAR_H + GAP);
        let x = LEFT;
        return (
          <g key={r.team}>
            <text x={LEFT - 8} y={y + BAR_H / 2 + 4} textAnchor="end" className="brug-chart-label">
              {r.team.slice(0, 32)}
            </text>
            {OPEN_STATUSES.map((s) => {
              const w = scale(r.counts[s]);
              const rect = (
                <rect
                  key={s}
                  x={x}
                  y={y}
                  width={w}
                  height={BAR_H}
                  className={statusFillClass(s)}
                  data-status={s}
                />
              );
              x += w;
              return rect;
            })}
            <text x={x + 6} y={y + BAR_H / 2 + 4} className="brug-chart-label">
              {r.total}
            </text>
          </g>
        );
      })}
      {OPEN_STATUSES.map((s, i) => (
        <g
          key={s}
          transform={`translate(${LEFT + (i % 3) * 130}, ${legendY + Math.floor(i / 3) * 20})`}
        >
          <rect width="12" height="12" className={statusFillClass(s)} data-status={s} />
          <text x="18" y="11" className="brug-chart-label">
            {t(`status.${s}`)}
          </text>
        </g>
      ))}
    </ChartFigure>
  );
}
