import type { Actor } from '../auth/roles';
import type { CaseStatus } from '../cases/case-transitions';
import {
  MAX_ENTRY_CENTS,
  type FundingKind,
  type ReleaseFrom,
} from './entities/funding-entry.entity';

/**
 * The rules of the funding ledger as pure logic: what an entry does to the balance of one
 * (case, domain), when it is refused, and who may record it. The service feeds it balances that
 * PostgreSQL summed from the entries, under the case's lock, and appends what it allows.
 */

/**
 * Statuses in which a case takes no more money: only releases (ADR 21). Brug releases the open
 * pledges itself when a case gets here (`FundingLedger.releaseOnClose`); what was committed and
 * not disbursed stays committed until its budget holder releases it. No view counts a pledge of
 * such a case.
 */
export const CLOSED_FOR_FUNDING: readonly CaseStatus[] = ['withdrawn', 'declined'];

/** What one domain has open for one case. All in euro cents. */
export interface Balance {
  /** Pledged and not yet committed or released (an intention, not binding). */
  pledgedCents: number;
  /** Committed (binding), less commitments released; never below disbursed. */
  committedCents: number;
  disbursedCents: number;
}

export const ZERO_BALANCE: Readonly<Balance> = Object.freeze({
  pledgedCents: 0,
  committedCents: 0,
  disbursedCents: 0,
});

export interface EntryIntent {
  kind: FundingKind;
  amountCents: number;
  releaseFrom?: ReleaseFrom | null;
}

export type Applied =
  | {
      ok: true;
      /** The balance after the entry. */
      balance: Balance;
      /** For `commit`: how much of the open pledge the commitment turned into committed money. */
      pledgeConvertedCents: number;
    }
  | ({ ok: false } & LedgerRefusal);

/**
 * Why the ledger refuses an entry: the English `reason`, and the stable `rule` with the amounts
 * a client needs to say it in its own language (the problem's `params`, ADR 23).
 */
export interface LedgerRefusal {
  reason: string;
  rule:
    | 'amount_not_positive'
    | 'amount_too_large'
    | 'release_from_mismatch'
    | 'disburse_exceeds_committed'
    | 'release_exceeds_pledged'
    | 'release_below_disbursed';
  params: Record<string, number | string>;
}

/** `EUR 450,000.00`: amounts in reasons people read. */
export function euros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}EUR ${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Applies one entry to a balance, or says why it may not be recorded:
 * - every amount is a positive whole number of cents (at most 10^13);
 * - `pledge`: the open pledge grows;
 * - `commit`: committed grows, and the open pledge shrinks by up to the same amount;
 * - `disburse`: disbursed grows, and may not pass committed;
 * - `release` from `pledge` lowers the open pledge, from `commitment` lowers committed; neither
 *   goes below zero, and committed never below disbursed.
 */
export function applyEntry(balance: Readonly<Balance>, entry: EntryIntent): Applied {
  const amount = entry.amountCents;
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    return {
      ok: false,
      reason: 'The amount must be a positive whole number of cents.',
      rule: 'amount_not_positive',
      params: {},
    };
  }
  if (amount > MAX_ENTRY_CENTS) {
    return {
      ok: false,
      reason: `The amount may be at most ${euros(MAX_ENTRY_CENTS)}.`,
      rule: 'amount_too_large',
      params: { amountCents: amount, maxCents: MAX_ENTRY_CENTS },
    };
  }
  if ((entry.kind === 'release') !== (entry.releaseFrom != null)) {
    return {
      ok: false,
      reason:
        'A release says what it gives back (releaseFrom: pledge or commitment); no other entry does.',
      rule: 'release_from_mismatch',
      params: { kind: entry.kind },
    };
  }
  const { pledgedCents, committedCents, disbursedCents } = balance;
  switch (entry.kind) {
    case 'pledge':
      return {
        ok: true,
        balance: { ...balance, pledgedCents: pledgedCents + amount },
        pledgeConvertedCents: 0,
      };
    case 'commit': {
      const converted = Math.min(pledgedCents, amount);
      return {
        ok: true,
        balance: {
          pledgedCents: pledgedCents - converted,
          committedCents: committedCents + amount,
          disbursedCents,
        },
        pledgeConvertedCents: converted,
      };
    }
    case 'disburse':
      if (disbursedCents + amount > committedCents) {
        return {
          ok: false,
          reason:
            `Disbursing ${euros(amount)} would bring disbursed to ${euros(disbursedCents + amount)}, ` +
            `more than the ${euros(committedCents)} committed; at most ${euros(committedCents - disbursedCents)} can be disbursed.`,
          rule: 'disburse_exceeds_committed',
          params: {
            amountCents: amount,
            committedCents,
            disbursedCents,
            availableCents: committedCents - disbursedCents,
          },
        };
      }
      return {
        ok: true,
        balance: { ...balance, disbursedCents: disbursedCents + amount },
        pledgeConvertedCents: 0,
      };
    case 'release':
      if (entry.releaseFrom === 'pledge') {
        if (amount > pledgedCents) {
          return {
            ok: false,
            reason: `Releasing ${euros(amount)} from the pledge is more than the ${euros(pledgedCents)} pledged and open.`,
            rule: 'release_exceeds_pledged',
            params: { amountCents: amount, pledgedCents, availableCents: pledgedCents },
          };
        }
        return {
          ok: true,
          balance: { ...balance, pledgedCents: pledgedCents - amount },
          pledgeConvertedCents: 0,
        };
      }
      if (amount > committedCents - disbursedCents) {
        return {
          ok: false,
          reason:
            `Releasing ${euros(amount)} of the commitment would bring committed below disbursed ` +
            `(${euros(committedCents)} committed, ${euros(disbursedCents)} disbursed); ` +
            `at most ${euros(committedCents - disbursedCents)} can be released.`,
          rule: 'release_below_disbursed',
          params: {
            amountCents: amount,
            committedCents,
            disbursedCents,
            availableCents: committedCents - disbursedCents,
          },
        };
      }
      return {
        ok: true,
        balance: { ...balance, committedCents: committedCents - amount },
        pledgeConvertedCents: 0,
      };
  }
}

/** A domain pays for a case when it has money committed or pledged and open for it. */
export const isPaying = (balance: Balance): boolean =>
  balance.committedCents > 0 || balance.pledgedCents > 0;

/**
 * Who may record an entry: null when the actor may, else the reason they may not.
 * Budget holders act only for the domains they hold; staff pledge and release pledges; buyers
 * pledge; admins do everything; auditors nothing. (Which cases: the caller's visibility.)
 */
export function refusalFor(
  actor: Pick<Actor, 'role' | 'domains'>,
  entry: { kind: FundingKind; releaseFrom?: ReleaseFrom | null; domainCode: string },
): string | null {
  switch (actor.role) {
    case 'admin':
      return null;
    case 'budget_holder':
      return actor.domains.includes(entry.domainCode)
        ? null
        : `You do not hold the budget of the domain ${entry.domainCode}.`;
    case 'staff':
      return entry.kind === 'pledge' || (entry.kind === 'release' && entry.releaseFrom === 'pledge')
        ? null
        : 'MeentCoop staff record pledges and release them; commitments, disbursements and their releases are for the domain’s budget holder.';
    case 'buyer':
      return entry.kind === 'pledge'
        ? null
        : 'Buyers record pledges; commitments, disbursements and releases are for the domain’s budget holder.';
    case 'auditor':
      return 'Auditors read the funding log; they do not change it.';
  }
}
