import { Button, Heading, Link, Paragraph, Row } from '@amsterdam/design-system-react';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../api/schema';
import { useDomainNames } from '../common/catalogue';
import { sayManagement } from './management-texts';
import { DateField } from '../common/date-field';
import { dateToInput, formatNumber, formatPercent, parseDateInput } from '../common/format';
import { LoadError, Loading } from '../common/query-state';
import { managementCsvHref, useManagementReport } from './api';
import { ChartFigure } from './chart-figure';
import { ChartTable } from './chart-table';

type Report = components['schemas']['ManagementReportDto'];
type Counts = components['schemas']['ReportCountsDto'];

const COUNTS = ['incoming', 'resolved', 'open', 'overdue', 'suspended'] as const;
const DAY_MS = 86_400_000;

/** A day (YYYY-MM-DD, local calendar) `days` from today. */
function dayFromToday(days: number): string {
  const d = new Date(Date.now() + days * DAY_MS);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The management dashboard (issue 19, item 5): over a chosen period, cases incoming, resolved,
 * open, overdue and suspended per week (a chart with its table), per team, handler and lead
 * domain, the median time per stage and SLA compliance per team. Every number is counted by the
 * server; every table has its CSV.
 */
export function ManagementSection() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState({ from: dayFromToday(-90), to: dayFromToday(0) });
  const [draft, setDraft] = useState(() => ({
    from: dateToInput(period.from),
    to: dateToInput(period.to),
  }));
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const report = useManagementReport(period);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const from = parseDateInput(draft.from);
    const to = parseDateInput(draft.to);
    const next: typeof errors = {};
    if (!from) next.from = sayManagement(t, 'dateInvalid');
    if (!to) next.to = sayManagement(t, 'dateInvalid');
    if (from && to && from > to) next.to = sayManagement(t, 'toBeforeFrom');
    if (from && to && (Date.parse(to) - Date.parse(from)) / DAY_MS + 1 > 731) {
      next.to = sayManagement(t, 'tooLong');
    }
    setErrors(next);
    if (from && to && !next.from && !next.to) setPeriod({ from, to });
  };

  return (
    <section aria-labelledby="dash-management" className="ams-mb-xl">
      <Heading level={2} id="dash-management" className="ams-mb-m">
        {sayManagement(t, 'heading')}
      </Heading>
      <Paragraph className="ams-mb-m">{sayManagement(t, 'intro')}</Paragraph>
      <form
        onSubmit={submit}
        noValidate
        className="ams-mb-l"
        aria-label={sayManagement(t, 'period')}
        data-testid="management-period"
      >
        <Row wrap className="ams-mb-s">
          <DateField
            id="management-from"
            label={sayManagement(t, 'from')}
            value={draft.from}
            error={errors.from}
            onChange={(from) => setDraft((d) => ({ ...d, from }))}
          />
          <DateField
            id="management-to"
            label={sayManagement(t, 'to')}
            value={draft.to}
            error={errors.to}
            onChange={(to) => setDraft((d) => ({ ...d, to }))}
          />
        </Row>
        <Button type="submit" variant="secondary">
          {sayManagement(t, 'show')}
        </Button>
      </form>
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <LoadError error={report.error} retry={() => void report.refetch()} headingLevel={3} />
      ) : (
        <ManagementReportView report={report.data} />
      )}
    </section>
  );
}

function CsvLink({ table, report, label }: { table: string; report: Report; label: string }) {
  const { t } = useTranslation();
  return (
    <Paragraph className="ams-mb-l">
      <Link
        href={managementCsvHref(table, report.from, report.to)}
        download
        data-testid={`management-csv-${table}`}
      >
        {sayManagement(t, 'csv', { table: label })}
      </Link>
    </Paragraph>
  );
}

function ManagementReportView({ report }: { report: Report }) {
  const { t } = useTranslation();
  const domainName = useDomainNames();
  const countColumns = COUNTS.map((k) => ({ key: k, label: sayManagement(t, k) }));
  const countCells = (r: Counts) => COUNTS.map((k) => formatNumber(r[k]));

  const groupTable = (
    table: 'teams' | 'handlers' | 'domains',
    head: string,
    none: string,
    name: (r: Report['teams'][number]) => string,
  ) => {
    const title = sayManagement(t, table);
    return (
      <>
        <Heading level={3} className="ams-mb-s">
          {title}
        </Heading>
        {report[table].length === 0 ? (
          <Paragraph className="ams-mb-m">{sayManagement(t, 'none')}</Paragraph>
        ) : (
          <div data-testid={`management-${table}`}>
            <ChartTable
              title={title}
              head={head}
              columns={countColumns}
              rows={report[table].map((r) => ({
                key: r.key ?? 'none',
                head: r.key === null ? none : name(r),
                cells: countCells(r),
              }))}
            />
          </div>
        )}
        <CsvLink table={table} report={report} label={title} />
      </>
    );
  };

  const days = (seconds: number | null) =>
    seconds === null
      ? '—'
      : sayManagement(t, 'days', {
          days: formatNumber(Math.round((seconds / 86_400) * 10) / 10),
        });

  return (
    <>
      <Paragraph className="ams-mb-m" data-testid="management-totals">
        {sayManagement(t, 'totals', {
          incoming: formatNumber(report.totals.incoming),
          resolved: formatNumber(report.totals.resolved),
          open: formatNumber(report.totals.open),
          overdue: formatNumber(report.totals.overdue),
          suspended: formatNumber(report.totals.suspended),
        })}
      </Paragraph>
      <TrendChart report={report} />
      <CsvLink table="weeks" report={report} label={sayManagement(t, 'trendTitle')} />
      {groupTable('teams', t('case.team'), t('case.notRouted'), (r) => r.name ?? '')}
      {groupTable(
        'handlers',
        sayManagement(t, 'handler'),
        sayManagement(t, 'noHandler'),
        (r) => r.name ?? '',
      )}
      {groupTable('domains', sayManagement(t, 'domain'), sayManagement(t, 'noDomain'), (r) =>
        domainName(r.key ?? ''),
      )}
      <Heading level={3} className="ams-mb-s">
        {sayManagement(t, 'stages')}
      </Heading>
      <div data-testid="management-stages">
        <ChartTable
          title={sayManagement(t, 'stages')}
          head={sayManagement(t, 'stage')}
          columns={[
            { key: 'cases', label: sayManagement(t, 'cases') },
            { key: 'median', label: sayManagement(t, 'median') },
          ]}
          rows={report.stages.map((r) => ({
            key: r.stage,
            head: sayManagement(t, `stageNames.${r.stage}`),
            cells: [formatNumber(r.cases), days(r.medianSeconds)],
          }))}
        />
      </div>
      <CsvLink table="stages" report={report} label={sayManagement(t, 'stages')} />
      <Heading level={3} className="ams-mb-s">
        {sayManagement(t, 'sla')}
      </Heading>
      {report.sla.length === 0 ? (
        <Paragraph className="ams-mb-m">{sayManagement(t, 'none')}</Paragraph>
      ) : (
        <div data-testid="management-sla">
          <ChartTable
            title={sayManagement(t, 'sla')}
            head={t('case.team')}
            columns={[
              { key: 'met', label: sayManagement(t, 'met') },
              { key: 'breached', label: sayManagement(t, 'breached') },
              { key: 'compliance', label: sayManagement(t, 'compliance') },
            ]}
            rows={report.sla.map((r) => ({
              key: r.key ?? 'none',
              head: r.name ?? t('case.notRouted'),
              cells: [
                formatNumber(r.met),
                formatNumber(r.breached),
                r.compliance === null ? '—' : formatPercent(r.compliance),
              ],
            }))}
          />
        </div>
      )}
      <CsvLink table="sla" report={report} label={sayManagement(t, 'sla')} />
    </>
  );
}

const LEFT = 44;
const WIDTH = 640;
const HEIGHT = 220;
const TOP = 10;
const BOTTOM = 40;

/** Incoming and resolved cases per week as paired bars, the open cases as a line. */
function TrendChart({ report }: { report: Report }) {
  const { t } = useTranslation();
  const weeks = report.weeks;
  const max = Math.max(1, ...weeks.flatMap((w) => [w.incoming, w.resolved, w.open]));
  const plotH = HEIGHT - TOP - BOTTOM;
  const step = (WIDTH - LEFT - 10) / Math.max(1, weeks.length);
  const barW = Math.max(1, step / 2 - 1);
  const y = (n: number) => TOP + plotH - (plotH * n) / max;
  const line = weeks
    .map(
      (w, i) =>
        `${i ? 'L' : 'M'}${(LEFT + i * step + step / 2).toFixed(1)},${y(w.open).toFixed(1)}`,
    )
    .join(' ');
  const labelEvery = Math.ceil(weeks.length / 8);
  const title = sayManagement(t, 'trendTitle');
  const table = (
    <ChartTable
      title={title}
      head={sayManagement(t, 'week')}
      columns={COUNTS.map((k) => ({ key: k, label: sayManagement(t, k) }))}
      rows={weeks.map((w) => ({
        key: w.week,
        head: w.week,
        cells: COUNTS.map((k) => formatNumber(w[k])),
      }))}
    />
  );
  return (
    <ChartFigure
      id="management-trend"
      title={title}
      description={sayManagement(t, 'trendDescription', {
        weeks: weeks.length,
        incoming: report.totals.incoming,
        resolved: report.totals.resolved,
        open: report.totals.open,
      })}
      caption={sayManagement(t, 'trendCaption')}
      width={WIDTH}
      height={HEIGHT}
      table={table}
    >
      <line x1={LEFT} x2={WIDTH - 10} y1={y(0)} y2={y(0)} className="brug-chart-axis" />
      <text x={LEFT - 6} y={y(max) + 4} textAnchor="end" className="brug-chart-label">
        {max}
      </text>
      <text x={LEFT - 6} y={y(0) + 4} textAnchor="end" className="brug-chart-label">
        0
      </text>
      {weeks.map((w, i) => {
        const x = LEFT + i * step;
        return (
          <g key={w.week}>
            <rect
              x={x}
              y={y(w.incoming)}
              width={barW}
              height={y(0) - y(w.incoming)}
              className="brug-trend-incoming"
            />
            <rect
              x={x + barW + 1}
              y={y(w.resolved)}
              width={barW}
              height={y(0) - y(w.resolved)}
              className="brug-trend-resolved"
            />
            {i % labelEvery === 0 && (
              <text x={x} y={HEIGHT - BOTTOM + 16} className="brug-chart-label">
                {w.week.slice(5)}
              </text>
            )}
          </g>
        );
      })}
      <path d={line} className="brug-trend-open" fill="none" />
      {(
        [
          ['incoming', 'brug-trend-incoming'],
          ['resolved', 'brug-trend-resolved'],
          ['open', 'brug-trend-open-key'],
        ] as const
      ).map(([k, cls], i) => (
        <g key={k} transform={`translate(${LEFT + i * 150}, ${HEIGHT - 14})`}>
          <rect width="12" height="12" className={cls} />
          <text x="18" y="11" className="brug-chart-label">
            {sayManagement(t, k)}
          </text>
        </g>
      ))}
    </ChartFigure>
  );
}
