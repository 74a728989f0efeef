import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR, UnitOfWork } from '../database/unit-of-work';
import { FundingLedger, type NewEntry } from './funding-ledger';
import { FundingInvariantBroken } from './funding.errors';
import { applyEntry } from './ledger-calculator';
import { num } from './ledger-sql';

export interface PendingExpiry {
  entryId: string;
  expiresAt: Date;
}

/** What the expiry of one pledge did. */
export type ExpiryOutcome =
  | { outcome: 'released'; amountCents: number; releaseEntryId: string }
  | { outcome: 'nothing_open' }
  | { outcome: 'done' }
  | { outcome: 'not_yet'; expiresAt: Date };

/**
 * The open remainder of one pledge, first in, first out: commitments and releases of a domain's
 * open pledge use its oldest pledges first, so what is open of a pledge is the open pledge less
 * what is still open of the pledges recorded after it (their amounts, less what their own expiry
 * released), between 0 and the pledge's amount.
 */
export function openRemainder(
  pledgedOpenCents: number,
  pledgeAmountCents: number,
  laterOpenCents: number,
): number {
  return Math.max(0, Math.min(pledgeAmountCents, pledgedOpenCents - laterOpenCents));
}

/**
 * Pledges that expire (issue 18, item 4; ADR 36): the database side of their alarm clocks. The
 * workflow's delayed job calls `expire` at `expiresAt`; it checks the stored state (an expiry
 * already dealt with, a pledge committed since, a case closed since) and releases what is still
 * open of the pledge, as Brug (`reason: expired`), audited and announced, in one unit of work.
 * The only writer of `pledge_expiries` (besides `FundingLedger`, which adds its rows).
 */
@Injectable()
export class PledgeExpiries {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly ledger: FundingLedger,
  ) {}

  /** The pending expiry of a pledge; null when there is none or it was dealt with. */
  async pending(entryId: string): Promise<PendingExpiry | null> {
    const [row] = await this.db.query<{ entry_id: string; expires_at: Date }[]>(
      `SELECT entry_id, expires_at FROM pledge_expiries WHERE entry_id = $1 AND done_at IS NULL`,
      [entryId],
    );
    return row ? { entryId: row.entry_id, expiresAt: row.expires_at } : null;
  }

  /** A page of pending expiries, by entry id after `after` (the partial index holds only these). */
  async pendingPage(after: string | null, limit: number): Promise<PendingExpiry[]> {
    const rows = await this.db.query<{ entry_id: string; expires_at: Date }[]>(
      `SELECT entry_id, expires_at FROM pledge_expiries
        WHERE done_at IS NULL AND ($1::uuid IS NULL OR entry_id > $1::uuid)
        ORDER BY entry_id LIMIT $2`,
      [after, limit],
    );
    return rows.map((r) => ({ entryId: r.entry_id, expiresAt: r.expires_at }));
  }

  /** At `expiresAt` (or later): releases what is open of the pledge, once. */
  async expire(entryId: string, now: Date): Promise<ExpiryOutcome> {
    return this.uow.run(SYSTEM_ACTOR, async (w) => {
      const [head] = await w.manager.query<{ case_id: string }[]>(
        `SELECT case_id FROM pledge_expiries WHERE entry_id = $1`,
        [entryId],
      );
      if (!head) return { outcome: 'done' };
      // The case's row lock serialises this with every other entry on the case (as a person's).
      await w.manager.query(`SELECT 1 FROM cases WHERE id = $1 FOR UPDATE`, [head.case_id]);
      const [row] = await w.manager.query<
        {
          case_id: string;
          domain_code: string;
          expires_at: Date;
          done_at: Date | null;
          amount_cents: string;
          later_open_cents: string;
        }[]
      >(
        `SELECT pe.case_id, pe.domain_code, pe.expires_at, pe.done_at, f.amount_cents,
                (SELECT COALESCE(SUM(l.amount_cents - COALESCE(le.released_cents, 0)), 0)::bigint
                   FROM funding_entries l
                   LEFT JOIN pledge_expiries le ON le.entry_id = l.id
                  WHERE l.case_id = f.case_id AND l.domain_code = f.domain_code
                    AND l.kind = 'pledge' AND l.seq > f.seq) AS later_open_cents
           FROM pledge_expiries pe JOIN funding_entries f ON f.id = pe.entry_id
          WHERE pe.entry_id = $1`,
        [entryId],
      );
      if (!row || row.done_at) return { outcome: 'done' };
      if (row.expires_at.getTime() > now.getTime()) {
        return { outcome: 'not_yet', expiresAt: row.expires_at };
      }
      const balance = (await this.ledger.balancesOf(w.manager, row.case_id)).find(
        (b) => b.domainCode === row.domain_code,
      );
      const open = openRemainder(
        balance?.pledgedCents ?? 0,
        num(row.amount_cents),
        num(row.later_open_cents),
      );
      if (open === 0 || !balance) {
        await w.manager.query(`UPDATE pledge_expiries SET done_at = now() WHERE entry_id = $1`, [
          entryId,
        ]);
        return { outcome: 'nothing_open' };
      }
      const entry: NewEntry = {
        domainCode: row.domain_code,
        kind: 'release',
        releaseFrom: 'pledge',
        amountCents: open,
      };
      const applied = applyEntry(balance, entry);
      if (!applied.ok) throw new FundingInvariantBroken(applied, row.domain_code, balance);
      const [release] = await this.ledger.write(
        w,
        row.case_id,
        [{ entry, pledgeConvertedCents: 0, after: applied.balance }],
        SYSTEM_ACTOR,
        'expired',
      );
      await w.manager.query(
        `UPDATE pledge_expiries SET done_at = now(), released_cents = $2, release_entry_id = $3
          WHERE entry_id = $1`,
        [entryId, open, release!.id],
      );
      w.emit({
        type: 'funding.pledge_expired',
        payload: {
          caseId: row.case_id,
          pledgeEntryId: entryId,
          releaseEntryId: release!.id,
          domainCode: row.domain_code,
          amountCents: open,
        },
      });
      return { outcome: 'released', amountCents: open, releaseEntryId: release!.id };
    });
  }
}
