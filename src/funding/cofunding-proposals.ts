import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Forbidden } from '../auth/auth.errors';
import type { Actor } from '../auth/roles';
import { CaseReader } from '../cases/case-reader';
import { checkIfMatch, type IfMatch } from '../common/etag';
import { ValidationFailed, type FieldError } from '../common/errors';
import { refOf, UnitOfWork } from '../database/unit-of-work';
import {
  itemState,
  proposalState,
  withFairShares,
  type StoredItemState,
} from './benefit-calculator';
import { BenefitShares } from './benefit-shares';
import type {
  AnswerCofundingDto,
  CofundingProposalDto,
  CofundingProposalListDto,
  CreateCofundingProposalDto,
} from './dto/cofunding.dto';
import { FundingLedger } from './funding-ledger';
import {
  CofundingItemAnswered,
  CofundingProposalExpired,
  CofundingProposalNotFound,
  NothingToPropose,
} from './funding.errors';
import { CLOSED_FOR_FUNDING } from './ledger-calculator';
import { num } from './ledger-sql';

interface ProposalRow {
  id: string;
  case_id: string;
  version: number;
  shares_version: number;
  note: string | null;
  answer_by: Date | null;
  created_by_id: string | null;
  created_by_name: string;
  created_at: Date;
}

interface ItemRow {
  proposal_id: string;
  domain_code: string;
  amount_cents: string;
  state: StoredItemState;
  reason: string | null;
  answered_by_id: string | null;
  answered_by_name: string | null;
  answered_at: Date | null;
  pledge_entry_id: string | null;
}

const PROPOSAL_COLUMNS = `id, case_id, version, shares_version, note, answer_by, created_by_id,
  created_by_name, created_at`;

/**
 * Co-funding proposals (issue 18, item 3; ADR 36): staff ask the domains that benefit from a case
 * to pledge their part; each domain's budget holder accepts (the pledge is recorded through the
 * ledger in the same unit of work) or declines with a reason. Writes `cofunding_proposals` and
 * `cofunding_proposal_items` only; every change is audited and announced (the budget holders
 * asked hear of it by e-mail, through the outbox).
 */
@Injectable()
export class CofundingProposals {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly cases: CaseReader,
    private readonly ledger: FundingLedger,
    private readonly shares: BenefitShares,
  ) {}

  async list(actor: Actor, idOrReference: string): Promise<CofundingProposalListDto> {
    const caseId = await this.cases.visibleId(actor, idOrReference);
    const rows = await this.db.query<ProposalRow[]>(
      `SELECT ${PROPOSAL_COLUMNS} FROM cofunding_proposals WHERE case_id = $1
        ORDER BY created_at DESC, id DESC LIMIT 100`,
      [caseId],
    );
    return { items: await this.present(this.db.manager, rows) };
  }

  async get(
    actor: Actor,
    idOrReference: string,
    proposalId: string,
  ): Promise<CofundingProposalDto> {
    const caseId = await this.cases.visibleId(actor, idOrReference);
    return this.load(this.db.manager, caseId, proposalId);
  }

  async create(
    actor: Actor,
    idOrReference: string,
    input: CreateCofundingProposalDto,
  ): Promise<CofundingProposalDto> {
    if (input.answerBy && Date.parse(input.answerBy) <= Date.now()) {
      throw new ValidationFailed([
        { field: 'answerBy', code: 'not_in_future', message: 'must be a moment in the future' },
      ]);
    }
    return this.uow.run(refOf(actor), async (w) => {
      const locked = await this.cases.findVisible(w.manager, actor, idOrReference, { lock: true });
      const shares = await this.shares.read(w.manager, locked.id);
      const balances = await this.ledger.balancesOf(w.manager, locked.id);
      const closed = CLOSED_FOR_FUNDING.includes(locked.status);
      const fair = withFairShares(
        closed ? balances.map((b) => ({ ...b, pledgedCents: 0 })) : balances,
        num(locked.estimated_value_cents),
        shares,
      );
      // What each touched domain is still short of its fair share.
      const shortOf = new Map(
        fair.rows
          .filter((r) => r.role !== null)
          .map((r) => [r.domainCode, r.fairShareCents - r.pledgedCents - r.committedCents]),
      );
      const errors: FieldError[] = [];
      const requested: { domainCode: string; amountCents?: number }[] =
        input.items ?? [...shortOf.keys()].map((domainCode) => ({ domainCode }));
      const seen = new Set<string>();
      const items: { domainCode: string; amountCents: number }[] = [];
      requested.forEach((item, i) => {
        const short = shortOf.get(item.domainCode);
        if (short === undefined) {
          errors.push({
            field: `items[${i}].domainCode`,
            code: 'not_on_case',
            message: `must be one of the case's domains (${[...shortOf.keys()].join(', ')})`,
            params: { domainCode: item.domainCode, caseDomains: [...shortOf.keys()] },
          });
        } else if (seen.has(item.domainCode)) {
          errors.push({
            field: `items[${i}].domainCode`,
            code: 'duplicate',
            message: 'names a domain a second time',
            params: { domainCode: item.domainCode },
          });
        } else if (item.amountCents !== undefined) {
          items.push({ domainCode: item.domainCode, amountCents: item.amountCents });
        } else if (short > 0) {
          items.push({ domainCode: item.domainCode, amountCents: short });
        } else if (input.items) {
          errors.push({
            field: `items[${i}].amountCents`,
            code: 'required',
            message: 'the domain has its fair share pledged or committed: name an amount',
            params: { fairShareCents: short },
          });
        }
        seen.add(item.domainCode);
      });
      if (errors.length) throw new ValidationFailed(errors);
      if (items.length === 0) throw new NothingToPropose();

      const [created] = await w.manager.query<{ id: string }[]>(
        `INSERT INTO cofunding_proposals (case_id, shares_version, note, answer_by, created_by_id,
                                          created_by_role, created_by_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          locked.id,
          shares.version,
          input.note ?? null,
          input.answerBy ?? null,
          actor.id,
          actor.role,
          actor.name,
        ],
      );
      const proposalId = created!.id;
      await w.manager.query(
        `INSERT INTO cofunding_proposal_items (proposal_id, domain_code, amount_cents)
         SELECT $1, i.domain_code, i.amount_cents
           FROM unnest($2::text[], $3::bigint[]) AS i(domain_code, amount_cents)`,
        [proposalId, items.map((i) => i.domainCode), items.map((i) => i.amountCents)],
      );
      w.emit({
        type: 'funding.cofunding_proposed',
        payload: { caseId: locked.id, proposalId, domainCodes: items.map((i) => i.domainCode) },
      });
      w.audit({
        action: 'funding.cofunding_proposed',
        subjectType: 'cofunding_proposal',
        subjectId: proposalId,
        caseId: locked.id,
        data: {
          items,
          sharesVersion: shares.version,
          note: input.note ?? null,
          answerBy: input.answerBy ?? null,
        },
      });
      return this.load(w.manager, locked.id, proposalId);
    });
  }

  /**
   * One domain's answer, at the proposal's version (`If-Match`): accepting records the pledge
   * through the ledger in the same unit of work (the ledger's rules apply: a closed case takes
   * none); declining needs a reason. A budget holder answers only for a domain they hold (403,
   * decided before anything is read).
   */
  async answer(
    actor: Actor,
    idOrReference: string,
    proposalId: string,
    input: AnswerCofundingDto,
    ifMatch: IfMatch | undefined,
  ): Promise<CofundingProposalDto> {
    if (actor.role === 'budget_holder' && !actor.domains.includes(input.domainCode)) {
      throw new Forbidden(`You do not hold the budget of the domain ${input.domainCode}.`, {
        reason: 'not_budget_holder',
        role: actor.role,
        domainCode: input.domainCode,
      });
    }
    return this.uow.run(refOf(actor), async (w) => {
      const locked = await this.cases.findVisible(w.manager, actor, idOrReference, { lock: true });
      const proposal = await this.load(w.manager, locked.id, proposalId);
      checkIfMatch(ifMatch, proposal.version);
      const item = proposal.items.find((i) => i.domainCode === input.domainCode);
      if (!item) {
        throw new ValidationFailed([
          {
            field: 'domainCode',
            code: 'not_one_of',
            message: `must be a domain the proposal asks (${proposal.items.map((i) => i.domainCode).join(', ')})`,
            params: { allowed: proposal.items.map((i) => i.domainCode) },
          },
        ]);
      }
      if (item.state === 'expired') throw new CofundingProposalExpired(proposal.answerBy!);
      if (item.state !== 'open') throw new CofundingItemAnswered(item.domainCode, item.state);

      let pledgeEntryId: string | null = null;
      if (input.answer === 'accept') {
        const [pledge] = await this.ledger.append(w, { id: locked.id, status: locked.status }, [
          {
            domainCode: item.domainCode,
            kind: 'pledge',
            amountCents: item.amountCents,
            budgetLine: input.budgetLine ?? null,
            note: input.reason ?? `Co-funding proposal ${proposalId}`,
          },
        ]);
        pledgeEntryId = pledge!.id;
      }
      const state = input.answer === 'accept' ? 'accepted' : 'declined';
      await w.manager.query(
        `UPDATE cofunding_proposal_items
            SET state = $3, reason = $4, answered_by_id = $5, answered_by_name = $6,
                answered_at = now(), pledge_entry_id = $7
          WHERE proposal_id = $1 AND domain_code = $2`,
        [
          proposalId,
          item.domainCode,
          state,
          input.reason ?? null,
          actor.id,
          actor.name,
          pledgeEntryId,
        ],
      );
      await w.manager.query(`UPDATE cofunding_proposals SET version = version + 1 WHERE id = $1`, [
        proposalId,
      ]);
      const after = await this.load(w.manager, locked.id, proposalId);
      w.emit({
        type: 'funding.cofunding_answered',
        payload: {
          caseId: locked.id,
          proposalId,
          domainCode: item.domainCode,
          answer: state,
          proposalState: after.state,
        },
      });
      w.audit({
        action: 'funding.cofunding_answered',
        subjectType: 'cofunding_proposal',
        subjectId: proposalId,
        caseId: locked.id,
        data: {
          domainCode: item.domainCode,
          answer: state,
          amountCents: item.amountCents,
          reason: input.reason ?? null,
          pledgeEntryId,
          proposalState: after.state,
        },
      });
      return after;
    });
  }

  private async load(
    manager: EntityManager,
    caseId: string,
    proposalId: string,
  ): Promise<CofundingProposalDto> {
    const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (!UUID.test(proposalId)) throw new CofundingProposalNotFound(proposalId);
    const rows = await manager.query<ProposalRow[]>(
      `SELECT ${PROPOSAL_COLUMNS} FROM cofunding_proposals WHERE case_id = $1 AND id = $2`,
      [caseId, proposalId],
    );
    const [dto] = await this.present(manager, rows);
    if (!dto) throw new CofundingProposalNotFound(proposalId);
    return dto;
  }

  /** Proposals with their items: one query for the items of all of them. */
  private async present(
    manager: EntityManager,
    rows: ProposalRow[],
  ): Promise<CofundingProposalDto[]> {
    if (rows.length === 0) return [];
    const items = await manager.query<ItemRow[]>(
      `SELECT * FROM cofunding_proposal_items WHERE proposal_id = ANY($1::uuid[])
        ORDER BY proposal_id, domain_code`,
      [rows.map((r) => r.id)],
    );
    const now = new Date();
    return rows.map((r) => {
      const mine = items
        .filter((i) => i.proposal_id === r.id)
        .map((i) => ({
          domainCode: i.domain_code,
          amountCents: num(i.amount_cents),
          state: itemState(i.state, r.answer_by, now),
          reason: i.reason,
          answeredBy: i.answered_at
            ? { id: i.answered_by_id, name: i.answered_by_name ?? '' }
            : null,
          answeredAt: i.answered_at?.toISOString() ?? null,
          pledgeEntryId: i.pledge_entry_id,
        }));
      return {
        id: r.id,
        caseId: r.case_id,
        version: r.version,
        state: proposalState(mine.map((i) => i.state)),
        sharesVersion: r.shares_version,
        note: r.note,
        answerBy: r.answer_by?.toISOString() ?? null,
        createdBy: { id: r.created_by_id, name: r.created_by_name },
        createdAt: r.created_at.toISOString(),
        items: mine,
      };
    });
  }
}
