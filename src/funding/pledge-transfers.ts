import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Forbidden } from '../auth/auth.errors';
import type { Actor } from '../auth/roles';
import { CaseReader } from '../cases/case-reader';
import type { CaseRow } from '../cases/case-presenter';
import { checkIfMatch, type IfMatch } from '../common/etag';
import { refOf, UnitOfWork } from '../database/unit-of-work';
import type {
  AnswerPledgeTransferDto,
  PledgeTransferDto,
  PledgeTransferListDto,
} from './dto/pledge-transfer.dto';
import type { TransferState } from './entities/pledge-transfer.entity';
import { FundingLedger } from './funding-ledger';
import { PledgeTransferAnswered, PledgeTransferNotFound } from './funding.errors';
import { num } from './ledger-sql';

interface TransferRow {
  id: string;
  from_case_id: string;
  from_reference: string;
  to_case_id: string;
  to_reference: string;
  domain_code: string;
  amount_cents: string;
  state: TransferState;
  version: number;
  reason: string | null;
  moved_cents: string | null;
  answered_by_id: string | null;
  answered_by_name: string | null;
  answered_at: Date | null;
  created_at: Date;
}

const COLUMNS = `t.id, t.from_case_id, f.reference AS from_reference, t.to_case_id,
  s.reference AS to_reference, t.domain_code, t.amount_cents, t.state, t.version, t.reason,
  t.moved_cents, t.answered_by_id, t.answered_by_name, t.answered_at, t.created_at`;
const FROM = `pledge_transfers t JOIN cases f ON f.id = t.from_case_id
  JOIN cases s ON s.id = t.to_case_id`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Moving the open pledge of a case closed as a duplicate to the case that stays, with its budget
 * holder's consent (issue 19, item 4; ADR 44). The requests are made by the case rules when a
 * case is closed as a duplicate (LedgerCaseFunding.askToMovePledges); here a budget holder (or an
 * admin) answers: accepting releases what is still pledged on the duplicate and pledges it on
 * the survivor through the ledger, in one unit of work; declining leaves it where it is.
 */
@Injectable()
export class PledgeTransfers {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly cases: CaseReader,
    private readonly ledger: FundingLedger,
  ) {}

  async list(actor: Actor, idOrReference: string): Promise<PledgeTransferListDto> {
    const caseId = await this.cases.visibleId(actor, idOrReference);
    const rows = await this.db.query<TransferRow[]>(
      `(SELECT ${COLUMNS} FROM ${FROM} WHERE t.from_case_id = $1 ORDER BY t.created_at DESC LIMIT 100)
       UNION ALL
       (SELECT ${COLUMNS} FROM ${FROM} WHERE t.to_case_id = $1 ORDER BY t.created_at DESC LIMIT 100)
       ORDER BY created_at DESC, id DESC LIMIT 100`,
      [caseId],
    );
    return { items: rows.map(present) };
  }

  async answer(
    actor: Actor,
    idOrReference: string,
    transferId: string,
    input: AnswerPledgeTransferDto,
    ifMatch: IfMatch | undefined,
  ): Promise<PledgeTransferDto> {
    const caseId = await this.cases.visibleId(actor, idOrReference);
    const before = await this.load(this.db.manager, caseId, transferId);
    if (actor.role === 'budget_holder' && !actor.domains.includes(before.domain_code)) {
      throw new Forbidden(`You do not hold the budget of the domain ${before.domain_code}.`, {
        reason: 'not_budget_holder',
        role: actor.role,
        domainCode: before.domain_code,
      });
    }
    return this.uow.run(refOf(actor), async (w) => {
      // Both cases locked, in the order of their ids (as the case rules lock a pair).
      const locked = new Map<string, CaseRow>();
      for (const id of [before.from_case_id, before.to_case_id].sort()) {
        const [row] = await w.manager.query<CaseRow[]>(
          'SELECT c.id, c.status, c.reference FROM cases c WHERE c.id = $1 FOR UPDATE OF c',
          [id],
        );
        locked.set(id, row!);
      }
      const transfer = await this.load(w.manager, caseId, transferId, true);
      checkIfMatch(ifMatch, transfer.version);
      if (transfer.state !== 'open') throw new PledgeTransferAnswered(transfer.state);
      const from = locked.get(transfer.from_case_id)!;
      const to = locked.get(transfer.to_case_id)!;

      let movedCents: number | null = null;
      let entryIds: string[] = [];
      if (input.answer === 'accept') {
        // What is still pledged and open on the duplicate, up to what was asked.
        const balance = (await this.ledger.balancesOf(w.manager, from.id)).find(
          (b) => b.domainCode === transfer.domain_code,
        );
        movedCents = Math.min(num(transfer.amount_cents), balance?.pledgedCents ?? 0);
        if (movedCents > 0) {
          const [released] = await this.ledger.append(w, from, [
            {
              domainCode: transfer.domain_code,
              kind: 'release',
              releaseFrom: 'pledge',
              amountCents: movedCents,
              note: `Moved to ${to.reference} (duplicate)`,
            },
          ]);
          const [pledged] = await this.ledger.append(w, to, [
            {
              domainCode: transfer.domain_code,
              kind: 'pledge',
              amountCents: movedCents,
              budgetLine: input.budgetLine ?? null,
              note: `Moved from ${from.reference} (duplicate)`,
            },
          ]);
          entryIds = [released!.id, pledged!.id];
        }
      }
      const state: TransferState = input.answer === 'accept' ? 'accepted' : 'declined';
      await w.manager.query(
        `UPDATE pledge_transfers
            SET state = $2, reason = $3, moved_cents = $4, answered_by_id = $5,
                answered_by_name = $6, answered_at = now(), version = version + 1
          WHERE id = $1`,
        [transfer.id, state, input.reason ?? null, movedCents, actor.id, actor.name],
      );
      w.emit({
        type: 'funding.pledge_transfer_answered',
        payload: {
          caseId: from.id,
          transferId: transfer.id,
          toCaseId: to.id,
          domainCode: transfer.domain_code,
          answer: state,
          movedCents: movedCents ?? 0,
        },
      });
      w.audit({
        action: 'funding.pledge_transfer_answered',
        subjectType: 'pledge_transfer',
        subjectId: transfer.id,
        caseId: from.id,
        data: {
          domainCode: transfer.domain_code,
          answer: state,
          amountCents: num(transfer.amount_cents),
          movedCents,
          toCaseId: to.id,
          toReference: to.reference,
          reason: input.reason ?? null,
          entryIds,
        },
      });
      return present(await this.load(w.manager, caseId, transferId));
    });
  }

  /** A request from or to the case, or 404. */
  private async load(
    manager: EntityManager,
    caseId: string,
    transferId: string,
    lock = false,
  ): Promise<TransferRow> {
    if (!UUID.test(transferId)) throw new PledgeTransferNotFound(transferId);
    const [row] = await manager.query<TransferRow[]>(
      `SELECT ${COLUMNS} FROM ${FROM}
        WHERE t.id = $1 AND (t.from_case_id = $2 OR t.to_case_id = $2)${lock ? ' FOR UPDATE OF t' : ''}`,
      [transferId, caseId],
    );
    if (!row) throw new PledgeTransferNotFound(transferId);
    return row;
  }
}

function present(r: TransferRow): PledgeTransferDto {
  return {
    id: r.id,
    fromCase: { id: r.from_case_id, reference: r.from_reference },
    toCase: { id: r.to_case_id, reference: r.to_reference },
    domainCode: r.domain_code,
    amountCents: num(r.amount_cents),
    state: r.state,
    version: r.version,
    movedCents: r.moved_cents === null ? null : num(r.moved_cents),
    reason: r.reason,
    answeredBy: r.answered_at ? { id: r.answered_by_id, name: r.answered_by_name ?? '' } : null,
    answeredAt: r.answered_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  };
}
