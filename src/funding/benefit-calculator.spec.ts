import fc from 'fast-check';
import { shareErrors, splitByShares } from './benefit-calculator';

describe('benefit shares: the pure rules', () => {
  const model = [
    { domainCode: 'energy', basisPoints: 4000 },
    { domainCode: 'energy-poverty', basisPoints: 3000 },
    { domainCode: 'housing', basisPoints: 2000 },
    { domainCode: 'care', basisPoints: 1000 },
  ];

  it('splits the model case exactly', () => {
    expect(Object.fromEntries(splitByShares(120_000_000, model))).toEqual({
      energy: 48_000_000,
      'energy-poverty': 36_000_000,
      housing: 24_000_000,
      care: 12_000_000,
    });
  });

  it('gives the cents left over to the largest remainders, in the order given on a tie', () => {
    const thirds = [
      { domainCode: 'a', basisPoints: 3333 },
      { domainCode: 'b', basisPoints: 3333 },
      { domainCode: 'c', basisPoints: 3334 },
    ];
    // 100 cents: 33.33, 33.33, 33.34 -> 33, 33, 33 and one cent left for the largest remainder.
    expect(Object.fromEntries(splitByShares(100, thirds))).toEqual({ a: 33, b: 33, c: 34 });
    const halves = [
      { domainCode: 'a', basisPoints: 5000 },
      { domainCode: 'b', basisPoints: 5000 },
    ];
    expect(Object.fromEntries(splitByShares(1, halves))).toEqual({ a: 1, b: 0 });
  });

  it('the parts always add up to the amount, and each is within a cent of its exact share', () => {
    const sharesArb = fc
      .array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 12 })
      .map((weights) => {
        // Scale any weights to basis points adding up to exactly 10,000.
        const sum = weights.reduce((a, b) => a + b, 0) || 1;
        const bp = weights.map((w) => Math.floor((w * 10_000) / sum));
        bp[0]! += 10_000 - bp.reduce((a, b) => a + b, 0);
        return bp.map((basisPoints, i) => ({ domainCode: `d${i}`, basisPoints }));
      });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000_000 }), sharesArb, (amount, shares) => {
        const parts = splitByShares(amount, shares);
        expect([...parts.values()].reduce((a, b) => a + b, 0)).toBe(amount);
        for (const s of shares) {
          const exact = (amount * s.basisPoints) / 10_000;
          expect(Math.abs(parts.get(s.domainCode)! - exact)).toBeLessThan(1.000001);
        }
      }),
    );
  });

  it('names the field of each error', () => {
    const domains = ['energy', 'housing'];
    expect(
      shareErrors(
        [
          { domainCode: 'energy', basisPoints: 5000 },
          { domainCode: 'food', basisPoints: 2500 },
          { domainCode: 'energy', basisPoints: 2000 },
        ],
        domains,
      ).map((e) => [e.field, e.code]),
    ).toEqual([
      ['shares[1].domainCode', 'not_on_case'],
      ['shares[2].domainCode', 'duplicate'],
      ['shares', 'shares_not_whole'],
    ]);
    expect(shareErrors([{ domainCode: 'energy', basisPoints: 10_000 }], domains)).toEqual([]);
  });
});
