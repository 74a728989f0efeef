import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Forbidden } from '../auth/auth.errors';
import type { Actor } from '../auth/roles';
import { CaseReader } from '../cases/case-reader';
import type { DomainRole } from '../cases/case-transitions';
import { checkIfMatch, type IfMatch } from '../common/etag';
import { ValidationFailed } from '../common/errors';
import { refOf, UnitOfWork } from '../database/unit-of-work';
import { shareErrors, type ShareInput } from './benefit-calculator';
import type {
  AnswerBenefitShareDto,
  BenefitShareDto,
  BenefitShareHistoryDto,
  BenefitSharesDto,
  SetBenefitSharesDto,
} from './dto/benefit-shares.dto';
import { WHOLE_SHARE_BP, type ShareAnswer } from './entities/benefit-share.entity';
import { BenefitSharesNotSet, DomainNotOnCase } from './funding.errors';

interface ShareRow {
  domain_code: string;
  role: DomainRole | null;
  version: number | null;
  basis_points: number | null;
  answer: ShareAnswer | null;
  answer_reason: string | null;
  answer_by_id: string | null;
  answer_by_name: string | null;
  answer_at: Date | null;
}

interface VersionRow {
  version: number;
  shares: ShareInput[];
  reasoning: string;
  actor_id: string | null;
  actor_role: string;
  actor_name: string;
  set_at: Date;
}

/**
 * The shares in force of a case per domain, as SQL over `benefit_shares` and (read-only, ADR 27)
 * `case_domains`: every domain the case touches, and any domain with a share the case no longer
 * touches. Lead first, then by code.
 */
const SHARES_OF_CASE = `
  SELECT COALESCE(cd.domain_code, b.domain_code) AS domain_code, cd.role, b.version,
         b.basis_points, b.answer, b.answer_reason, b.answer_by_id, b.answer_by_name, b.answer_at
    FROM (SELECT domain_code, role FROM case_domains WHERE case_id = $1) cd
    FULL JOIN (SELECT * FROM benefit_shares WHERE case_id = $1) b
      ON b.domain_code = cd.domain_code
   ORDER BY cd.role = 'lead' DESC NULLS LAST, cd.role IS NULL, 1`;

/**
 * Benefit shares (issue 18, item 1; ADR 36): how much each domain a case touches benefits from
 * it, in basis points adding up to 10,000. Staff (and admins) set them as a whole, with a
 * reasoning, at the version they read (`If-Match`); every set is kept in
 * `benefit_share_versions`. A domain's budget holder answers its share: agreed, or disputed with
 * a reason. The only writer of `benefit_shares` and `benefit_share_versions`.
 */
@Injectable()
export class BenefitShares {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly cases: CaseReader,
  ) {}

  async get(actor: Actor, idOrReference: string): Promise<BenefitSharesDto> {
    const row = await this.cases.findVisible(this.db.manager, actor, idOrReference);
    return this.read(this.db.manager, row.id);
  }

  async history(actor: Actor, idOrReference: string): Promise<BenefitShareHistoryDto> {
    const caseId = await this.cases.visibleId(actor, idOrReference);
    const rows = await this.db.query<VersionRow[]>(
      `SELECT version, shares, reasoning, actor_id, actor_role, actor_name, set_at
         FROM benefit_share_versions WHERE case_id = $1 ORDER BY version DESC`,
      [caseId],
    );
    return {
      items: rows.map((r) => ({
        version: r.version,
        shares: r.shares,
        reasoning: r.reasoning,
        setBy: { id: r.actor_id, name: r.actor_name, role: r.actor_role },
        setAt: r.set_at.toISOString(),
      })),
    };
  }

  /** The shares of a case as they stand, read with `manager` (a transaction's, or the pool's). */
  async read(manager: EntityManager, caseId: string): Promise<BenefitSharesDto> {
    const rows = await manager.query<ShareRow[]>(SHARES_OF_CASE, [caseId]);
    const set = rows.some((r) => r.basis_points !== null);
    const version = Math.max(0, ...rows.map((r) => r.version ?? 0));
    const [latest] = set
      ? await manager.query<VersionRow[]>(
          `SELECT version, shares, reasoning, actor_id, actor_role, actor_name, set_at
             FROM benefit_share_versions WHERE case_id = $1 AND version = $2`,
          [caseId, version],
        )
      : [];
    const shares: BenefitShareDto[] = rows.map((r) => ({
      domainCode: r.domain_code,
      role: r.role,
      basisPoints: set ? (r.basis_points ?? 0) : r.role === 'lead' ? WHOLE_SHARE_BP : 0,
      answer:
        r.answer && r.answer_at
          ? {
              answer: r.answer,
              reason: r.answer_reason,
              byId: r.answer_by_id,
              byName: r.answer_by_name ?? '',
              at: r.answer_at.toISOString(),
            }
          : null,
    }));
    return {
      caseId,
      version,
      isDefault: !set,
      shares,
      reasoning: latest?.reasoning ?? null,
      setBy: latest
        ? { id: latest.actor_id, name: latest.actor_name, role: latest.actor_role }
        : null,
      setAt: latest?.set_at.toISOString() ?? null,
    };
  }

  /**
   * Sets the shares of a case as a whole, at the version the caller read (428 without
   * `If-Match`, 412 when another set came first). Every domain the case touches gets a row (0
   * when left out); earlier answers lapse with the shares they answered.
   */
  async set(
    actor: Actor,
    idOrReference: string,
    input: SetBenefitSharesDto,
    ifMatch: IfMatch | undefined,
  ): Promise<BenefitSharesDto> {
    return this.uow.run(refOf(actor), async (w) => {
      const locked = await this.cases.findVisible(w.manager, actor, idOrReference, { lock: true });
      const current = await this.read(w.manager, locked.id);
      checkIfMatch(ifMatch, current.version);
      const touched = current.shares.filter((s) => s.role !== null).map((s) => s.domainCode);
      const errors = shareErrors(input.shares, touched);
      if (errors.length) throw new ValidationFailed(errors);

      const given = new Map(input.shares.map((s) => [s.domainCode, s.basisPoints]));
      const shares = touched.map((domainCode) => ({
        domainCode,
        basisPoints: given.get(domainCode) ?? 0,
      }));
      const version = current.version + 1;
      await w.manager.query(`DELETE FROM benefit_shares WHERE case_id = $1`, [locked.id]);
      await w.manager.query(
        `INSERT INTO benefit_shares (case_id, domain_code, version, basis_points)
         SELECT $1, s.domain_code, $2, s.basis_points
           FROM unnest($3::text[], $4::int[]) AS s(domain_code, basis_points)`,
        [locked.id, version, shares.map((s) => s.domainCode), shares.map((s) => s.basisPoints)],
      );
      await w.manager.query(
        `INSERT INTO benefit_share_versions (case_id, version, shares, reasoning, actor_id,
                                             actor_role, actor_name)
         VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7)`,
        [
          locked.id,
          version,
          JSON.stringify(shares),
          input.reasoning,
          actor.id,
          actor.role,
          actor.name,
        ],
      );
      w.emit({ type: 'funding.benefit_shares_set', payload: { caseId: locked.id, version } });
      w.audit({
        action: 'funding.benefit_shares_set',
        subjectType: 'case',
        subjectId: locked.id,
        caseId: locked.id,
        data: {
          version,
          shares,
          previous: current.shares.map((s) => ({
            domainCode: s.domainCode,
            basisPoints: s.basisPoints,
          })),
          reasoning: input.reasoning,
        },
      });
      return this.read(w.manager, locked.id);
    });
  }

  /**
   * A budget holder's answer to their domain's share (403 for a domain they do not hold, decided
   * before the case is read), at the version of the shares they read (`If-Match`).
   */
  async answer(
    actor: Actor,
    idOrReference: string,
    domainCode: string,
    input: AnswerBenefitShareDto,
    ifMatch: IfMatch | undefined,
  ): Promise<BenefitSharesDto> {
    if (actor.role === 'budget_holder' && !actor.domains.includes(domainCode)) {
      throw new Forbidden(`You do not hold the budget of the domain ${domainCode}.`, {
        reason: 'not_budget_holder',
        role: actor.role,
        domainCode,
      });
    }
    return this.uow.run(refOf(actor), async (w) => {
      const locked = await this.cases.findVisible(w.manager, actor, idOrReference, { lock: true });
      const current = await this.read(w.manager, locked.id);
      checkIfMatch(ifMatch, current.version);
      if (current.isDefault) throw new BenefitSharesNotSet();
      const share = current.shares.find((s) => s.domainCode === domainCode && s.role !== null);
      if (!share) {
        throw new DomainNotOnCase(
          domainCode,
          current.shares.filter((s) => s.role !== null).map((s) => s.domainCode),
        );
      }
      const reason = input.reason ?? null;
      await w.manager.query(
        `UPDATE benefit_shares
            SET answer = $3, answer_reason = $4, answer_by_id = $5, answer_by_name = $6,
                answer_at = now()
          WHERE case_id = $1 AND domain_code = $2`,
        [locked.id, domainCode, input.answer, reason, actor.id, actor.name],
      );
      w.emit({
        type: 'funding.benefit_share_answered',
        payload: { caseId: locked.id, version: current.version, domainCode, answer: input.answer },
      });
      w.audit({
        action: 'funding.benefit_share_answered',
        subjectType: 'case',
        subjectId: locked.id,
        caseId: locked.id,
        data: {
          version: current.version,
          domainCode,
          basisPoints: share.basisPoints,
          answer: input.answer,
          reason,
          previous: share.answer?.answer ?? null,
        },
      });
      return this.read(w.manager, locked.id);
    });
  }
}
