import type { FieldError } from '../common/errors';
import { WHOLE_SHARE_BP } from './entities/benefit-share.entity';

/**
 * The pure rules of benefit shares (issue 18, ADR 36): checking a set of shares against the
 * case's domains, and splitting an amount of cents over shares so that the parts add up exactly.
 */

export interface ShareInput {
  domainCode: string;
  basisPoints: number;
}

/**
 * The field errors of a set of shares for a case touching `caseDomains` (empty: none). Each
 * names its field: `shares[i].domainCode` for a domain the case does not touch or one named
 * twice, `shares` when they do not add up to 10,000 basis points. (Whole numbers from 0 to
 * 10,000 are the DTO's check, before this.)
 */
export function shareErrors(shares: ShareInput[], caseDomains: string[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  shares.forEach((s, i) => {
    if (!caseDomains.includes(s.domainCode)) {
      errors.push({
        field: `shares[${i}].domainCode`,
        code: 'not_on_case',
        message: `must be one of the case's domains (${caseDomains.join(', ')})`,
        params: { domainCode: s.domainCode, caseDomains },
      });
    } else if (seen.has(s.domainCode)) {
      errors.push({
        field: `shares[${i}].domainCode`,
        code: 'duplicate',
        message: 'names a domain a second time',
        params: { domainCode: s.domainCode },
      });
    }
    seen.add(s.domainCode);
  });
  const total = shares.reduce((sum, s) => sum + s.basisPoints, 0);
  if (total !== WHOLE_SHARE_BP) {
    errors.push({
      field: 'shares',
      code: 'shares_not_whole',
      message: `must add up to ${WHOLE_SHARE_BP} basis points (100 %); they add up to ${total}`,
      params: { total, expected: WHOLE_SHARE_BP },
    });
  }
  return errors;
}

/**
 * `amountCents` split over `shares` in whole cents by the largest remainder method: each part is
 * amount × share / 10,000 rounded down, and the cents left over go one each to the parts with the
 * largest remainders (ties: in the order given). The parts always add up to the amount exactly.
 * Works in BigInt, so amounts up to 10^13 cents times 10^4 stay exact.
 */
export function splitByShares(amountCents: number, shares: ShareInput[]): Map<string, number> {
  const total = BigInt(WHOLE_SHARE_BP);
  const amount = BigInt(amountCents);
  const parts = shares.map((s, i) => {
    const exact = amount * BigInt(s.basisPoints);
    return { domainCode: s.domainCode, i, floor: exact / total, remainder: exact % total };
  });
  const shareSum = shares.reduce((sum, s) => sum + s.basisPoints, 0);
  // Shares that do not add up to 100 % (never stored) would leave cents nobody gets: none given.
  let left =
    shareSum === WHOLE_SHARE_BP ? amount - parts.reduce((sum, p) => sum + p.floor, 0n) : 0n;
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1,
  );
  for (const p of byRemainder) {
    if (left <= 0n) break;
    p.floor += 1n;
    left -= 1n;
  }
  return new Map(parts.map((p) => [p.domainCode, Number(p.floor)]));
}

export interface FairShare {
  domainCode: string;
  basisPoints: number;
  fairShareCents: number;
  /** committed − fair share: positive, the domain pays for others; negative, others pay for it. */
  balanceCents: number;
}

/**
 * Fair share and balance per domain (issue 18, item 2): the cost basis (what is committed when
 * anything is, else the estimated value) split by the shares, largest remainder, so the fair
 * shares add up to the cost basis to the cent. `committed` per domain; a domain with money but no
 * share has a fair share of 0.
 */
export function fairShares(
  estimatedValueCents: number,
  shares: ShareInput[],
  committed: Map<string, number>,
): { costBasisCents: number; costBasis: 'committed' | 'estimated'; byDomain: FairShare[] } {
  const committedTotal = [...committed.values()].reduce((a, b) => a + b, 0);
  const costBasis = committedTotal > 0 ? 'committed' : 'estimated';
  const costBasisCents = committedTotal > 0 ? committedTotal : estimatedValueCents;
  const parts = splitByShares(costBasisCents, shares);
  const codes = [...new Set([...shares.map((s) => s.domainCode), ...committed.keys()])];
  const bp = new Map(shares.map((s) => [s.domainCode, s.basisPoints]));
  return {
    costBasisCents,
    costBasis,
    byDomain: codes.map((domainCode) => {
      const fairShareCents = parts.get(domainCode) ?? 0;
      return {
        domainCode,
        basisPoints: bp.get(domainCode) ?? 0,
        fairShareCents,
        balanceCents: (committed.get(domainCode) ?? 0) - fairShareCents,
      };
    }),
  };
}

/**
 * The balances of a case per domain with their benefit share, fair share and balance added; a
 * domain with a share but neither money nor a place on the case any more gets a row of its own
 * (role null), so the fair shares still add up to the cost basis.
 */
export function withFairShares<
  B extends { domainCode: string; role: string | null; committedCents: number },
>(
  balances: B[],
  estimatedValueCents: number,
  shares: { shares: ShareInput[] },
): {
  costBasisCents: number;
  costBasis: 'committed' | 'estimated';
  rows: (B & Omit<FairShare, 'domainCode'>)[];
} {
  const fair = fairShares(
    estimatedValueCents,
    shares.shares,
    new Map(balances.map((b) => [b.domainCode, b.committedCents])),
  );
  const byCode = new Map(fair.byDomain.map((f) => [f.domainCode, f]));
  const known = new Set(balances.map((b) => b.domainCode));
  const extra = shares.shares
    .filter((s) => !known.has(s.domainCode) && s.basisPoints > 0)
    .map(
      (s) =>
        ({
          domainCode: s.domainCode,
          role: null,
          pledgedCents: 0,
          committedCents: 0,
          disbursedCents: 0,
        }) as unknown as B,
    );
  return {
    costBasisCents: fair.costBasisCents,
    costBasis: fair.costBasis,
    rows: [...balances, ...extra].map((b) => {
      const f = byCode.get(b.domainCode)!;
      return {
        ...b,
        basisPoints: f.basisPoints,
        fairShareCents: f.fairShareCents,
        balanceCents: f.balanceCents,
      };
    }),
  };
}

/** An item of a co-funding proposal as stored: open, accepted or declined. */
export type StoredItemState = 'open' | 'accepted' | 'declined';

/** An item's state as seen at `now`: an open item past the proposal's `answerBy` is expired. */
export function itemState(
  state: StoredItemState,
  answerBy: Date | null,
  now: Date,
): StoredItemState | 'expired' {
  return state === 'open' && answerBy !== null && answerBy.getTime() <= now.getTime()
    ? 'expired'
    : state;
}

/**
 * A proposal's state from its items' states: `accepted` when all are; `partly_accepted` when
 * some are; with none accepted, `open` while any is open, else `expired` when any expired, else
 * `declined`.
 */
export function proposalState(
  items: (StoredItemState | 'expired')[],
): 'open' | 'partly_accepted' | 'accepted' | 'declined' | 'expired' {
  const accepted = items.filter((s) => s === 'accepted').length;
  if (accepted === items.length && accepted > 0) return 'accepted';
  if (accepted > 0) return 'partly_accepted';
  if (items.includes('open')) return 'open';
  return items.includes('expired') ? 'expired' : 'declined';
}
