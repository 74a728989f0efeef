import { canonicalJson } from '../../src/audit/canonical-json';
import type { AuditEventContent } from '../../src/audit/hash-chain';
import { dataHashOf } from '../../src/audit/leaf';
import { applyEntry, type Balance } from '../../src/funding/ledger-calculator';
import type { Person, World } from './world';

/**
 * Deterministic synthetic data: everything about case i follows from i alone (its own random
 * stream), so cases can be generated in any order, in parts, and looked up again later (an
 * audit event names case i's id without anyone keeping a million ids).
 */

// ---- randomness

function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: small, fast, good enough for test data. */
export class Rng {
  private s: number;

  constructor(seed: number) {
    this.s = seed >>> 0;
  }

  static for(index: number, stream: number): Rng {
    return new Rng(mix(index, stream));
  }

  u32(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  next(): number {
    return this.u32() / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  uuid(): string {
    const hex = (n: number): string => n.toString(16).padStart(8, '0');
    const a = hex(this.u32());
    const b = hex(this.u32());
    const c = hex(this.u32());
    const d = hex(this.u32());
    const variant = ((parseInt(c[0]!, 16) & 3) | 8).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
  }
}

/** Draws from weighted choices (weights need not sum to 1). */
export class Weighted<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(readonly items: readonly (readonly [T, number])[]) {
    let sum = 0;
    for (const [, w] of items) this.cumulative.push((sum += w));
    this.total = sum;
  }

  draw(rng: Rng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]![0];
  }
}

const zipf = <T>(items: readonly T[], s = 1): Weighted<T> =>
  new Weighted(items.map((item, i) => [item, 1 / Math.pow(i + 1, s)] as const));

// ---- Dutch procurement text

const HEAD_NOUNS = [
  'zonnepanelen',
  'warmtepompen',
  'isolatie',
  'schoolmaaltijden',
  'kledinginzameling',
  'deelfietsen',
  'laadpalen',
  'buurtzorg',
  'groendaken',
  'wijkwarmte',
  'voedselbanken',
  'repaircafés',
  'taalcursussen',
  'huiswerkbegeleiding',
  'schuldhulpverlening',
  'energiecoaches',
  'tiny houses',
  'bouwmaterialen',
  'regenwateropvang',
  'stadslandbouw',
  'mantelzorg',
  'wooncoöperaties',
  'speeltuinen',
  'buurtbussen',
  'afvalscheiding',
  'kringloopwinkels',
  'textielrecycling',
  'koelcellen',
  'moestuinen',
  'sportvelden',
];
const PREFIXES = ['buurt', 'stads', 'wijk', 'energie', 'voedsel', 'zorg', 'school', 'fiets'];
const PREFIXES2 = ['water', 'groen', 'afval', 'textiel', 'deel', 'huur', 'spaar'];
const SUFFIXES = ['tuin', 'fonds', 'project', 'centrum', 'kring', 'netwerk', 'punt', 'winkel'];
const SUFFIXES2 = ['werkplaats', 'bank', 'platform', 'huis', 'regeling', 'loket'];
const NOUNS = [
  ...HEAD_NOUNS,
  ...[...PREFIXES, ...PREFIXES2].flatMap((p) => [...SUFFIXES, ...SUFFIXES2].map((s) => p + s)),
];
/** The most common object of a purchase; about one case in six is about it. */
export const COMMON_WORD = NOUNS[0]!;
/** A word about one case in two thousand mentions (the rare-search plan, ADR 8). */
export const RARE_WORD = 'zeewierkwekerij';
const RARE_RATE = 0.0005;

/** A word only one worked case in two thousand has, and only in a note (search, ADR 8). */
export const RARE_NOTE_WORD = 'kwelderbeheer';
const NOTE_OPENERS = [
  'Overleg gehad over',
  'Offerte gevraagd voor',
  'Bewoners vragen naar',
  'Planning besproken voor',
  'Budget nagevraagd voor',
];

/** Titles name their object on a Zipf curve; descriptions mention others more evenly. */
const nouns = zipf(NOUNS, 1);
const anyNoun = (rng: Rng): string => NOUNS[rng.int(NOUNS.length)]!;
const VERBS = [
  'Inkoop van',
  'Aanbesteding',
  'Levering van',
  'Onderhoud van',
  'Pilot met',
  'Raamcontract voor',
  'Inhuur voor',
  'Uitbreiding van',
];
const PLACES = [
  'buurthuis',
  'basisschool',
  'sporthal',
  'wooncomplex',
  'bibliotheek',
  'zorginstelling',
  'stadsdeelkantoor',
  'jongerencentrum',
  'volkstuinpark',
  'gemeentewerf',
];
const DISTRICTS = ['Centrum', 'Noord', 'Oost', 'West', 'Zuid', 'Nieuw-West', 'Zuidoost', 'Weesp'];
const SUPPLIERS = [
  'energiecoöperatie',
  'wooncoöperatie',
  'stichting',
  'sociale onderneming',
  'buurtbedrijf',
  'leverancier',
  'collectief',
];
const PARTNERS = ['huurders', 'scholen', 'buurtteams', 'ondernemers', 'zorgaanbieders'];
const ADJECTIVES = ['duurzame', 'betaalbare', 'circulaire', 'lokale', 'inclusieve', 'veilige'];

function title(rng: Rng): string {
  return `${rng.pick(VERBS)} ${nouns.draw(rng)} voor ${rng.pick(PLACES)} in ${rng.pick(DISTRICTS)}`;
}

function description(rng: Rng): string {
  const parts = [
    `De gemeente zoekt een ${rng.pick(SUPPLIERS)} voor ${anyNoun(rng)} in ${rng.pick(DISTRICTS)}.`,
    `Het gaat om ${2 + rng.int(40)} locaties met een looptijd van ${1 + rng.int(6)} jaar.`,
  ];
  if (rng.chance(0.7)) {
    parts.push(
      `Wij willen ${anyNoun(rng)} samen met bewoners en ${rng.pick(PARTNERS)} organiseren.`,
    );
  }
  if (rng.chance(0.6)) {
    parts.push(
      `Eisen: ${rng.pick(ADJECTIVES)} ${anyNoun(rng)}, social return en een ${rng.pick(ADJECTIVES)} aanpak.`,
    );
  }
  if (rng.chance(RARE_RATE)) parts.push(`Mogelijk in samenwerking met een ${RARE_WORD}.`);
  return parts.join(' ');
}

// ---- cases

const STAGES = new Weighted([
  ['planning', 40],
  ['tender', 25],
  ['award', 15],
  ['contract', 12],
  ['implementation', 8],
] as const);
const PRIORITIES = new Weighted([
  ['low', 15],
  ['normal', 60],
  ['high', 20],
  ['urgent', 5],
] as const);
const LEAD_WEIGHTS: Record<string, number> = {
  energy: 20,
  housing: 18,
  care: 14,
  food: 10,
  circular: 9,
  'energy-poverty': 8,
  mobility: 7,
  education: 6,
  community: 5,
  'solidarity-finance': 3,
};
const DOMAIN_COUNT = new Weighted([
  [1, 45],
  [2, 35],
  [3, 15],
  [4, 5],
] as const);
const SUPPLIER_TYPES = new Weighted([
  ['cooperative', 22],
  ['collective', 8],
  ['foundation_or_association', 15],
  ['social_enterprise', 12],
  ['private_company', 38],
  ['public_body', 5],
] as const);
/** Working days to accept and to propose per priority (Brug's seed), as calendar days. */
const SLA_DAYS: Record<string, [number, number]> = {
  urgent: [1.4, 7],
  high: [1.4, 14],
  normal: [2.8, 21],
  low: [7, 28],
};

type Status =
  | 'filed'
  | 'routed'
  | 'accepted'
  | 'in_progress'
  | 'proposed'
  | 'resolved'
  | 'declined'
  | 'withdrawn';

/** Where cases stand by age: young cases are open, old ones mostly closed, a tail lingers. */
const STATUS_BY_AGE: { maxDays: number; statuses: Weighted<Status> }[] = [
  {
    maxDays: 14,
    statuses: new Weighted<Status>([
      ['filed', 0.2],
      ['routed', 30],
      ['accepted', 25],
      ['in_progress', 25],
      ['proposed', 8],
      ['resolved', 4],
      ['declined', 4],
      ['withdrawn', 3],
    ]),
  },
  {
    maxDays: 90,
    statuses: new Weighted<Status>([
      ['routed', 2],
      ['accepted', 6],
      ['in_progress', 30],
      ['proposed', 17],
      ['resolved', 35],
      ['declined', 6],
      ['withdrawn', 4],
    ]),
  },
  {
    maxDays: Infinity,
    statuses: new Weighted<Status>([
      ['in_progress', 0.8],
      ['proposed', 0.4],
      ['resolved', 85],
      ['declined', 8],
      ['withdrawn', 5.8],
    ]),
  },
];
const CLOSED: ReadonlySet<Status> = new Set(['resolved', 'declined', 'withdrawn']);
/** The statuses a case passed through after routing, to reach its own. */
const STATUS_PATH: Record<Status, Status[]> = {
  filed: [],
  routed: [],
  accepted: ['accepted'],
  in_progress: ['accepted', 'in_progress'],
  proposed: ['accepted', 'in_progress', 'proposed'],
  resolved: ['accepted', 'in_progress', 'proposed', 'resolved'],
  declined: ['declined'],
  withdrawn: ['accepted', 'withdrawn'],
};
const DAY = 86_400_000;

export interface CaseRecord {
  index: number;
  id: string;
  reference: string;
  title: string;
  description: string;
  tenderReference: string | null;
  stage: string;
  estimatedValueCents: number;
  priority: string;
  deadline: string | null;
  status: Status;
  unitId: string;
  filedBy: Person;
  teamId: string | null;
  assigneeId: string | null;
  koppelId: string | null;
  routedAt: number | null;
  acceptBy: number | null;
  proposeBy: number | null;
  slaBreached: string[];
  proposal: string | null;
  outcome: { summary: string; supplier: string; type: string; awardedCents: number } | null;
  closedAt: number | null;
  filedAt: number;
  updatedAt: number;
  version: number;
  domains: { code: string; role: 'lead' | 'affected' }[];
}

/** COPY text format: NULL as \N; our text holds no tabs, newlines or backslashes but JSON may. */
const esc = (v: string): string => (v.includes('\\') ? v.replace(/\\/g, '\\\\') : v);
const iso = (ms: number | null): string => (ms === null ? '\\N' : new Date(ms).toISOString());
const text = (v: string | null): string => (v === null ? '\\N' : esc(v));
const num = (v: number | null): string => (v === null ? '\\N' : String(v));
const arr = (v: string[]): string => `{${v.join(',')}}`;

export const CASE_COPY_COLUMNS = `id, reference, title, description, tender_reference, procurement_stage,
  estimated_value_cents, priority, deadline, status, organisation_unit_id, filed_by_id, team_id,
  assignee_id, koppel_meentcoop_id, routed_at, accept_by, propose_by, sla_breached, sla_warned,
  proposal, outcome_summary, outcome_supplier_name, outcome_supplier_type,
  outcome_awarded_value_cents, closed_at, filed_at, updated_at, version, koppel_municipal_id,
  buyer_name`;

/**
 * Cases 0 … total-1 in filing order, one every `stepMs` (about 340 a day: a million cases over
 * eight years), ending an hour ago. References count per (Amsterdam) year, as Brug numbers them.
 */
export class CaseFactory {
  readonly stepMs = DAY / 340;
  readonly endMs: number;
  readonly startMs: number;
  private readonly yearStart = new Map<number, number>();
  private readonly leads: Weighted<string>;
  private readonly unitWeights: Weighted<World['municipalUnits'][number]>;
  private readonly teamsById: Map<string, World['teams'][number]>;

  constructor(
    private readonly world: World,
    readonly total: number,
    readonly nowMs: number,
  ) {
    this.endMs = nowMs - 3600_000;
    this.startMs = this.endMs - total * this.stepMs;
    this.leads = new Weighted(world.domains.map((d) => [d, LEAD_WEIGHTS[d] ?? 2] as const));
    this.unitWeights = zipf(world.municipalUnits, 0.8);
    this.teamsById = new Map(world.teams.map((t) => [t.id, t]));
    const first = this.yearOf(this.filedAt(0));
    const last = this.yearOf(this.filedAt(total - 1));
    for (let y = first; y <= last; y++)
      this.yearStart.set(y, this.firstIndexAtOrAfter(yearBoundary(y)));
  }

  /** When case i was filed (ms); strictly increasing in i. */
  filedAt(i: number): number {
    const jitter = Rng.for(i, 3).next() * 0.9;
    return Math.round(this.startMs + (i + jitter) * this.stepMs);
  }

  id(i: number): string {
    return Rng.for(i, 1).uuid();
  }

  yearOf(ms: number): number {
    const y = new Date(ms).getUTCFullYear();
    return ms >= yearBoundary(y + 1) ? y + 1 : y;
  }

  /** The last reference number used per year, for the reference sequences. */
  lastNumbers(): Map<number, number> {
    const out = new Map<number, number>();
    const years = [...this.yearStart.keys()].sort();
    years.forEach((y, k) => {
      const next = years[k + 1];
      const end = next === undefined ? this.total : this.yearStart.get(next)!;
      out.set(y, end - this.yearStart.get(y)!);
    });
    return out;
  }

  private firstIndexAtOrAfter(ms: number): number {
    let lo = 0;
    let hi = this.total;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.filedAt(mid) >= ms) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  make(i: number): CaseRecord {
    const rng = Rng.for(i, 2);
    const filedAt = this.filedAt(i);
    const year = this.yearOf(filedAt);
    const n = i - this.yearStart.get(year)! + 1;
    const reference = `BRUG-${year}-${String(n).padStart(6, '0')}`;
    const ageDays = (this.nowMs - filedAt) / DAY;
    const status = STATUS_BY_AGE.find((b) => ageDays < b.maxDays)!.statuses.draw(rng);
    const priority = PRIORITIES.draw(rng);

    const lead = this.leads.draw(rng);
    const domains: CaseRecord['domains'] = [{ code: lead, role: 'lead' }];
    const count = DOMAIN_COUNT.draw(rng);
    for (let tries = 0; domains.length < count && tries < 20; tries++) {
      const code = this.leads.draw(rng);
      if (!domains.some((d) => d.code === code)) domains.push({ code, role: 'affected' });
    }

    const unit = this.unitWeights.draw(rng);
    const filedBy = rng.pick(unit.buyers);
    const value = Math.round(Math.exp(Math.log(5_000_00) + rng.next() * Math.log(1000)));
    const deadline = rng.chance(0.6)
      ? new Date(filedAt + (30 + rng.int(150)) * DAY).toISOString().slice(0, 10)
      : null;
    const tenderReference = rng.chance(0.3)
      ? `AMS-${year}-${String(rng.int(100000)).padStart(5, '0')}`
      : null;

    let teamId: string | null = null;
    let koppelId: string | null = null;
    let assigneeId: string | null = null;
    let routedAt: number | null = null;
    let acceptBy: number | null = null;
    let proposeBy: number | null = null;
    const slaBreached: string[] = [];
    let version = 1;
    if (status !== 'filed') {
      teamId = this.world.teamForLead.get(lead) ?? this.world.intakeTeamId;
      const team = this.teamsById.get(teamId)!;
      const pool = CLOSED.has(status) || ageDays > 90 ? team.staff : team.activeStaff;
      koppelId = rng.pick(pool).id;
      routedAt = filedAt + 200 + rng.int(1500);
      const [acceptDays, proposeDays] = SLA_DAYS[priority]!;
      acceptBy = routedAt + acceptDays * DAY;
      proposeBy = routedAt + proposeDays * DAY;
      version = 2;
      if (status !== 'routed' && status !== 'declined' && status !== 'withdrawn') {
        assigneeId = rng.pick(pool).id;
        version += 2;
      }
      if (status === 'routed' && acceptBy < this.nowMs) slaBreached.push('accept');
      if ((status === 'accepted' || status === 'in_progress') && proposeBy < this.nowMs) {
        slaBreached.push('propose');
      }
      if (CLOSED.has(status) && rng.chance(0.1)) slaBreached.push('propose');
    }
    const closedAt = CLOSED.has(status)
      ? filedAt + rng.next() * Math.min(ageDays, 120) * DAY
      : null;
    const proposal =
      status === 'proposed' || status === 'resolved'
        ? `Voorstel: een ${rng.pick(SUPPLIERS)} levert ${nouns.draw(rng)} via een raamcontract.`
        : null;
    const outcome =
      status === 'resolved'
        ? {
            summary: `Gegund aan een ${rng.pick(SUPPLIERS)} voor ${nouns.draw(rng)}.`,
            supplier: `${rng.pick(['Coöperatie', 'Stichting', 'BV', 'Collectief'])} ${rng.pick(DISTRICTS)} ${1 + rng.int(300)}`,
            type: SUPPLIER_TYPES.draw(rng),
            awardedCents: Math.round(value * (0.6 + rng.next() * 0.6)),
          }
        : null;
    if (status === 'proposed') version += 1;
    if (CLOSED.has(status)) version += 2;
    const updatedAt = Math.round(closedAt ?? Math.min(this.nowMs, filedAt + rng.next() * 10 * DAY));

    return {
      index: i,
      id: this.id(i),
      reference,
      title: title(rng),
      description: description(rng),
      tenderReference,
      stage: STAGES.draw(rng),
      estimatedValueCents: value,
      priority,
      deadline,
      status,
      unitId: unit.id,
      filedBy,
      teamId,
      assigneeId,
      koppelId,
      routedAt,
      acceptBy,
      proposeBy,
      slaBreached,
      proposal,
      outcome,
      closedAt: closedAt === null ? null : Math.round(closedAt),
      filedAt,
      updatedAt,
      version,
      domains,
    };
  }

  /** One line of `COPY cases (CASE_COPY_COLUMNS)` in text format. */
  static caseLine(c: CaseRecord): string {
    return (
      [
        c.id,
        c.reference,
        esc(c.title),
        esc(c.description),
        text(c.tenderReference),
        c.stage,
        String(c.estimatedValueCents),
        c.priority,
        text(c.deadline),
        c.status,
        c.unitId,
        c.filedBy.id,
        text(c.teamId),
        text(c.assigneeId),
        text(c.koppelId),
        iso(c.routedAt),
        iso(c.acceptBy),
        iso(c.proposeBy),
        arr(c.slaBreached),
        '{}',
        text(c.proposal),
        text(c.outcome?.summary ?? null),
        text(c.outcome?.supplier ?? null),
        text(c.outcome?.type ?? null),
        num(c.outcome?.awardedCents ?? null),
        iso(c.closedAt),
        iso(c.filedAt),
        iso(c.updatedAt),
        String(c.version),
        // The bulk load runs without triggers: what they would fill is written here.
        c.filedBy.id,
        esc(c.filedBy.name),
      ].join('\t') + '\n'
    );
  }

  /**
   * The notes on a worked case (0 to 2, by its koppel, half of them shared), from a random
   * stream of their own: the cases stay what they were without notes.
   */
  static noteLines(c: CaseRecord, nowMs: number): string {
    if (c.koppelId === null || c.routedAt === null) return '';
    const rng = Rng.for(c.index, 9);
    let out = '';
    // Each note's id from a stream of its own (case, ordinal): ids drawn from one case's stream
    // run into other cases' streams at a million cases (mulberry32's state only steps).
    for (let k = rng.int(3); k > 0; k--) {
      const rare = rng.chance(RARE_RATE) ? ` Zie ook het ${RARE_NOTE_WORD}.` : '';
      const body = `${rng.pick(NOTE_OPENERS)} ${anyNoun(rng)} met een ${rng.pick(SUPPLIERS)}.${rare}`;
      const at = Math.min(nowMs, c.routedAt + rng.next() * 20 * DAY);
      out += `${Rng.for(c.index * 4 + k, 9).uuid()}\t${c.id}\t${c.koppelId}\t${esc(body)}\t${rng.chance(0.5) ? 'shared' : 'internal'}\t${iso(at)}\n`;
    }
    return out;
  }

  /**
   * The case's status history (`case_status_changes`), as far as its status got: filed, routed,
   * accepted, in progress, proposed, and resolved, declined or withdrawn at its closing; the
   * steps after routing spread over the time until it closed (or until now, at most 60 days),
   * from a random stream of their own. What the management report's stage medians read.
   */
  static statusLines(c: CaseRecord, nowMs: number): string {
    const line = (from: string | null, to: string, role: string, at: number) =>
      `${c.id}\t${from ?? '\\N'}\t${to}\t${role}\t${role === 'buyer' ? c.filedBy.name : 'MeentCoop'}\t${iso(Math.round(at))}\n`;
    let out = line(null, 'filed', 'buyer', c.filedAt);
    if (c.routedAt === null) return out;
    out += line('filed', 'routed', 'system', c.routedAt);
    const path = STATUS_PATH[c.status];
    const end = Math.max(c.routedAt, c.closedAt ?? Math.min(nowMs, c.routedAt + 60 * DAY));
    const rng = Rng.for(c.index, 10);
    let at = c.routedAt;
    let from = 'routed';
    for (const [k, to] of path.entries()) {
      const last = k === path.length - 1;
      at = last && c.closedAt !== null ? end : at + (end - at) * (0.2 + 0.5 * rng.next());
      out += line(from, to, to === 'resolved' || to === 'withdrawn' ? 'buyer' : 'staff', at);
      from = to;
    }
    return out;
  }

  static domainLines(c: CaseRecord): string {
    let out = '';
    for (const d of c.domains) out += `${c.id}\t${d.code}\t${d.role}\n`;
    return out;
  }
}

/** 1 January, 00:00 in Amsterdam (always CET, UTC+1), in ms. */
function yearBoundary(year: number): number {
  return Date.UTC(year, 0, 1) - 3600_000;
}

// ---- the funding ledger

export const FUNDING_COPY_COLUMNS = `id, case_id, domain_code, kind, release_from, amount_cents,
  pledge_converted_cents, budget_line, note, actor_id, actor_role, actor_name, recorded_at`;

/**
 * The ledger entries of one case, `perCase` of them, each checked and shaped by Brug's own rules
 * (`applyEntry`): a commitment records the pledge it converts, nothing goes below zero, nothing
 * is disbursed beyond what is committed. The lead domain carries most of the money; some
 * affected domains pay nothing (the "non-paying domains" the views look for).
 */
export function fundingLines(world: World, c: CaseRecord, perCase: number, nowMs: number): string {
  const rng = Rng.for(c.index, 4);
  const paying = c.domains.filter((d, k) => k === 0 || rng.chance(0.5));
  const balances = new Map<string, Balance>(
    paying.map((d) => [d.code, { pledgedCents: 0, committedCents: 0, disbursedCents: 0 }]),
  );
  const holderFor = (domain: string): Person =>
    world.budgetHolders.find((h) => h.domains.includes(domain)) ?? world.admin;
  const share = Math.max(1, Math.round(c.estimatedValueCents / paying.length));
  const end = c.closedAt ?? nowMs - 60_000;
  let out = '';
  for (let k = 0; k < perCase; k++) {
    const domain = k < paying.length ? paying[k]! : paying[rng.int(paying.length)]!;
    const balance = balances.get(domain.code)!;
    const roll = rng.next();
    let kind: 'pledge' | 'commit' | 'disburse' | 'release' = 'pledge';
    let releaseFrom: 'pledge' | 'commitment' | null = null;
    let amount = Math.max(1, Math.round(share * (0.05 + rng.next() * 0.3)));
    if (balance.pledgedCents + balance.committedCents > 0) {
      if (roll < 0.3) kind = 'commit';
      else if (roll < 0.55 && balance.committedCents > balance.disbursedCents) {
        kind = 'disburse';
        amount = Math.max(
          1,
          Math.round((balance.committedCents - balance.disbursedCents) * (0.2 + rng.next() * 0.6)),
        );
      } else if (roll < 0.65 && balance.pledgedCents > 0) {
        kind = 'release';
        releaseFrom = 'pledge';
        amount = Math.max(1, Math.round(balance.pledgedCents * rng.next() * 0.5));
      } else if (roll < 0.7 && balance.committedCents > balance.disbursedCents) {
        kind = 'release';
        releaseFrom = 'commitment';
        amount = Math.max(
          1,
          Math.round((balance.committedCents - balance.disbursedCents) * rng.next() * 0.3),
        );
      }
    }
    let applied = applyEntry(balance, { kind, amountCents: amount, releaseFrom });
    if (!applied.ok) {
      kind = 'pledge';
      releaseFrom = null;
      applied = applyEntry(balance, { kind, amountCents: amount, releaseFrom });
    }
    if (!applied.ok) throw new Error(`Generated an invalid ledger entry: ${applied.reason}`);
    balances.set(domain.code, applied.balance);
    const actor =
      kind === 'pledge'
        ? rng.chance(0.5)
          ? c.filedBy
          : holderFor(domain.code)
        : holderFor(domain.code);
    const at = c.filedAt + ((end - c.filedAt) * (k + 1)) / (perCase + 1);
    out +=
      [
        Rng.for(c.index * 64 + k, 5).uuid(),
        c.id,
        domain.code,
        kind,
        text(releaseFrom),
        String(amount),
        String(applied.pledgeConvertedCents),
        rng.chance(0.6) ? `BL-${domain.code}-${2020 + rng.int(7)}` : '\\N',
        rng.chance(0.3) ? 'Volgens besluit van het dagelijks bestuur' : '\\N',
        actor.id,
        actor.role,
        esc(actor.name),
        iso(Math.round(at)),
      ].join('\t') + '\n';
  }
  return out;
}

// ---- the audit trail

/** As Brug's writer inserts an event since issue 15: no sequence number given, no chain. */
export const AUDIT_COPY_COLUMNS = `occurred_at, actor_id, actor_role, actor_name, action,
  subject_type, subject_id, case_id, data, data_hash`;

const ACTIONS = new Weighted([
  ['case.filed', 18],
  ['case.routed', 18],
  ['case.transitioned', 34],
  ['note.added', 12],
  ['case.updated', 7],
  ['case.assigned', 6],
  ['funding.entry_recorded', 5],
] as const);
const SYSTEM = { id: null, role: 'system', name: 'Brug' };

/**
 * Audit events continuing a chain: event j is about a case filed around the same time, with the
 * data its action records in Brug. Returns the event's COPY line and its hash.
 */
export class AuditFactory {
  private readonly staff: Person[];
  private readonly holders: Person[];

  constructor(
    private readonly world: World,
    private readonly cases: CaseFactory,
    private readonly count: number,
  ) {
    this.staff = world.teams.flatMap((t) => t.activeStaff);
    this.holders = world.budgetHolders.length ? world.budgetHolders : [world.admin];
  }

  content(j: number, seq: number): AuditEventContent {
    const rng = Rng.for(j, 6);
    const k = Math.min(this.cases.total - 1, Math.floor((j / this.count) * this.cases.total));
    const caseId = this.cases.id(k);
    const occurredAt = new Date(this.cases.filedAt(k) + rng.int(5 * DAY)).toISOString();
    const action = ACTIONS.draw(rng);
    let actor: { id: string | null; role: string; name: string } = rng.pick(this.staff);
    let subjectType = 'case';
    let subjectId = caseId;
    let data: Record<string, unknown>;
    switch (action) {
      case 'case.filed': {
        actor = rng.pick(rng.pick(this.world.municipalUnits).buyers);
        data = {
          reference: `BRUG-${occurredAt.slice(0, 4)}-${String(1 + rng.int(999999)).padStart(6, '0')}`,
          title: title(rng),
          description: description(rng),
          tenderReference: null,
          procurementStage: 'planning',
          estimatedValueCents: 500_000 + rng.int(500_000_000),
          priority: PRIORITIES.draw(rng),
          deadline: null,
          organisationUnitId: rng.pick(this.world.municipalUnits).id,
          domains: [{ code: rng.pick(this.world.domains), role: 'lead' }],
          to: 'filed',
        };
        break;
      }
      case 'case.routed': {
        actor = SYSTEM;
        const team = rng.pick(this.world.teams);
        data = {
          from: 'filed',
          to: 'routed',
          teamId: team.id,
          koppelMeentcoopId: rng.pick(team.activeStaff).id,
          acceptBy: new Date(Date.parse(occurredAt) + 2 * DAY).toISOString(),
          proposeBy: new Date(Date.parse(occurredAt) + 21 * DAY).toISOString(),
          rule: team.code,
        };
        break;
      }
      case 'case.transitioned': {
        const [from, to] = rng.pick([
          ['routed', 'accepted'],
          ['accepted', 'in_progress'],
          ['in_progress', 'proposed'],
          ['proposed', 'resolved'],
          ['routed', 'declined'],
        ] as const);
        data = { from, to, reason: to === 'declined' ? 'Buiten het bereik van MeentCoop' : null };
        if (to === 'proposed')
          data.proposal = `Een ${rng.pick(SUPPLIERS)} levert ${nouns.draw(rng)}.`;
        break;
      }
      case 'note.added':
        subjectType = 'note';
        subjectId = rng.uuid();
        data = {
          visibility: rng.chance(0.7) ? 'internal' : 'shared',
          body: `Gebeld met de ${rng.pick(SUPPLIERS)} over ${nouns.draw(rng)}; offerte volgt.`,
        };
        break;
      case 'case.updated':
        actor = rng.pick(rng.pick(this.world.municipalUnits).buyers);
        data = { changes: { title: { old: title(rng), new: title(rng) } } };
        break;
      case 'case.assigned':
        data = { from: null, to: rng.pick(this.staff).id };
        break;
      case 'funding.entry_recorded':
        actor = rng.pick(this.holders);
        subjectType = 'funding_entry';
        subjectId = rng.uuid();
        data = {
          domainCode: rng.pick(this.world.domains),
          kind: 'pledge',
          amountCents: 100_000 + rng.int(50_000_000),
          releaseFrom: null,
          budgetLine: null,
          pledgeConvertedCents: 0,
        };
        break;
    }
    return {
      seq,
      occurredAt,
      actorId: actor.id,
      actorRole: actor.role,
      actorName: actor.name,
      action,
      subjectType,
      subjectId,
      caseId,
      data,
    };
  }

  /**
   * The COPY line of event j as Brug's writer stores it (ADR 29): its canonical data and that
   * data's SHA-256 (Brug's own functions); `seq` comes from the table's sequence, the leaf
   * index from the sequencer.
   */
  line(j: number): string {
    const content = this.content(j, 0);
    const data = canonicalJson(content.data);
    return (
      [
        content.occurredAt,
        text(content.actorId),
        content.actorRole,
        esc(content.actorName),
        content.action,
        content.subjectType,
        content.subjectId,
        text(content.caseId),
        esc(data),
        dataHashOf(data),
      ].join('\t') + '\n'
    );
  }
}

// ---- filing requests

/** A request body for `POST /cases` (and the same case for the raw baseline). */
export interface FilingBody {
  title: string;
  description: string;
  procurementStage: string;
  estimatedValueCents: number;
  priority: string;
  domains: { code: string; role: 'lead' | 'affected' }[];
}

/** `count` varied filings: lead domains as often as in the history, so routing meets every team. */
export function filingBodies(world: World, count: number, seed: number): FilingBody[] {
  const rng = new Rng(seed);
  const leads = new Weighted(world.domains.map((d) => [d, LEAD_WEIGHTS[d] ?? 2] as const));
  return Array.from({ length: count }, () => {
    const lead = leads.draw(rng);
    const domains: FilingBody['domains'] = [{ code: lead, role: 'lead' }];
    const n = DOMAIN_COUNT.draw(rng);
    for (let tries = 0; domains.length < n && tries < 20; tries++) {
      const code = leads.draw(rng);
      if (!domains.some((d) => d.code === code)) domains.push({ code, role: 'affected' });
    }
    return {
      title: title(rng),
      description: description(rng),
      procurementStage: STAGES.draw(rng),
      estimatedValueCents: Math.round(Math.exp(Math.log(5_000_00) + rng.next() * Math.log(1000))),
      priority: PRIORITIES.draw(rng),
      domains,
    };
  });
}
