import { Figure, Paragraph, Table } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { Layer, Sankey } from 'recharts';
import type { Schemas } from '../api/client';
import { useDomainNames } from '../common/catalogue';
import { formatEuro, formatEuroWhole, formatNumber } from '../common/format';
import { TableRegion } from '../common/table-region';
import { sayFunding } from '../funding/funding-text';

export type FundingFlows = Schemas['FundingFlowsDto'];

const WIDTH = 720;
/** Room left and right of the diagram for the domains' names. */
const SIDE = 190;
const ROW = 56;

interface FlowNode {
  name: string;
  side: 'payer' | 'beneficiary';
}

/**
 * The flows as a Sankey graph: every paying domain once on the left, every benefiting domain once
 * on the right (a domain paying for its own goals is on both sides, so the graph has no cycle),
 * a link per pair with committed money. Pure, for the diagram and its test.
 */
export function sankeyData(flows: FundingFlows): {
  nodes: FlowNode[];
  links: { source: number; target: number; value: number }[];
} {
  const committed = flows.flows.filter((f) => f.committedCents > 0);
  const payers = [...new Set(committed.map((f) => f.payer))].sort();
  const beneficiaries = [...new Set(committed.map((f) => f.beneficiary))].sort();
  return {
    nodes: [
      ...payers.map((name) => ({ name, side: 'payer' as const })),
      ...beneficiaries.map((name) => ({ name, side: 'beneficiary' as const })),
    ],
    links: committed.map((f) => ({
      source: payers.indexOf(f.payer),
      target: payers.length + beneficiaries.indexOf(f.beneficiary),
      value: f.committedCents,
    })),
  };
}

/**
 * Who pays for whose goals (issue 18, item 5): a Sankey diagram (recharts) of each paying
 * domain's committed money spread over the domains that benefit, with the same numbers in a
 * table beside it for screen readers and anyone who prefers figures. The diagram is one image
 * with a text alternative that names the largest flow.
 */
export function FundingFlowsChart({ flows }: { flows: FundingFlows }) {
  const { t } = useTranslation();
  const domainName = useDomainNames();
  const data = sankeyData(flows);
  if (data.links.length === 0) {
    return (
      <Paragraph className="ams-mb-l" data-testid="funding-flows-none">
        {sayFunding(t, 'flowsNone')}
      </Paragraph>
    );
  }
  const largest = [...flows.flows].sort((a, b) => b.committedCents - a.committedCents)[0]!;
  const sides = Math.max(
    data.nodes.filter((n) => n.side === 'payer').length,
    data.nodes.filter((n) => n.side === 'beneficiary').length,
  );
  const height = Math.max(160, sides * ROW + 20);
  // The name shortened to fit beside the diagram; the table has it in full.
  const label = (n: FlowNode) => {
    const name = domainName(n.name);
    return sayFunding(t, n.side === 'payer' ? 'flowsPays' : 'flowsBenefits', {
      domain: name.length > 20 ? `${name.slice(0, 19)}…` : name,
    });
  };

  return (
    <Figure className="ams-mb-l">
      <div
        className="brug-chart"
        role="region"
        aria-label={sayFunding(t, 'flowsTitle')}
        tabIndex={0}
      >
        <div
          role="img"
          aria-labelledby="funding-flows-title funding-flows-desc"
          data-testid="funding-flows-chart"
        >
          <span id="funding-flows-title" hidden>
            {sayFunding(t, 'flowsTitle')}
          </span>
          <span id="funding-flows-desc" hidden>
            {sayFunding(t, 'flowsDescription', {
              cases: formatNumber(flows.caseCount),
              total: formatEuroWhole(flows.committedCents),
              payer: domainName(largest.payer),
              beneficiary: domainName(largest.beneficiary),
              amount: formatEuroWhole(largest.committedCents),
            })}
          </span>
          <Sankey
            width={WIDTH}
            height={height}
            data={data}
            nodeWidth={12}
            nodePadding={24}
            iterations={32}
            margin={{ top: 10, bottom: 10, left: SIDE, right: SIDE }}
            accessibilityLayer={false}
            className="brug-chart-svg brug-flows"
            link={{ className: 'brug-flow-link' }}
            node={({ x, y, width, height: h, payload }) => {
              const n = payload as unknown as FlowNode;
              const left = n.side === 'payer';
              return (
                <Layer key={`${n.side}-${n.name}`}>
                  <rect
                    x={x}
                    y={y}
                    width={width}
                    height={h}
                    className="brug-flow-node"
                    data-domain={n.name}
                  />
                  <text
                    x={left ? x - 6 : x + width + 6}
                    y={y + h / 2 + 4}
                    textAnchor={left ? 'end' : 'start'}
                    className="brug-chart-label"
                  >
                    {label(n)}
                  </text>
                </Layer>
              );
            }}
          />
        </div>
      </div>
      <Figure.Caption className="ams-mb-s">{sayFunding(t, 'flowsCaption')}</Figure.Caption>
      <FlowsTable flows={flows} />
    </Figure>
  );
}

/** The flows as a table: payer, beneficiary, committed and disbursed, largest first, a total. */
function FlowsTable({ flows }: { flows: FundingFlows }) {
  const { t } = useTranslation();
  const domainName = useDomainNames();
  const rows = [...flows.flows].sort(
    (a, b) =>
      b.committedCents - a.committedCents ||
      a.payer.localeCompare(b.payer) ||
      a.beneficiary.localeCompare(b.beneficiary),
  );
  return (
    <TableRegion label={sayFunding(t, 'flowsTableTitle')}>
      <Table data-testid="funding-flows-table">
        <Table.Caption className="ams-visually-hidden">
          {sayFunding(t, 'flowsTableTitle')}
        </Table.Caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{sayFunding(t, 'flowsPayer')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{sayFunding(t, 'flowsBeneficiary')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" align="end">
              {sayFunding(t, 'flowsCommitted')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" align="end">
              {sayFunding(t, 'flowsDisbursed')}
            </Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((f) => (
            <Table.Row
              key={`${f.payer}>${f.beneficiary}`}
              data-flow={`${f.payer}>${f.beneficiary}`}
            >
              <Table.HeaderCell scope="row">{domainName(f.payer)}</Table.HeaderCell>
              <Table.Cell>{domainName(f.beneficiary)}</Table.Cell>
              <Table.Cell align="end">{formatEuro(f.committedCents)}</Table.Cell>
              <Table.Cell align="end">{formatEuro(f.disbursedCents)}</Table.Cell>
            </Table.Row>
          ))}
          <Table.Row>
            <Table.HeaderCell scope="row" colSpan={2}>
              {sayFunding(t, 'flowsTotal')}
            </Table.HeaderCell>
            <Table.Cell align="end">{formatEuro(flows.committedCents)}</Table.Cell>
            <Table.Cell align="end">{formatEuro(flows.disbursedCents)}</Table.Cell>
          </Table.Row>
        </Table.Body>
      </Table>
    </TableRegion>
  );
}
