import { Table } from '@amsterdam/design-system-react';
import type { ReactNode } from 'react';
import { TableRegion } from '../common/table-region';

export interface ChartTableColumn {
  key: string;
  label: ReactNode;
}

export interface ChartTableRow {
  key: string;
  /** The row's heading (first column). */
  head: ReactNode;
  /** One value per column, in the order of the columns. */
  cells: ReactNode[];
}

/**
 * The numbers behind a chart as a table (every chart has one): a heading column, then
 * right-aligned value columns; captioned with the chart's title for screen readers.
 */
export function ChartTable({
  title,
  head,
  columns,
  rows,
}: {
  title: string;
  head: ReactNode;
  columns: ChartTableColumn[];
  rows: ChartTableRow[];
}) {
  return (
    <TableRegion label={title}>
      <Table>
        <Table.Caption className="ams-visually-hidden">{title}</Table.Caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{head}</Table.HeaderCell>
            {columns.map((c) => (
              <Table.HeaderCell key={c.key} scope="col" align="end">
                {c.label}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={r.key}>
              <Table.HeaderCell scope="row">{r.head}</Table.HeaderCell>
              {r.cells.map((cell, i) => (
                <Table.Cell key={columns[i]?.key ?? i} align="end">
                  {cell}
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableRegion>
  );
}
