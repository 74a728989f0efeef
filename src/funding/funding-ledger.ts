import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseStatus, DomainRole } from '../cases/case-transitions';
import { ValidationFailed, type FieldError } from '../common/errors';
import { SYSTEM_ACTOR, type ActorRef, type WriteContext } from '../database/unit-of-work';
import type { InitialFundingInput } from '../cases/dto/case-input.dto';
import type { FundingEntryDto } from './dto/funding-entry.dto';
import type { EntryReason, FundingKind, ReleaseFrom } from './entities/funding-entry.entity';
import { CaseClosedForFunding, DomainNotOnCase, FundingInvariantBroken } from './funding.errors';
import { applyEntry, CLOSED_FOR_FUNDING, type Balance } from './ledger-calculator';
import { BALANCE_SUMS, num } from './ledger-sql';

/** A case whose row the caller's transaction holds locked (or created, unseen by others). */
export interface LockedCase {
  id: string;
  status: CaseStatus;
}

export interface NewEntry {
  domainCode: string;
  kind: FundingKind;
  amountCents: number;
  releaseFrom?: ReleaseFrom | null;
  budgetLine?: string | null;
  note?: string | null;
  /** Only for a pledge: when Brug releases what is still open of it (issue 18, item 4). */
  expiresAt?: Date | null;
}

/** The balance of one domain of a case, as summed by the database. */
export interface DomainBalance extends Balance {
  domainCode: string;
  /** null: the domain has entries but is no longer one of the case's domains. */
  role: DomainRole | null;
}

interface BalanceRow {
  domain_code: string;
  role: DomainRole | null;
  pledged_cents: string;
  committed_cents: string;
  disbursed_cents: string;
}

interface InsertedRow {
  id: string;
  seq: string;
  recorded_at: Date;
}

/**
 * The only writer of `funding_entries`. Used by the funding service and by case filing
 * (`initialFunding`), always inside the caller's unit of work.
 */
@Injectable()
export class FundingLedger {
  /**
   * The balances of a case per domain: every domain it touches (lead first), and any domain
   * with entries that it no longer touches. One query; pass the transaction's manager inside
   * a unit of work, so the sums see the entries committed before the case's lock was granted.
   */
  async balancesOf(
    manager: EntityManager,
    caseId: string,
    asOf?: string,
  ): Promise<DomainBalance[]> {
    // `asOf` (a timestamptz, for `?asOf=`): only the entries recorded by then.
    const until = asOf ? 'AND f.recorded_at <= $2::timestamptz' : '';
    const rows = await manager.query<BalanceRow[]>(
      `WITH bal AS (
         SELECT f.domain_code, ${BALANCE_SUMS}
           FROM funding_entries f WHERE f.case_id = $1 ${until} GROUP BY f.domain_code
       )
       SELECT COALESCE(cd.domain_code, b.domain_code) AS domain_code, cd.role,
              COALESCE(b.pledged_cents, 0) AS pledged_cents,
              COALESCE(b.committed_cents, 0) AS committed_cents,
              COALESCE(b.disbursed_cents, 0) AS disbursed_cents
         FROM (SELECT domain_code, role FROM case_domains WHERE case_id = $1) cd
         FULL JOIN bal b ON b.domain_code = cd.domain_code
        ORDER BY cd.role = 'lead' DESC NULLS LAST, cd.role IS NULL, 1`,
      asOf ? [caseId, asOf] : [caseId],
    );
    return rows.map((r) => ({
      domainCode: r.domain_code,
      role: r.role,
      pledgedCents: num(r.pledged_cents),
      committedCents: num(r.committed_cents),
      disbursedCents: num(r.disbursed_cents),
    }));
  }

  /**
   * Appends entries to a case's ledger, in order, each checked against the balance the ones
   * before it left; refuses all of them when one breaks a rule. Must run inside a unit of work
   * whose transaction holds the case's row lock (`SELECT … FOR UPDATE`), so that concurrent
   * writers are serialised per case and no check passes on a stale balance. Who may record
   * each entry is the caller's check (see `refusalFor`).
   */
  async append(
    w: WriteContext,
    locked: LockedCase,
    entries: NewEntry[],
  ): Promise<FundingEntryDto[]> {
    if (entries.length === 0) return [];
    // A closed case still gives money back: a budget holder releases what stays committed.
    if (CLOSED_FOR_FUNDING.includes(locked.status) && entries.some((e) => e.kind !== 'release')) {
      throw new CaseClosedForFunding(locked.status);
    }
    const balances = new Map(
      (await this.balancesOf(w.manager, locked.id)).map((b) => [b.domainCode, b]),
    );
    const touched = [...balances.values()].filter((b) => b.role !== null).map((b) => b.domainCode);

    const planned = entries.map((entry) => {
      const current = balances.get(entry.domainCode);
      if (!current || current.role === null) throw new DomainNotOnCase(entry.domainCode, touched);
      const applied = applyEntry(current, entry);
      if (!applied.ok) throw new FundingInvariantBroken(applied, entry.domainCode, current);
      balances.set(entry.domainCode, { ...current, ...applied.balance });
      return { entry, pledgeConvertedCents: applied.pledgeConvertedCents, after: applied.balance };
    });
    return this.write(w, locked.id, planned, w.actor, null);
  }

  /**
   * Releases every open pledge of a case that is being declined or withdrawn, in the unit of
   * work of that transition (the case's row locked): one `release` from the pledge per domain
   * with money pledged and open, recorded by Brug itself with reason `case_closed`, audited and
   * announced like every entry. A pledge is an intention, and a closed case has nothing left to
   * intend; committed money is binding and stays, for its budget holder to release (ADR 21).
   */
  async releaseOnClose(w: WriteContext, caseId: string): Promise<FundingEntryDto[]> {
    const open = (await this.balancesOf(w.manager, caseId)).filter((b) => b.pledgedCents > 0);
    const planned = open.map((b) => {
      const entry: NewEntry = {
        domainCode: b.domainCode,
        kind: 'release',
        releaseFrom: 'pledge',
        amountCents: b.pledgedCents,
      };
      const applied = applyEntry(b, entry);
      if (!applied.ok) throw new FundingInvariantBroken(applied, b.domainCode, b);
      return { entry, pledgeConvertedCents: 0, after: applied.balance };
    });
    return this.write(w, caseId, planned, SYSTEM_ACTOR, 'case_closed');
  }

  /** Inserts checked entries, each with its audit and outbox event. */
  async write(
    w: WriteContext,
    caseId: string,
    planned: { entry: NewEntry; pledgeConvertedCents: number; after: Balance }[],
    actor: ActorRef,
    reason: EntryReason | null,
  ): Promise<FundingEntryDto[]> {
    if (planned.length === 0) return [];
    const ids = planned.map(() => randomUUID());
    const expiries = planned.map((p) => p.entry.expiresAt ?? null);
    const inserted = await w.manager.query<InsertedRow[]>(
      `INSERT INTO funding_entries (id, case_id, domain_code, kind, release_from, amount_cents,
                                    pledge_converted_cents, budget_line, note, actor_id, actor_role,
                                    actor_name, reason, expires_at)
       SELECT e.id, $1, e.domain_code, e.kind, e.release_from, e.amount_cents, e.converted,
              e.budget_line, e.note, $2, $3, $4, $13, e.expires_at
         FROM unnest($5::uuid[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::bigint[],
                     $11::text[], $12::text[], $14::timestamptz[])
              WITH ORDINALITY AS e(id, domain_code, kind, release_from, amount_cents, converted,
                                   budget_line, note, expires_at, n)
        ORDER BY e.n
       RETURNING id, seq, recorded_at`,
      [
        caseId,
        actor.id,
        actor.role,
        actor.name,
        ids,
        planned.map((p) => p.entry.domainCode),
        planned.map((p) => p.entry.kind),
        planned.map((p) => p.entry.releaseFrom ?? null),
        planned.map((p) => p.entry.amountCents),
        planned.map((p) => p.pledgeConvertedCents),
        planned.map((p) => p.entry.budgetLine ?? null),
        planned.map((p) => p.entry.note ?? null),
        reason,
        expiries,
      ],
    );
    const byId = new Map(inserted.map((r) => [r.id, r]));
    // An expiring pledge is an alarm clock to keep: pending until its job has dealt with it.
    if (expiries.some((e) => e !== null)) {
      await w.manager.query(
        `INSERT INTO pledge_expiries (entry_id, case_id, domain_code, expires_at)
         SELECT e.id, $1, e.domain_code, e.expires_at
           FROM unnest($2::uuid[], $3::text[], $4::timestamptz[]) AS e(id, domain_code, expires_at)
          WHERE e.expires_at IS NOT NULL`,
        [caseId, ids, planned.map((p) => p.entry.domainCode), expiries],
      );
    }

    return planned.map(({ entry, pledgeConvertedCents, after }, i) => {
      const row = byId.get(ids[i]!)!;
      const dto: FundingEntryDto = {
        id: row.id,
        seq: num(row.seq),
        caseId,
        domainCode: entry.domainCode,
        kind: entry.kind,
        releaseFrom: entry.releaseFrom ?? null,
        amountCents: entry.amountCents,
        pledgeConvertedCents,
        budgetLine: entry.budgetLine ?? null,
        note: entry.note ?? null,
        reason,
        expiresAt: entry.expiresAt?.toISOString() ?? null,
        actor: { id: actor.id, name: actor.name, role: actor.role },
        recordedAt: row.recorded_at.toISOString(),
      };
      w.emit({
        type: 'funding.entry_recorded',
        payload: {
          caseId,
          entryId: row.id,
          ...(dto.expiresAt ? { expiresAt: dto.expiresAt } : {}),
        },
      });
      w.audit({
        action: 'funding.entry_recorded',
        subjectType: 'funding_entry',
        subjectId: row.id,
        caseId,
        // Brug's own entries are Brug's in the audit trail too, within the person's change.
        ...(actor === w.actor ? {} : { actor }),
        data: {
          seq: dto.seq,
          domainCode: dto.domainCode,
          kind: dto.kind,
          releaseFrom: dto.releaseFrom,
          amountCents: dto.amountCents,
          pledgeConvertedCents,
          budgetLine: dto.budgetLine,
          note: dto.note,
          ...(reason ? { reason } : {}),
          ...(dto.expiresAt ? { expiresAt: dto.expiresAt } : {}),
          // The three balances only (the rules spread whatever balance they were given).
          balanceAfter: {
            pledgedCents: after.pledgedCents,
            committedCents: after.committedCents,
            disbursedCents: after.disbursedCents,
          },
        },
      });
      return dto;
    });
  }

  /**
   * `initialFunding` of a filing: each domain must be one of the case's domains (400 naming
   * `initialFunding[i].domainCode`). Pure; call before the unit of work.
   */
  assertInitialFunding(
    initialFunding: InitialFundingInput[] | undefined,
    domains: { code: string }[],
  ): void {
    const codes = new Set(domains.map((d) => d.code));
    const errors: FieldError[] = [];
    (initialFunding ?? []).forEach((f, i) => {
      if (!codes.has(f.domainCode)) {
        errors.push({
          field: `initialFunding[${i}].domainCode`,
          code: 'not_on_case',
          message: `must be one of the case's domains (${[...codes].join(', ')})`,
          params: { domainCode: f.domainCode, caseDomains: [...codes] },
        });
      }
    });
    if (errors.length) throw new ValidationFailed(errors);
  }

  /** Records `initialFunding` as pledges of the case just created in this unit of work. */
  async pledgeInitialFunding(
    w: WriteContext,
    created: LockedCase,
    initialFunding: InitialFundingInput[] | undefined,
  ): Promise<void> {
    await this.append(
      w,
      created,
      (initialFunding ?? []).map((f) => ({
        domainCode: f.domainCode,
        kind: 'pledge' as const,
        amountCents: f.amountCents,
        budgetLine: f.budgetLine ?? null,
      })),
    );
  }
}
