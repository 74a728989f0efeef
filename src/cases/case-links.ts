import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Forbidden } from '../auth/auth.errors';
import type { Actor } from '../auth/roles';
import { CatalogueService } from '../catalogue/catalogue.service';
import { checkIfMatch, type IfMatch } from '../common/etag';
import { ValidationFailed } from '../common/errors';
import { Params } from '../common/sql-params';
import { refOf, UnitOfWork, type WriteContext } from '../database/unit-of-work';
import { visibleTo } from './case-access';
import { CaseFunding } from './case-funding';
import { CaseLifecycle } from './case-lifecycle';
import { CASE_COLUMNS, CasePresenter, DOMAIN_LIST, type CaseRow } from './case-presenter';
import { CLOSED_STATUSES, mayDo, type CaseStatus } from './case-transitions';
import {
  CaseLinkCycle,
  CaseLinkLimit,
  CaseNotFound,
  CasesAlreadyLinked,
  DuplicateTargetClosed,
  ParentCaseClosed,
  SubCaseExists,
  TransitionNotAllowed,
} from './cases.errors';
import { filingStatement } from './cases.store';
import type {
  CaseLinkDto,
  CaseLinkListDto,
  CloseAsDuplicateDto,
  CreateCaseLinkDto,
  CreateSubCaseDto,
} from './dto/case-link.dto';
import type { CaseDomainDto, CaseDto } from './dto/case.dto';
import type { CaseLinkKind } from './entities/case-link.entity';

/** The most links a case has: its page lists them all, with each other case's money. */
export const MAX_LINKS_PER_CASE = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface LinkRow {
  id: string;
  kind: CaseLinkKind;
  outgoing: boolean;
  created_by_id: string | null;
  created_by_role: string;
  created_by_name: string;
  created_at: Date;
  other_id: string;
  reference: string;
  title: string;
  status: CaseStatus;
  team_id: string | null;
  domain_list: CaseDomainDto[];
}

/**
 * Related cases, sub-cases and duplicates (issue 19, item 4; ADR 44): the only writer of
 * `case_links`. Linking and splitting are staff's (CASE_ACTIONS.link, fileSubCase); closing a
 * case as a duplicate goes through the lifecycle writer (ADR 26) with outcome `duplicate`, and
 * asks the budget holders to consent to moving its open pledges (funding's part, through
 * CaseFunding). Every change is audited and announced in the unit of work that makes it.
 */
@Injectable()
export class CaseLinks {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly presenter: CasePresenter,
    private readonly catalogue: CatalogueService,
    private readonly funding: CaseFunding,
    private readonly lifecycle: CaseLifecycle,
  ) {}

  /**
   * The links of a case whose other case the caller may see (a buyer: both in their unit), each
   * with the other case's status, team and money; and the money of the case with its sub-cases.
   */
  async list(actor: Actor, idOrReference: string): Promise<CaseLinkListDto> {
    const current = await this.findVisible(this.db.manager, actor, idOrReference);
    const rows = await this.linksOf(this.db.manager, actor, current.id);
    const teams = await this.catalogue.unitRefs(
      rows.map((r) => r.team_id).filter((id): id is string => id !== null),
    );
    const subCases = rows.filter((r) => r.kind === 'part_of' && !r.outgoing);
    const money = await this.funding.totalsOf(this.db.manager, [
      ...rows.map((r) => r.other_id),
      ...(subCases.length ? [current.id] : []),
    ]);
    const none = { pledgedCents: 0, committedCents: 0, disbursedCents: 0 };
    const items: CaseLinkDto[] = rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      direction: r.outgoing ? 'outgoing' : 'incoming',
      case: {
        id: r.other_id,
        reference: r.reference,
        title: r.title,
        status: r.status,
        domains: r.domain_list,
        team: r.team_id ? (teams.get(r.team_id) ?? null) : null,
        funding: money.get(r.other_id) ?? none,
      },
      createdBy: { id: r.created_by_id, name: r.created_by_name, role: r.created_by_role },
      createdAt: r.created_at.toISOString(),
    }));
    const withSubCases = subCases.length
      ? [current.id, ...subCases.map((r) => r.other_id)]
          .map((id) => money.get(id) ?? none)
          .reduce((a, b) => ({
            pledgedCents: a.pledgedCents + b.pledgedCents,
            committedCents: a.committedCents + b.committedCents,
            disbursedCents: a.disbursedCents + b.disbursedCents,
          }))
      : null;
    return { items, withSubCases };
  }

  /** Links two cases as related, or this one as part of `target` (staff). */
  async link(actor: Actor, idOrReference: string, input: CreateCaseLinkDto): Promise<CaseLinkDto> {
    this.assertMay(actor, 'link');
    return this.uow.run(refOf(actor), async (w) => {
      const [current, target] = await this.lockPair(w, actor, idOrReference, input.target);
      if (input.kind === 'part_of') {
        if (CLOSED_STATUSES.includes(target.status)) throw new ParentCaseClosed(target);
        await this.assertNoCycle(w.manager, 'part_of', current, target);
      }
      const linkId = await this.insertLink(w, actor, current, input.kind, target);
      return this.presentLink(w.manager, actor, current.id, linkId);
    });
  }

  /**
   * Splits a sub-case off an open parent for one of its domains (staff): filed for the parent's
   * buyer and unit with the parent's question, that domain as its lead, routed by the rules as
   * every filed case; linked `part_of` the parent in the same unit of work.
   */
  async fileSubCase(
    actor: Actor,
    idOrReference: string,
    input: CreateSubCaseDto,
  ): Promise<CaseDto> {
    this.assertMay(actor, 'fileSubCase');
    return this.uow.run(refOf(actor), async (w) => {
      const parent = await this.findVisible(w.manager, actor, idOrReference, true);
      if (CLOSED_STATUSES.includes(parent.status)) throw new ParentCaseClosed(parent);
      const domains = await w.manager.query<{ domain_code: string }[]>(
        'SELECT domain_code FROM case_domains WHERE case_id = $1 ORDER BY domain_code',
        [parent.id],
      );
      const codes = domains.map((d) => d.domain_code);
      if (!codes.includes(input.domainCode)) {
        throw new ValidationFailed([
          {
            field: 'domainCode',
            code: 'not_on_case',
            message: `must be one of the parent's domains (${codes.join(', ')})`,
            params: { domainCode: input.domainCode, caseDomains: codes },
          },
        ]);
      }
      const [existing] = await w.manager.query<{ id: string; reference: string }[]>(
        `SELECT c.id, c.reference FROM case_links l
           JOIN cases c ON c.id = l.case_id
           JOIN case_domains d ON d.case_id = c.id AND d.role = 'lead' AND d.domain_code = $2
          WHERE l.target_id = $1 AND l.kind = 'part_of'
          LIMIT 1`,
        [parent.id, input.domainCode],
      );
      if (existing) throw new SubCaseExists(input.domainCode, existing);
      await this.assertRoom(w.manager, parent.id);

      const question = {
        title: input.title ?? parent.title,
        description: parent.description,
        tenderReference: parent.tender_reference ?? undefined,
        procurementStage: parent.procurement_stage,
        procurementKind: parent.procurement_kind,
        estimatedValueCents: input.estimatedValueCents ?? 0,
        priority: parent.priority,
        deadline: parent.deadline ?? undefined,
        domains: [{ code: input.domainCode, role: 'lead' as const }],
      };
      const created = await this.lifecycle.apply(w, {
        kind: 'file',
        subCase: true,
        ...filingStatement(question, parent.organisation_unit_id, parent.filed_by_id),
        audit: (row) => ({
          reference: row.reference,
          title: row.title,
          description: row.description,
          estimatedValueCents: Number(row.estimated_value_cents),
          organisationUnitId: row.organisation_unit_id,
          domains: [{ code: input.domainCode, role: 'lead' }],
          subCaseOf: { id: parent.id, reference: parent.reference },
        }),
      });
      await this.insertLink(w, actor, created.row, 'part_of', parent);
      const [dto] = await this.presenter.present(
        w.manager,
        [{ ...created.row, domain_list: [{ code: input.domainCode, role: 'lead' }] }],
        actor,
        { histories: new Map([[created.row.id, created.history]]) },
      );
      return dto!;
    });
  }

  /**
   * Closes an open case as a duplicate of another open one (staff, at the version read): through
   * the lifecycle writer to `resolved` with outcome `duplicate` and the reason as its summary,
   * linked `duplicate_of` the survivor (a `related` link between them becomes this one), and the
   * budget holders asked to consent to moving its open pledges. Its buyer hears of it through
   * the outbox (`case.closed_as_duplicate`, a signal, and the status change's mail).
   */
  async closeAsDuplicate(
    actor: Actor,
    idOrReference: string,
    input: CloseAsDuplicateDto,
    ifMatch: IfMatch | undefined,
  ): Promise<CaseDto> {
    this.assertMay(actor, 'closeAsDuplicate');
    return this.uow.run(refOf(actor), async (w) => {
      const [current, target] = await this.lockPair(w, actor, idOrReference, input.target);
      // The case's own state first, then the version: a second request is told the conflict.
      if (CLOSED_STATUSES.includes(current.status)) {
        throw new TransitionNotAllowed(current.status, 'resolved', []);
      }
      if (CLOSED_STATUSES.includes(target.status)) throw new DuplicateTargetClosed(target);
      checkIfMatch(ifMatch, current.version);
      const existing = await this.linkBetween(w.manager, current.id, target.id);
      if (existing && existing.kind !== 'related') throw new CasesAlreadyLinked(existing);
      await this.assertNoCycle(w.manager, 'duplicate_of', current, target);
      const updated = (await this.lifecycle.apply(w, {
        kind: 'transition',
        rule: 'duplicate',
        current,
        to: 'resolved',
        reason: input.reason,
        guard: 'version',
        set: (p) => [
          `outcome_summary = ${p.add(input.reason)}::text`,
          'outcome_supplier_name = NULL',
          'outcome_supplier_type = NULL',
          'outcome_awarded_value_cents = NULL',
          `outcome_kind = 'duplicate'`,
          'closed_at = now()',
        ],
        audit: {
          outcome: { kind: 'duplicate', summary: input.reason },
          duplicateOf: { id: target.id, reference: target.reference },
        },
      }))!;
      if (existing) {
        await w.manager.query('DELETE FROM case_links WHERE id = $1', [existing.id]);
      }
      const [link] = await w.manager.query<{ id: string }[]>(
        `INSERT INTO case_links (case_id, kind, target_id, created_by_id, created_by_role,
                                 created_by_name)
         VALUES ($1, 'duplicate_of', $2, $3, $4, $5) RETURNING id`,
        [current.id, target.id, actor.id, actor.role, actor.name],
      );
      w.emit({
        type: 'case.closed_as_duplicate',
        payload: {
          caseId: current.id,
          version: updated.version,
          duplicateOfId: target.id,
          linkId: link!.id,
        },
      });
      w.audit({
        action: 'case.closed_as_duplicate',
        subjectType: 'case',
        subjectId: current.id,
        caseId: current.id,
        data: {
          linkId: link!.id,
          duplicateOf: { id: target.id, reference: target.reference },
          reason: input.reason,
          ...(existing ? { replacedRelatedLink: existing.id } : {}),
        },
      });
      await this.funding.askToMovePledges(w, current, target);
      const [dto] = await this.presenter.present(w.manager, [updated], actor);
      return dto!;
    });
  }

  // ---- helpers ----

  private assertMay(actor: Actor, action: 'link' | 'fileSubCase' | 'closeAsDuplicate'): void {
    if (!mayDo(action, actor.role)) throw new Forbidden();
  }

  private async findVisible(
    manager: EntityManager,
    actor: Actor,
    idOrReference: string,
    lock = false,
  ): Promise<CaseRow> {
    const p = new Params();
    const match = UUID.test(idOrReference)
      ? `c.id = ${p.add(idOrReference)}::uuid`
      : `c.reference = ${p.add(idOrReference.toUpperCase())}`;
    const [row] = await manager.query<CaseRow[]>(
      `SELECT ${CASE_COLUMNS} FROM cases c WHERE ${match} AND ${visibleTo(actor, p)}${lock ? ' FOR UPDATE OF c' : ''}`,
      p.values,
    );
    if (!row) throw new CaseNotFound(idOrReference);
    return row;
  }

  /**
   * The case of the path and the case of the body, both locked, in the order of their ids (two
   * requests about the same pair wait for each other instead of deadlocking). A body naming no
   * case the caller can see, or the case itself, is a 422 on `target`.
   */
  private async lockPair(
    w: WriteContext,
    actor: Actor,
    idOrReference: string,
    targetRef: string,
  ): Promise<[CaseRow, CaseRow]> {
    const current = await this.findVisible(w.manager, actor, idOrReference);
    const target = await this.findVisible(w.manager, actor, targetRef).catch((error: unknown) => {
      if (!(error instanceof CaseNotFound)) throw error;
      throw new ValidationFailed([
        {
          field: 'target',
          code: 'unknown_case',
          message: 'must be a case you can see',
          params: { target: targetRef },
        },
      ]);
    });
    if (target.id === current.id) {
      throw new ValidationFailed([
        {
          field: 'target',
          code: 'not_itself',
          message: 'must be another case',
          params: { target: targetRef },
        },
      ]);
    }
    const [first, second] = [current, target].sort((a, b) => (a.id < b.id ? -1 : 1));
    const a = await this.findVisible(w.manager, actor, first!.id, true);
    const b = await this.findVisible(w.manager, actor, second!.id, true);
    return a.id === current.id ? [a, b] : [b, a];
  }

  private async linkBetween(
    manager: EntityManager,
    a: string,
    b: string,
  ): Promise<{ id: string; kind: CaseLinkKind } | null> {
    const [row] = await manager.query<{ id: string; kind: CaseLinkKind }[]>(
      `SELECT id, kind FROM case_links
        WHERE LEAST(case_id, target_id) = LEAST($1::uuid, $2::uuid)
          AND GREATEST(case_id, target_id) = GREATEST($1::uuid, $2::uuid)`,
      [a, b],
    );
    return row ?? null;
  }

  /** A case has room for another link (MAX_LINKS_PER_CASE), else 409. */
  private async assertRoom(manager: EntityManager, caseId: string): Promise<void> {
    const [row] = await manager.query<{ n: number }[]>(
      `SELECT (SELECT count(*) FROM (SELECT 1 FROM case_links WHERE case_id = $1 LIMIT $2) a)::int
            + (SELECT count(*) FROM (SELECT 1 FROM case_links WHERE target_id = $1 LIMIT $2) b)::int
              AS n`,
      [caseId, MAX_LINKS_PER_CASE],
    );
    if (row!.n >= MAX_LINKS_PER_CASE) throw new CaseLinkLimit(MAX_LINKS_PER_CASE);
  }

  /**
   * `current kind target` may not close a circle: following `kind` links from the target (its
   * parent, its parent's parent…) must not come back to the case. Bounded by the depth.
   */
  private async assertNoCycle(
    manager: EntityManager,
    kind: 'part_of' | 'duplicate_of',
    current: CaseRow,
    target: CaseRow,
  ): Promise<void> {
    const [row] = await manager.query<{ found: boolean }[]>(
      `WITH RECURSIVE up(id, depth) AS (
         SELECT $2::uuid, 0
         UNION ALL
         SELECT l.target_id, up.depth + 1 FROM up
           JOIN case_links l ON l.case_id = up.id AND l.kind = $3
          WHERE up.depth < 100
       )
       SELECT EXISTS (SELECT 1 FROM up WHERE id = $1::uuid) AS found`,
      [current.id, target.id, kind],
    );
    if (row!.found) throw new CaseLinkCycle(kind, target.reference);
  }

  private async insertLink(
    w: WriteContext,
    actor: Actor,
    from: Pick<CaseRow, 'id' | 'reference'>,
    kind: CaseLinkKind,
    target: Pick<CaseRow, 'id' | 'reference'>,
  ): Promise<string> {
    const existing = await this.linkBetween(w.manager, from.id, target.id);
    if (existing) throw new CasesAlreadyLinked(existing);
    if (kind === 'part_of') {
      const [parent] = await w.manager.query<{ id: string; target_id: string }[]>(
        `SELECT id, target_id FROM case_links WHERE case_id = $1 AND kind = 'part_of'`,
        [from.id],
      );
      if (parent) throw new CasesAlreadyLinked({ id: parent.id, kind: 'part_of' });
    }
    await this.assertRoom(w.manager, from.id);
    await this.assertRoom(w.manager, target.id);
    const [link] = await w.manager.query<{ id: string }[]>(
      `INSERT INTO case_links (case_id, kind, target_id, created_by_id, created_by_role,
                               created_by_name)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [from.id, kind, target.id, actor.id, actor.role, actor.name],
    );
    w.emit({
      type: 'case.linked',
      payload: { caseId: from.id, linkId: link!.id, kind, targetId: target.id },
    });
    w.audit({
      action: 'case.linked',
      subjectType: 'case',
      subjectId: from.id,
      caseId: from.id,
      data: { linkId: link!.id, kind, target: { id: target.id, reference: target.reference } },
    });
    return link!.id;
  }

  /** The links of a case whose other case the actor may see: from each end by its own index. */
  private async linksOf(manager: EntityManager, actor: Actor, caseId: string): Promise<LinkRow[]> {
    const p = new Params();
    const id = p.add(caseId);
    const visible = visibleTo(actor, p);
    const columns = `l.id, l.kind, l.created_by_id, l.created_by_role, l.created_by_name,
      l.created_at, c.id AS other_id, c.reference, c.title, c.status, c.team_id,
      ${DOMAIN_LIST} AS domain_list`;
    return manager.query<LinkRow[]>(
      `(SELECT ${columns}, TRUE AS outgoing FROM case_links l JOIN cases c ON c.id = l.target_id
         WHERE l.case_id = ${id}::uuid AND ${visible} ORDER BY l.created_at, l.id LIMIT ${MAX_LINKS_PER_CASE})
       UNION ALL
       (SELECT ${columns}, FALSE AS outgoing FROM case_links l JOIN cases c ON c.id = l.case_id
         WHERE l.target_id = ${id}::uuid AND ${visible} ORDER BY l.created_at, l.id LIMIT ${MAX_LINKS_PER_CASE})
       ORDER BY created_at, id`,
      p.values,
    );
  }

  private async presentLink(
    manager: EntityManager,
    actor: Actor,
    caseId: string,
    linkId: string,
  ): Promise<CaseLinkDto> {
    const rows = await this.linksOf(manager, actor, caseId);
    const row = rows.find((r) => r.id === linkId)!;
    const teams = await this.catalogue.unitRefs(row.team_id ? [row.team_id] : [], manager);
    const money = await this.funding.totalsOf(manager, [row.other_id]);
    return {
      id: row.id,
      kind: row.kind,
      direction: row.outgoing ? 'outgoing' : 'incoming',
      case: {
        id: row.other_id,
        reference: row.reference,
        title: row.title,
        status: row.status,
        domains: row.domain_list,
        team: row.team_id ? (teams.get(row.team_id) ?? null) : null,
        funding: money.get(row.other_id) ?? {
          pledgedCents: 0,
          committedCents: 0,
          disbursedCents: 0,
        },
      },
      createdBy: { id: row.created_by_id, name: row.created_by_name, role: row.created_by_role },
      createdAt: row.created_at.toISOString(),
    };
  }
}
