import {
  availableTransitions,
  CASE_STATUSES,
  CLOSED_STATUSES,
  findTransition,
  mayTake,
  raisePriority,
  TRANSITIONS,
} from './case-transitions';

describe('the case state machine', () => {
  it('has no transition out of a closed state', () => {
    for (const status of CLOSED_STATUSES) {
      expect(TRANSITIONS.filter((t) => t.from === status)).toEqual([]);
    }
  });

  it('lets only the system route a filed case', () => {
    const routing = findTransition('filed', 'routed')!;
    expect(mayTake(routing, { role: 'system', isFiler: false })).toBe(true);
    for (const role of ['buyer', 'staff', 'budget_holder', 'auditor', 'admin'] as const) {
      expect(mayTake(routing, { role, isFiler: true })).toBe(false);
    }
  });

  it('lets the buyer who filed, or an admin, withdraw any open case with a reason', () => {
    for (const from of CASE_STATUSES.filter((s) => !CLOSED_STATUSES.includes(s))) {
      const t = findTransition(from, 'withdrawn')!;
      expect(t.requires).toBe('reason');
      expect(mayTake(t, { role: 'buyer', isFiler: true })).toBe(true);
      expect(mayTake(t, { role: 'buyer', isFiler: false })).toBe(false);
      expect(mayTake(t, { role: 'admin', isFiler: false })).toBe(true);
      expect(mayTake(t, { role: 'staff', isFiler: false })).toBe(false);
    }
  });

  it('asks a reason to decline, a proposal to propose and an outcome to resolve', () => {
    expect(
      TRANSITIONS.filter((t) => t.to === 'declined').every((t) => t.requires === 'reason'),
    ).toBe(true);
    expect(findTransition('in_progress', 'proposed')?.requires).toBe('proposal');
    expect(findTransition('proposed', 'resolved')?.requires).toBe('outcome');
  });

  it('offers each role only its own next steps', () => {
    const staff = { role: 'staff' as const, isFiler: false };
    expect(availableTransitions('routed', staff).map((t) => t.to)).toEqual([
      'accepted',
      'declined',
    ]);
    expect(availableTransitions('proposed', staff)).toEqual([]);
    const buyer = { role: 'buyer' as const, isFiler: true };
    expect(
      availableTransitions('proposed', buyer)
        .map((t) => t.to)
        .sort(),
    ).toEqual(['in_progress', 'resolved', 'withdrawn'].sort());
    expect(availableTransitions('routed', { role: 'auditor', isFiler: false })).toEqual([]);
  });

  it('raises priority one step, up to urgent', () => {
    expect(raisePriority('low')).toBe('normal');
    expect(raisePriority('high')).toBe('urgent');
    expect(raisePriority('urgent')).toBe('urgent');
  });
});
