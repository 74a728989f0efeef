import fc from 'fast-check';
import type { Actor } from '../auth/roles';
import { FUNDING_KINDS, RELEASE_FROM } from './entities/funding-entry.entity';
import {
  applyEntry,
  euros,
  isPaying,
  refusalFor,
  ZERO_BALANCE,
  type Balance,
  type EntryIntent,
} from './ledger-calculator';

const EUR = 100;

/** Applies entries in order; fails the test on the first refusal. */
function run(entries: EntryIntent[], from: Balance = ZERO_BALANCE): Balance {
  let balance = from;
  for (const entry of entries) {
    const applied = applyEntry(balance, entry);
    if (!applied.ok) throw new Error(applied.reason);
    balance = applied.balance;
  }
  return balance;
}

describe('applyEntry', () => {
  it('follows the model case to the cent', () => {
    const energy = run([
      { kind: 'pledge', amountCents: 450_000 * EUR },
      { kind: 'commit', amountCents: 450_000 * EUR },
      { kind: 'disburse', amountCents: 100_000 * EUR },
    ]);
    expect(energy).toEqual({
      pledgedCents: 0,
      committedCents: 450_000 * EUR,
      disbursedCents: 100_000 * EUR,
    });
    const housing = run([
      { kind: 'pledge', amountCents: 200_000 * EUR },
      { kind: 'commit', amountCents: 150_000 * EUR },
      { kind: 'release', releaseFrom: 'pledge', amountCents: 50_000 * EUR },
    ]);
    expect(housing).toEqual({ pledgedCents: 0, committedCents: 150_000 * EUR, disbursedCents: 0 });
  });

  it('turns at most the open pledge into a commitment', () => {
    const applied = applyEntry(
      { ...ZERO_BALANCE, pledgedCents: 300 },
      {
        kind: 'commit',
        amountCents: 500,
      },
    );
    expect(applied).toEqual({
      ok: true,
      balance: { pledgedCents: 0, committedCents: 500, disbursedCents: 0 },
      pledgeConvertedCents: 300,
    });
    const partial = applyEntry(
      { ...ZERO_BALANCE, pledgedCents: 300 },
      {
        kind: 'commit',
        amountCents: 100,
      },
    );
    expect(partial).toMatchObject({ balance: { pledgedCents: 200 }, pledgeConvertedCents: 100 });
  });

  it('lets disbursed reach committed exactly, and not one cent more', () => {
    const committed: Balance = { pledgedCents: 0, committedCents: 1000, disbursedCents: 400 };
    expect(applyEntry(committed, { kind: 'disburse', amountCents: 600 }).ok).toBe(true);
    const refused = applyEntry(committed, { kind: 'disburse', amountCents: 601 });
    expect(refused).toEqual({
      ok: false,
      reason: expect.stringContaining('EUR 6.00'),
      rule: 'disburse_exceeds_committed',
      params: { amountCents: 601, committedCents: 1000, disbursedCents: 400, availableCents: 600 },
    });
  });

  it.each([
    [
      'a pledge beyond the open pledge',
      { kind: 'release', releaseFrom: 'pledge', amountCents: 101 },
    ],
    [
      'a commitment below disbursed',
      { kind: 'release', releaseFrom: 'commitment', amountCents: 151 },
    ],
  ] as const)('refuses releasing %s', (_, entry) => {
    const balance: Balance = { pledgedCents: 100, committedCents: 200, disbursedCents: 50 };
    const refused = applyEntry(balance, entry);
    expect(refused.ok).toBe(false);
  });

  it('releases exactly what is open', () => {
    const balance: Balance = { pledgedCents: 100, committedCents: 200, disbursedCents: 50 };
    expect(run([{ kind: 'release', releaseFrom: 'pledge', amountCents: 100 }], balance)).toEqual({
      ...balance,
      pledgedCents: 0,
    });
    expect(
      run([{ kind: 'release', releaseFrom: 'commitment', amountCents: 150 }], balance),
    ).toEqual({ ...balance, committedCents: 50 });
  });

  it.each([0, -1, 1.5, Number.NaN, 10_000_000_000_001])('refuses the amount %p', (amountCents) => {
    const refused = applyEntry(ZERO_BALANCE, { kind: 'pledge', amountCents });
    expect(refused.ok).toBe(false);
  });

  it('needs releaseFrom on a release and nowhere else', () => {
    expect(applyEntry(ZERO_BALANCE, { kind: 'release', amountCents: 1 }).ok).toBe(false);
    expect(
      applyEntry(ZERO_BALANCE, { kind: 'pledge', releaseFrom: 'pledge', amountCents: 1 }).ok,
    ).toBe(false);
  });

  /**
   * The balance as the database derives it: plain sums over the entries (ledger-sql.ts), with
   * each commit's recorded pledge conversion.
   */
  function sumsOf(entries: (EntryIntent & { pledgeConvertedCents: number })[]): Balance {
    const sum = (f: (e: EntryIntent & { pledgeConvertedCents: number }) => number) =>
      entries.reduce((total, e) => total + f(e), 0);
    return {
      pledgedCents: sum((e) =>
        e.kind === 'pledge'
          ? e.amountCents
          : e.kind === 'commit'
            ? -e.pledgeConvertedCents
            : e.kind === 'release' && e.releaseFrom === 'pledge'
              ? -e.amountCents
              : 0,
      ),
      committedCents: sum((e) =>
        e.kind === 'commit'
          ? e.amountCents
          : e.kind === 'release' && e.releaseFrom === 'commitment'
            ? -e.amountCents
            : 0,
      ),
      disbursedCents: sum((e) => (e.kind === 'disburse' ? e.amountCents : 0)),
    };
  }

  const intent: fc.Arbitrary<EntryIntent> = fc
    .record({
      kind: fc.constantFrom(...FUNDING_KINDS),
      releaseFrom: fc.constantFrom(...RELEASE_FROM),
      amountCents: fc.integer({ min: -5, max: 2_000 }),
    })
    .map((e) => (e.kind === 'release' ? e : { kind: e.kind, amountCents: e.amountCents }));

  it('never lets any sequence of entries break the invariants, and sums agree', () => {
    fc.assert(
      fc.property(fc.array(intent, { maxLength: 60 }), (intents) => {
        let balance: Balance = ZERO_BALANCE;
        const accepted: (EntryIntent & { pledgeConvertedCents: number })[] = [];
        for (const entry of intents) {
          const applied = applyEntry(balance, entry);
          if (!applied.ok) continue;
          balance = applied.balance;
          accepted.push({ ...entry, pledgeConvertedCents: applied.pledgeConvertedCents });
          expect(balance.pledgedCents).toBeGreaterThanOrEqual(0);
          expect(balance.disbursedCents).toBeGreaterThanOrEqual(0);
          expect(balance.committedCents).toBeGreaterThanOrEqual(balance.disbursedCents);
        }
        expect(sumsOf(accepted)).toEqual(balance);
      }),
      { numRuns: 500 },
    );
  });
});

describe('refusalFor', () => {
  const actor = (role: Actor['role'], domains: string[] = []) => ({ role, domains });
  const may = (
    who: ReturnType<typeof actor>,
    kind: EntryIntent['kind'],
    releaseFrom?: 'pledge' | 'commitment',
    domainCode = 'energy',
  ) => refusalFor(who, { kind, releaseFrom, domainCode }) === null;

  it('follows the table of architecture.md', () => {
    const table: [ReturnType<typeof actor>, string, boolean[]][] = [
      // pledge, commit, disburse, release pledge, release commitment
      [actor('admin'), 'admin', [true, true, true, true, true]],
      [actor('budget_holder', ['energy']), 'holder of energy', [true, true, true, true, true]],
      [
        actor('budget_holder', ['housing']),
        'holder of housing',
        [false, false, false, false, false],
      ],
      [actor('staff'), 'staff', [true, false, false, true, false]],
      [actor('buyer'), 'buyer', [true, false, false, false, false]],
      [actor('auditor'), 'auditor', [false, false, false, false, false]],
    ];
    for (const [who, name, expected] of table) {
      expect({
        name,
        may: [
          may(who, 'pledge'),
          may(who, 'commit'),
          may(who, 'disburse'),
          may(who, 'release', 'pledge'),
          may(who, 'release', 'commitment'),
        ],
      }).toEqual({ name, may: expected });
    }
  });
});

describe('helpers', () => {
  it('writes euros for people', () => {
    expect(euros(45_000_000)).toBe('EUR 450,000.00');
    expect(euros(5)).toBe('EUR 0.05');
    expect(euros(-123_456)).toBe('-EUR 1,234.56');
  });

  it('calls a domain paying when it has money committed or pledged', () => {
    expect(isPaying(ZERO_BALANCE)).toBe(false);
    expect(isPaying({ ...ZERO_BALANCE, pledgedCents: 1 })).toBe(true);
    expect(isPaying({ ...ZERO_BALANCE, committedCents: 1 })).toBe(true);
  });
});
