import { splitByShares } from './benefit-calculator';
import { WHOLE_SHARE_BP } from './entities/benefit-share.entity';
import { euros } from './ledger-calculator';

/** The OCDS version the export follows, and the extension it declares. */
export const OCDS_VERSION = '1.1';
export const BUDGET_BREAKDOWN_EXTENSION =
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_budget_breakdown_extension/master/extension.json';
/**
 * Brug's own extension for the benefit shares (issue 18, item 8), served with the web UI from
 * `web/public/ocds/benefit-shares/` at the service's public address.
 */
export const benefitSharesExtension = (publicUrl: string): string =>
  `${publicUrl}/ocds/benefit-shares/extension.json`;

/** One case as the export query reads it (see FundingReader.ocds). */
export interface OcdsCaseRow {
  id: string;
  reference: string;
  title: string;
  description: string;
  tender_reference: string | null;
  estimated_value_cents: string;
  status: string;
  organisation_unit_id: string;
  outcome_summary: string | null;
  outcome_supplier_name: string | null;
  outcome_awarded_value_cents: string | null;
  closed_at: Date | null;
  changed_at: Date;
  version: number;
  entries: string;
  /** The paying domains, by code, from SQL (json). */
  funders: {
    domainCode: string;
    committedCents: number;
    pledgedCents: number;
    budgetLines: string | null;
  }[];
  /** Committed over all the case's domains (bigint text): the cost basis when above 0. */
  committed_cents: string;
  /** The benefit shares in force (the default: the lead 10,000), lead first, then by code. */
  shares: { domainCode: string; basisPoints: number; answer: 'agreed' | 'disputed' | null }[];
  /** How often the shares were set (0: the default holds). */
  shares_version: number;
  /** How many of the shares in force were answered. */
  share_answers: number;
}

export interface OcdsContext {
  ocidPrefix: string;
  /** The address of this export, with its filters. */
  packageUri: string;
  publisherUri: string;
  domainName: (code: string) => string;
  unitName: (id: string) => string;
  /** When nothing is exported: the package's date. */
  now: Date;
}

interface Value {
  amount: number;
  currency: 'EUR';
}
interface OrganizationReference {
  id: string;
  name: string;
}
interface Party extends OrganizationReference {
  roles: string[];
}
interface BenefitShare {
  id: string;
  beneficiary: OrganizationReference;
  share: number;
  fairShare: Value;
  agreement: 'agreed' | 'disputed' | null;
}
interface BudgetBreakdown {
  id: string;
  description: string;
  amount: Value;
  sourceParty: OrganizationReference;
}
export interface OcdsRelease {
  ocid: string;
  id: string;
  date: string;
  tag: string[];
  initiationType: 'tender';
  language: string;
  parties: Party[];
  buyer: OrganizationReference;
  planning: {
    budget: {
      id: string;
      description: string;
      amount: Value;
      budgetBreakdown?: BudgetBreakdown[];
      benefitShares?: BenefitShare[];
    };
  };
  tender: { id: string; title: string; description: string };
  awards?: {
    id: string;
    description: string;
    status: 'active';
    date: string | null;
    value: Value;
    suppliers: OrganizationReference[];
  }[];
}
export interface OcdsReleasePackage {
  uri: string;
  version: string;
  extensions: string[];
  publishedDate: string;
  publisher: { name: string; uri: string };
  releases: OcdsRelease[];
}

/** OCDS amounts are numbers in the currency's unit; Brug keeps cents. */
const eur = (cents: number): Value => ({ amount: cents / 100, currency: 'EUR' });

/** Party ids, stable across exports. */
export const partyIds = {
  unit: (id: string) => `brug-unit-${id}`,
  domain: (code: string) => `brug-domain-${code}`,
  supplier: (caseId: string) => `brug-supplier-${caseId}`,
};

/** One release per case: the case as a contracting process in its planning stage. */
export function toRelease(row: OcdsCaseRow, ctx: OcdsContext): OcdsRelease {
  const buyer = {
    id: partyIds.unit(row.organisation_unit_id),
    name: ctx.unitName(row.organisation_unit_id),
  };
  const funders = row.funders.map((f) => ({
    ...f,
    party: { id: partyIds.domain(f.domainCode), name: ctx.domainName(f.domainCode) },
  }));
  const resolved = row.status === 'resolved' && row.outcome_supplier_name !== null;
  const supplier = resolved
    ? { id: partyIds.supplier(row.id), name: row.outcome_supplier_name ?? '' }
    : null;
  const benefit = benefitSharesOf(row, ctx);
  // A domain that funds and benefits is one party with the roles of both.
  const domainRoles = new Map<string, { ref: OrganizationReference; roles: string[] }>();
  for (const f of funders)
    domainRoles.set(f.party.id, { ref: f.party, roles: ['funder', 'sourceParty'] });
  for (const b of benefit) {
    const known = domainRoles.get(b.beneficiary.id);
    if (known) known.roles.push('beneficiary');
    else domainRoles.set(b.beneficiary.id, { ref: b.beneficiary, roles: ['beneficiary'] });
  }
  return {
    ocid: `${ctx.ocidPrefix}-${row.reference}`,
    // A new release id whenever the case, its funding or its benefit shares changed.
    id:
      `${row.reference}-${row.version}.${row.entries}` +
      (row.shares_version > 0 ? `.${row.shares_version}.${row.share_answers}` : ''),
    date: row.changed_at.toISOString(),
    tag: resolved ? ['planning', 'award'] : ['planning'],
    initiationType: 'tender',
    language: 'nl',
    parties: [
      { ...buyer, roles: ['buyer'] },
      ...[...domainRoles.values()].map((d) => ({ ...d.ref, roles: d.roles })),
      ...(supplier ? [{ ...supplier, roles: ['supplier'] }] : []),
    ],
    buyer,
    planning: {
      budget: {
        id: row.reference,
        description:
          'The estimated value of the case, broken down by the policy domains that fund it (committed and pledged).',
        amount: eur(Number(row.estimated_value_cents)),
        // The extension requires at least one entry: left out when no domain pays yet.
        ...(funders.length
          ? {
              budgetBreakdown: funders.map((f) => ({
                id: f.domainCode,
                description:
                  `${f.party.name}: committed ${euros(f.committedCents)}, pledged ${euros(f.pledgedCents)}` +
                  (f.budgetLines ? ` (kostenplaats ${f.budgetLines})` : ''),
                amount: eur(f.committedCents + f.pledgedCents),
                sourceParty: f.party,
              })),
            }
          : {}),
        // Brug's Benefit Shares extension: who benefits, beside who pays.
        ...(benefit.length ? { benefitShares: benefit } : {}),
      },
    },
    tender: {
      id: row.tender_reference ?? row.reference,
      title: row.title,
      description: row.description,
    },
    ...(supplier
      ? {
          awards: [
            {
              id: `${row.reference}-award`,
              description: row.outcome_summary ?? '',
              status: 'active' as const,
              date: row.closed_at?.toISOString() ?? null,
              value: eur(Number(row.outcome_awarded_value_cents ?? 0)),
              suppliers: [supplier],
            },
          ],
        }
      : {}),
  };
}

export function toReleasePackage(rows: OcdsCaseRow[], ctx: OcdsContext): OcdsReleasePackage {
  const releases = rows.map((row) => toRelease(row, ctx));
  const latest = rows.reduce<Date | null>(
    (max, r) => (max === null || r.changed_at > max ? r.changed_at : max),
    null,
  );
  return {
    uri: ctx.packageUri,
    version: OCDS_VERSION,
    extensions: [BUDGET_BREAKDOWN_EXTENSION, benefitSharesExtension(ctx.publisherUri)],
    publishedDate: (latest ?? ctx.now).toISOString(),
    publisher: { name: 'Brug (Gemeente Amsterdam en MeentCoop)', uri: ctx.publisherUri },
    releases,
  };
}

/**
 * The benefit shares of a case for the extension: each domain with a share above 0, its share as
 * a fraction, and its fair share of the cost basis (as on the case's funding: largest remainder
 * over the shares in their order, so the fair shares add up to the cost basis).
 */
function benefitSharesOf(row: OcdsCaseRow, ctx: OcdsContext): BenefitShare[] {
  const committed = Number(row.committed_cents);
  const cents = splitByShares(
    committed > 0 ? committed : Number(row.estimated_value_cents),
    row.shares,
  );
  return row.shares
    .filter((s) => s.basisPoints > 0)
    .map((s) => ({
      id: s.domainCode,
      beneficiary: { id: partyIds.domain(s.domainCode), name: ctx.domainName(s.domainCode) },
      share: s.basisPoints / WHOLE_SHARE_BP,
      fairShare: eur(cents.get(s.domainCode) ?? 0),
      agreement: s.answer,
    }));
}
