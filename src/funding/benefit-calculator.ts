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
