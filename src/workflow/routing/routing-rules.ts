/** What routing looks at: the facts of a filed case. */
export interface RoutingFacts {
  leadDomain: string | null;
  domains: string[];
  estimatedValueCents: number;
  priority: string;
}

/** A rule as the matcher needs it (the entity, or a seed, or a test fixture). */
export interface RoutingCondition {
  id?: string;
  name: string;
  position: number;
  active: boolean;
  leadDomains: string[];
  anyDomains: string[];
  minValueCents: number | null;
  maxValueCents: number | null;
  priorities: string[];
  teamId: string;
}

/** The conditions a rule can set, as the API names them. */
export const RULE_CONDITIONS = [
  'leadDomains',
  'anyDomains',
  'minValueCents',
  'maxValueCents',
  'priorities',
] as const;
export type RuleConditionName = (typeof RULE_CONDITIONS)[number];

/** The conditions of the rule that do not hold for the case (empty: every one holds). */
export function unmetConditions(rule: RoutingCondition, facts: RoutingFacts): RuleConditionName[] {
  const unmet: RuleConditionName[] = [];
  if (
    rule.leadDomains.length &&
    !(facts.leadDomain && rule.leadDomains.includes(facts.leadDomain))
  ) {
    unmet.push('leadDomains');
  }
  if (rule.anyDomains.length && !facts.domains.some((d) => rule.anyDomains.includes(d))) {
    unmet.push('anyDomains');
  }
  if (rule.minValueCents !== null && facts.estimatedValueCents < rule.minValueCents) {
    unmet.push('minValueCents');
  }
  if (rule.maxValueCents !== null && facts.estimatedValueCents > rule.maxValueCents) {
    unmet.push('maxValueCents');
  }
  if (rule.priorities.length && !rule.priorities.includes(facts.priority)) unmet.push('priorities');
  return unmet;
}

/** Whether every condition of the rule holds for the case; an empty condition holds always. */
export function ruleMatches(rule: RoutingCondition, facts: RoutingFacts): boolean {
  return rule.active && unmetConditions(rule, facts).length === 0;
}

/** The rules in the order routing tries them: by position, then id (a stable order). */
export function inRoutingOrder<T extends RoutingCondition>(rules: T[]): T[] {
  return [...rules].sort(
    (a, b) => a.position - b.position || (a.id ?? '').localeCompare(b.id ?? ''),
  );
}

/** The first matching rule by position (then id, for a stable order), or undefined. */
export function firstMatch<T extends RoutingCondition>(
  rules: T[],
  facts: RoutingFacts,
): T | undefined {
  return inRoutingOrder(rules).find((rule) => ruleMatches(rule, facts));
}

/** The team every case goes to when no rule matches. */
export const FALLBACK_TEAM_CODE = 'meentcoop-intake';

/** The rules Brug starts with, by team code. */
export const SEED_ROUTING_RULES: {
  name: string;
  position: number;
  leadDomains: string[];
  teamCode: string;
}[] = [
  {
    name: 'Energie en energiearmoede',
    position: 10,
    leadDomains: ['energy', 'energy-poverty'],
    teamCode: 'meentcoop-energy',
  },
  { name: 'Wonen', position: 20, leadDomains: ['housing'], teamCode: 'meentcoop-housing' },
  {
    name: 'Voedsel en circulair',
    position: 30,
    leadDomains: ['food', 'circular'],
    teamCode: 'meentcoop-food-circular',
  },
  { name: 'Zorg en welzijn', position: 40, leadDomains: ['care'], teamCode: 'meentcoop-care' },
];
