import { firstMatch, ruleMatches, type RoutingCondition, type RoutingFacts } from './routing-rules';

const rule = (over: Partial<RoutingCondition>): RoutingCondition => ({
  name: 'r',
  position: 10,
  active: true,
  leadDomains: [],
  anyDomains: [],
  minValueCents: null,
  maxValueCents: null,
  priorities: [],
  teamId: 't',
  ...over,
});
const facts: RoutingFacts = {
  leadDomain: 'energy',
  domains: ['energy', 'housing', 'care'],
  estimatedValueCents: 120_000_000,
  priority: 'high',
};

describe('routing rules', () => {
  it('matches on the lead domain, any touched domain, a value range and priority', () => {
    expect(ruleMatches(rule({}), facts)).toBe(true);
    expect(ruleMatches(rule({ leadDomains: ['energy'] }), facts)).toBe(true);
    expect(ruleMatches(rule({ leadDomains: ['housing'] }), facts)).toBe(false);
    expect(ruleMatches(rule({ anyDomains: ['care', 'food'] }), facts)).toBe(true);
    expect(ruleMatches(rule({ anyDomains: ['food'] }), facts)).toBe(false);
    expect(ruleMatches(rule({ minValueCents: 100_000_000 }), facts)).toBe(true);
    expect(ruleMatches(rule({ minValueCents: 200_000_000 }), facts)).toBe(false);
    expect(ruleMatches(rule({ maxValueCents: 120_000_000 }), facts)).toBe(true);
    expect(ruleMatches(rule({ maxValueCents: 1 }), facts)).toBe(false);
    expect(ruleMatches(rule({ priorities: ['high', 'urgent'] }), facts)).toBe(true);
    expect(ruleMatches(rule({ priorities: ['low'] }), facts)).toBe(false);
    expect(ruleMatches(rule({ active: false }), facts)).toBe(false);
    expect(ruleMatches(rule({ leadDomains: ['energy'], priorities: ['low'] }), facts)).toBe(false);
  });

  it('takes the first matching rule by position', () => {
    const rules = [
      rule({ id: 'c', position: 30, teamId: 'general' }),
      rule({ id: 'b', position: 20, leadDomains: ['energy'], teamId: 'energy' }),
      rule({
        id: 'a',
        position: 10,
        leadDomains: ['energy'],
        minValueCents: 10 ** 12,
        teamId: 'big',
      }),
    ];
    expect(firstMatch(rules, facts)?.teamId).toBe('energy');
    expect(firstMatch(rules, { ...facts, estimatedValueCents: 10 ** 12 })?.teamId).toBe('big');
    expect(firstMatch(rules, { ...facts, leadDomain: 'food' })?.teamId).toBe('general');
    expect(firstMatch([], facts)).toBeUndefined();
  });
});
