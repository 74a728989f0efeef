import { Accordion, Figure } from '@amsterdam/design-system-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A chart as an accessible figure: the SVG is one image with a title and a description (read
 * by screen readers as its text alternative), a visible caption, and the same numbers as a
 * table behind a disclosure for anyone who prefers them.
 */
export function ChartFigure({
  id,
  title,
  description,
  width,
  height,
  caption,
  table,
  children,
}: {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  caption: string;
  table: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Figure className="ams-mb-l">
      {/* Focusable: on a narrow screen (375 px) the chart scrolls sideways in its own region. */}
      <div className="brug-chart" role="region" aria-label={title} tabIndex={0}>
        <svg
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          className="brug-chart-svg"
          data-testid={id}
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          {children}
        </svg>
      </div>
      <Figure.Caption className="ams-mb-s">{caption}</Figure.Caption>
      <Accordion headingLevel={3}>
        <Accordion.Section label={t('dashboard.showTable', { chart: title })}>
          {table}
        </Accordion.Section>
      </Accordion>
    </Figure>
  );
}
