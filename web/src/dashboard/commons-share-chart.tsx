import { Paragraph, UnorderedList } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { formatEuroWhole, formatNumber, formatPercent } from '../common/format';
import type { CommonsShare } from '../funding/api';
import { ChartFigure } from './chart-figure';
import { ChartTable } from './chart-table';

const WIDTH = 640;
const HEIGHT = 300;
const LEFT = 50;
const RIGHT = 20;
const TOP = 20;
const BOTTOM = 40;
const MAX_SHARE = 0.5;

/**
 * The commons share of awarded value per year (bars) against the aim: 35% in common hands by
 * 2035 (the dashed line, running to its target year). Every share says how many resolved cases
 * it rests on (one case makes 0% or 100%), and beside it the value still on its way to an award.
 */
export function CommonsShareChart({ years }: { years: CommonsShare[] }) {
  const { t } = useTranslation();
  if (years.length === 0)
    return <Paragraph className="ams-mb-l">{t('dashboard.commons.none')}</Paragraph>;
  const target = years[0]?.target ?? 0.35;
  const targetYear = years[0]?.targetYear ?? 2035;
  const first = Math.min(...years.map((y) => y.year));
  const last = Math.max(targetYear, ...years.map((y) => y.year));
  const span = last - first + 1;
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const slot = plotW / span;
  const x = (year: number) => LEFT + (year - first) * slot;
  // The axis reaches 50%, or further (in steps of 10%) when a year's share is higher.
  const highest = Math.max(...years.map((y) => y.commonsShare));
  const top = Math.max(MAX_SHARE, Math.ceil(highest * 10) / 10);
  const y = (share: number) => TOP + plotH - (share / top) * plotH;
  const latest = [...years].sort((a, b) => b.year - a.year)[0];
  const pipeline = latest?.pipeline;
  const basis = (yr: CommonsShare) =>
    t('dashboard.commons.basis', {
      year: yr.year,
      share: formatPercent(yr.commonsShare),
      count: yr.resolvedCases,
      cases: formatNumber(yr.resolvedCases),
    });
  const step = top > MAX_SHARE ? 0.2 : 0.1;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);

  const table = (
    <ChartTable
      title={t('dashboard.commons.title')}
      head={t('dashboard.commons.year')}
      columns={[
        { key: 'resolved', label: t('dashboard.commons.resolved') },
        { key: 'commonsCases', label: t('dashboard.commons.commonsCases') },
        { key: 'awarded', label: t('dashboard.commons.awarded') },
        { key: 'commons', label: t('dashboard.commons.commons') },
        { key: 'share', label: t('dashboard.commons.share') },
      ]}
      rows={years.map((yr) => ({
        key: String(yr.year),
        head: yr.year,
        cells: [
          formatNumber(yr.resolvedCases),
          formatNumber(yr.commonsCases),
          formatEuroWhole(yr.awardedValueCents),
          formatEuroWhole(yr.commonsValueCents),
          formatPercent(yr.commonsShare),
        ],
      }))}
    />
  );

  return (
    <>
      <ChartFigure
        id="commons-share-chart"
        title={t('dashboard.commons.title')}
        description={`${t('dashboard.commons.description', {
          year: latest?.year ?? '',
          share: formatPercent(latest?.commonsShare ?? 0),
          target: formatPercent(target),
          targetYear,
        })} ${years.map(basis).join('; ')}.`}
        caption={t('dashboard.commons.caption', { target: formatPercent(target), targetYear })}
        width={WIDTH}
        height={HEIGHT}
        table={table}
      >
        {ticks.map((v) => (
          <g key={v}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(v)} y2={y(v)} className="brug-grid-line" />
            <text x={LEFT - 6} y={y(v) + 4} textAnchor="end" className="brug-chart-label">
              {formatPercent(v)}
            </text>
          </g>
        ))}
        {years.map((yr) => (
          <rect
            key={yr.year}
            x={x(yr.year) + slot * 0.15}
            y={y(yr.commonsShare)}
            width={slot * 0.7}
            height={TOP + plotH - y(yr.commonsShare)}
            className="brug-bar-commons"
          />
        ))}
        {years.map((yr) => (
          <text
            key={`n-${yr.year}`}
            x={x(yr.year) + slot / 2}
            y={y(yr.commonsShare) - 6}
            textAnchor="middle"
            className="brug-chart-label"
          >
            {t('dashboard.commons.barCases', {
              count: yr.resolvedCases,
              cases: formatNumber(yr.resolvedCases),
            })}
          </text>
        ))}
        <line
          x1={LEFT}
          x2={x(targetYear) + slot}
          y1={y(target)}
          y2={y(target)}
          className="brug-target-line"
        />
        <text
          x={x(targetYear) + slot}
          y={y(target) - 6}
          textAnchor="end"
          className="brug-chart-label brug-chart-strong"
        >
          {t('dashboard.commons.targetLabel', { target: formatPercent(target), targetYear })}
        </text>
        {Array.from({ length: span }, (_, i) => first + i)
          .filter((year) => span <= 12 || (year - first) % 2 === 0 || year === targetYear)
          .map((year) => (
            <text
              key={year}
              x={x(year) + slot / 2}
              y={HEIGHT - BOTTOM + 18}
              textAnchor="middle"
              className="brug-chart-label"
            >
              {year}
            </text>
          ))}
      </ChartFigure>
      <UnorderedList className="ams-mb-m" data-testid="commons-basis">
        {[...years]
          .sort((a, b) => a.year - b.year)
          .map((yr) => (
            <UnorderedList.Item key={yr.year}>{basis(yr)}</UnorderedList.Item>
          ))}
      </UnorderedList>
      {pipeline && (
        <Paragraph className="ams-mb-l" data-testid="commons-pipeline">
          {pipeline.cases === 0
            ? t('dashboard.commons.pipelineNone')
            : t('dashboard.commons.pipeline', {
                count: pipeline.cases,
                cases: formatNumber(pipeline.cases),
                value: formatEuroWhole(pipeline.estimatedValueCents),
              })}
        </Paragraph>
      )}
    </>
  );
}
