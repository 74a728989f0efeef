import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Forbidden } from '../auth/auth.errors';
import type { Actor } from '../auth/roles';
import { UsersService } from '../auth/users.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { PreconditionFailed, ValidationFailed } from '../common/errors';
import { checkIfMatch, type IfMatch } from '../common/etag';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  requestHash,
} from '../common/idempotency/idempotency';
import {
  SYSTEM_ACTOR,
  UnitOfWork,
  type ActorRef,
  type WriteContext,
} from '../database/unit-of-work';
import { CaseReader } from './case-reader';
import { CASE_COLUMNS, CasePresenter, type CaseRow } from './case-presenter';
import {
  CLOSED_STATUSES,
  availableTransitions,
  findTransition,
  mayTake,
  type CaseStatus,
  type Priority,
} from './case-transitions';
import { CaseNotEditable, DomainHasFunding, TransitionNotAllowed } from './cases.errors';
import { diffCase, type CaseChanges } from './case-changes';
import type { CaseDomainInput, FileCaseDto, UpdateCaseDto } from './dto/case-input.dto';
import { EDITABLE_FIELDS, editableFields, roleMayEdit } from './case-editing';
import { CaseKoppel } from './case-koppel';
import type { CaseDto, NoteDto } from './dto/case.dto';
import { misplacedFields, type TransitionDto } from './dto/transition.dto';
import type { SlaStage } from '../workflow/outbox/outbox';
import { FundingLedger } from '../funding/funding-ledger';
import { CLOSED_FOR_FUNDING } from '../funding/ledger-calculator';

export interface FileResult {
  status: number;
  body: CaseDto;
}

/** The routing decision the workflow hands over for `filed → routed`. */
export interface Routing {
  teamId: string;
  /** null when the team has no active staff member yet. */
  koppelMeentcoopId: string | null;
  acceptBy: Date;
  proposeBy: Date;
  rule?: string;
}

const actorRef = (actor: Actor): ActorRef => ({ id: actor.id, role: actor.role, name: actor.name });

/**
 * Every change to a case goes through here, each in one unit of work: the change, its status
 * history, its audit events and its outbox events commit together or not at all.
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reader: CaseReader,
    private readonly presenter: CasePresenter,
    private readonly catalogue: CatalogueService,
    private readonly users: UsersService,
    private readonly ledger: FundingLedger,
    private readonly koppel: CaseKoppel,
  ) {}

  /** Files a case for the buyer's unit. With an idempotency key, a replay gets the first answer. */
  async file(actor: Actor, input: FileCaseDto, idempotencyKey?: string): Promise<FileResult> {
    const unitId = await this.filingUnit(actor, input.organisationUnitId);
    await this.assertDomains(input.domains, 'domains');
    this.ledger.assertInitialFunding(input.initialFunding, input.domains); // funding (issue 6)
    return this.uow.run(actorRef(actor), async (w) => {
      if (idempotencyKey) {
        const replay = await claimIdempotencyKey(w.manager, {
          actorId: actor.id,
          key: idempotencyKey,
          operation: 'POST /cases',
          requestHash: requestHash('POST /cases', input),
        });
        if (replay) return { status: replay.status, body: replay.body as CaseDto };
      }
      // The case, its domains and its first status change in one statement (one round trip).
      const [row] = await w.manager.query<CaseRow[]>(
        `WITH c AS (
           INSERT INTO cases (reference, title, description, tender_reference, procurement_stage,
                              estimated_value_cents, priority, deadline, organisation_unit_id,
                              filed_by_id)
           VALUES (next_case_reference(now()), $1, $2, $3, $4, $5, $6, $7, $8, $9)
           RETURNING ${CASE_COLUMNS.replace(/c\./g, '')}
         ), d AS (
           INSERT INTO case_domains (case_id, domain_code, role)
           SELECT c.id, x.code, x.role FROM c, unnest($10::text[], $11::text[]) AS x(code, role)
         ), h AS (
           INSERT INTO case_status_changes (case_id, from_status, to_status, actor_id, actor_role,
                                            actor_name, reason)
           SELECT c.id, NULL, 'filed', $9, $12, $13, NULL FROM c
         )
         SELECT * FROM c`,
        [
          input.title,
          input.description ?? '',
          input.tenderReference ?? null,
          input.procurementStage ?? 'planning',
          input.estimatedValueCents,
          input.priority ?? 'normal',
          input.deadline ?? null,
          unitId,
          actor.id,
          input.domains.map((d) => d.code),
          input.domains.map((d) => d.role),
          actor.role,
          actor.name,
        ],
      );
      const created = row!;
      w.emit({ type: 'case.filed', payload: { caseId: created.id, version: created.version } });
      w.audit({
        action: 'case.filed',
        subjectType: 'case',
        subjectId: created.id,
        caseId: created.id,
        data: {
          reference: created.reference,
          title: created.title,
          description: created.description,
          tenderReference: created.tender_reference,
          procurementStage: created.procurement_stage,
          estimatedValueCents: Number(created.estimated_value_cents),
          priority: created.priority,
          deadline: created.deadline,
          organisationUnitId: unitId,
          domains: input.domains.map((d) => ({ code: d.code, role: d.role })),
          to: 'filed',
        },
      });
      // Funding (issue 6): `initialFunding` becomes pledge entries in this same unit of work.
      await this.ledger.pledgeInitialFunding(w, created, input.initialFunding);
      // Lead first, as every read lists them.
      const domainList = [...input.domains]
        .sort((a, b) =>
          a.role === b.role ? a.code.localeCompare(b.code) : a.role === 'lead' ? -1 : 1,
        )
        .map((d) => ({ code: d.code, role: d.role }));
      const [body] = await this.presenter.present(
        w.manager,
        [{ ...created, domain_list: domainList }],
        actor,
      );
      if (idempotencyKey) {
        await completeIdempotencyKey(
          w.manager,
          { actorId: actor.id, key: idempotencyKey },
          {
            status: 201,
            body,
          },
        );
      }
      return { status: 201, body: body! };
    });
  }

  /** Applies a partial change at the version the caller read (`If-Match`). */
  async update(
    actor: Actor,
    idOrReference: string,
    input: UpdateCaseDto,
    ifMatch: IfMatch | undefined,
  ): Promise<CaseDto> {
    const { moveKoppel, ...patch } = input;
    const fields = EDITABLE_FIELDS.filter((f) => patch[f] !== undefined);
    // One rule for what PATCH accepts and what `editableFields` offers (case-editing.ts).
    const forbidden = fields.filter((f) => !roleMayEdit(actor.role, f));
    if (forbidden.length) throw new Forbidden(`Your role may not change ${forbidden.join(', ')}.`);
    if (input.domains) await this.assertDomains(input.domains, 'domains');
    if (input.assigneeId) await this.assertStaff(input.assigneeId);

    return this.uow.run(actorRef(actor), async (w) => {
      const current = await this.reader.findVisible(w.manager, actor, idOrReference, {
        lock: true,
      });
      this.checkVersion(current, ifMatch);
      const editable = editableFields(actor.role, current.status);
      const late = fields.filter((f) => !editable.includes(f));
      if (late.length) throw new CaseNotEditable(current.status, late);
      const currentDomains = await this.domainsOf(w.manager, current.id);
      const changes = diffCase(current, currentDomains, patch);
      if (Object.keys(changes).length === 0) {
        const [same] = await this.presenter.present(w.manager, [current], actor);
        return same!;
      }
      if (changes.domains) await this.assertNoMoneyOnRemovedDomains(w, current.id, input.domains!);
      // Assigning a case of another team to oneself takes it on: the koppel moves, if asked.
      if (changes.assigneeId?.new === actor.id) {
        await this.koppel.takeOn(w, actor, current, moveKoppel, null);
      }
      const updated = await this.writeChanges(w.manager, current, changes);
      if (changes.domains) await this.writeDomains(w.manager, current.id, input.domains!, true);
      this.journalChanges(w, updated, changes);
      const [dto] = await this.presenter.present(w.manager, [updated], actor);
      return dto!;
    });
  }

  /** Moves a case along the state machine, as the signed-in actor. */
  async transition(
    actor: Actor,
    idOrReference: string,
    input: TransitionDto,
    ifMatch: IfMatch | undefined,
  ): Promise<CaseDto> {
    const misplaced = misplacedFields(input);
    return this.uow.run(actorRef(actor), async (w) => {
      const current = await this.reader.findVisible(w.manager, actor, idOrReference, {
        lock: true,
      });
      this.checkVersion(current, ifMatch);
      const transition = findTransition(current.status, input.to);
      const who = { role: actor.role, isFiler: actor.id === current.filed_by_id };
      if (!transition) {
        throw new TransitionNotAllowed(
          current.status,
          input.to,
          availableTransitions(current.status, who).map((t) => t.to),
        );
      }
      if (!mayTake(transition, who)) {
        throw new Forbidden(
          transition.by.includes('filer')
            ? `Only the buyer who filed the case, or an admin, may move it to ${input.to}.`
            : `Your role may not move a case from ${current.status} to ${input.to}.`,
        );
      }
      if (misplaced.length) throw new ValidationFailed(misplaced);
      // Accepting a case of another team takes it on: the koppel moves, if asked (ADR 24).
      if (input.to === 'accepted') {
        await this.koppel.takeOn(w, actor, current, input.moveKoppel, input.reason ?? null);
      }
      const updated = await this.applyTransition(w, current, input);
      const [dto] = await this.presenter.present(w.manager, [updated], actor);
      return dto!;
    });
  }

  /**
   * `filed → routed`, taken by the workflow (the system actor): sets the team, the koppel and the
   * SLA due dates. Returns false, changing nothing, when the case is no longer `filed`, so a
   * repeated routing job is harmless. Runs in its own unit of work.
   */
  async route(caseId: string, routing: Routing): Promise<boolean> {
    return this.uow.run(SYSTEM_ACTOR, async (w) => {
      // The routing and its status change in one statement (one round trip).
      const [updated] = await w.manager.query<{ id: string; version: number }[]>(
        `WITH r AS (
           UPDATE cases SET status = 'routed', team_id = $2, koppel_meentcoop_id = $3,
                  accept_by = $4, propose_by = $5, routed_at = now(), updated_at = now(),
                  version = version + 1
            WHERE id = $1 AND status = 'filed'
            RETURNING id, version, koppel_municipal_id
         ), h AS (
           INSERT INTO case_status_changes (case_id, from_status, to_status, actor_id, actor_role,
                                            actor_name, reason)
           SELECT r.id, 'filed', 'routed', $6::uuid, $7, $8, NULL FROM r
         ), k AS (
           -- The koppel's first entry in its history (ADR 24).
           INSERT INTO case_koppel_changes (case_id, kind, to_meentcoop_id, from_municipal_id,
                                            to_municipal_id, to_team_id, actor_id, actor_role, actor_name)
           SELECT r.id, 'routed', $3::uuid, r.koppel_municipal_id, r.koppel_municipal_id, $2::uuid,
                  $6::uuid, $7, $8 FROM r
         )
         SELECT id, version FROM r`,
        [
          caseId,
          routing.teamId,
          routing.koppelMeentcoopId,
          routing.acceptBy,
          routing.proposeBy,
          w.actor.id,
          w.actor.role,
          w.actor.name,
        ],
      );
      if (!updated) return false;
      w.emit({
        type: 'case.transitioned',
        payload: { caseId, version: updated.version, from: 'filed', to: 'routed' },
      });
      w.audit({
        action: 'case.routed',
        subjectType: 'case',
        subjectId: caseId,
        caseId,
        data: {
          from: 'filed',
          to: 'routed',
          teamId: routing.teamId,
          koppelMeentcoopId: routing.koppelMeentcoopId,
          acceptBy: routing.acceptBy.toISOString(),
          proposeBy: routing.proposeBy.toISOString(),
          ...(routing.rule ? { rule: routing.rule } : {}),
        },
      });
      return true;
    });
  }

  /**
   * Records that an SLA stage passed its due time while open: marks it on the case, raises the
   * priority one step, audits `case.sla_breached` and announces it. Effect-once: false (and
   * nothing changed) when the stage is closed or already breached. System actor.
   */
  async recordSlaBreach(caseId: string, stage: SlaStage, dueAt: Date): Promise<boolean> {
    const openStatuses = stage === 'accept' ? ['routed'] : ['routed', 'accepted', 'in_progress'];
    return this.uow.run(SYSTEM_ACTOR, async (w) => {
      const [rows] = await w.manager.query<
        [{ id: string; version: number; priority: Priority; old_priority: Priority }[], number]
      >(
        `WITH old AS (SELECT priority FROM cases WHERE id = $1)
         UPDATE cases c SET sla_breached = array_append(c.sla_breached, $2),
                priority = CASE c.priority WHEN 'low' THEN 'normal' WHEN 'normal' THEN 'high' ELSE 'urgent' END,
                -- The reason of the priority, shown with the case (issue 13): what raised it.
                priority_raises = CASE WHEN c.priority = 'urgent' THEN c.priority_raises
                  ELSE c.priority_raises || jsonb_build_array(jsonb_build_object(
                    'stage', $2::text, 'dueAt', $4::text, 'breachedAt', $5::text, 'from', c.priority,
                    'to', CASE c.priority WHEN 'low' THEN 'normal' WHEN 'normal' THEN 'high' ELSE 'urgent' END))
                  END,
                version = c.version + 1, updated_at = now()
          WHERE c.id = $1 AND c.status = ANY($3::text[]) AND NOT ($2 = ANY(c.sla_breached))
          RETURNING c.id, c.version, c.priority, (SELECT priority FROM old) AS old_priority`,
        [caseId, stage, openStatuses, dueAt.toISOString(), new Date().toISOString()],
      );
      const updated = rows[0];
      if (!updated) return false;
      w.audit({
        action: 'case.sla_breached',
        subjectType: 'case',
        subjectId: caseId,
        caseId,
        data: {
          stage,
          dueAt: dueAt.toISOString(),
          priority: { old: updated.old_priority, new: updated.priority },
        },
      });
      w.emit({
        type: 'case.sla_breached',
        payload: { caseId, version: updated.version, stage, dueAt: dueAt.toISOString() },
      });
      return true;
    });
  }

  /** Marks that the warning before an SLA due time went out, once; announces it. */
  async recordSlaWarning(caseId: string, stage: SlaStage, dueAt: Date): Promise<boolean> {
    const openStatuses = stage === 'accept' ? ['routed'] : ['routed', 'accepted', 'in_progress'];
    return this.uow.run(SYSTEM_ACTOR, async (w) => {
      const [rows] = await w.manager.query<[{ id: string }[], number]>(
        `UPDATE cases SET sla_warned = array_append(sla_warned, $2)
          WHERE id = $1 AND status = ANY($3::text[])
            AND NOT ($2 = ANY(sla_warned)) AND NOT ($2 = ANY(sla_breached))
          RETURNING id`,
        [caseId, stage, openStatuses],
      );
      if (!rows[0]) return false;
      w.audit({
        action: 'case.sla_warned',
        subjectType: 'case',
        subjectId: caseId,
        caseId,
        data: { stage, dueAt: dueAt.toISOString() },
      });
      w.emit({ type: 'case.sla_warning', payload: { caseId, stage, dueAt: dueAt.toISOString() } });
      return true;
    });
  }

  async addNote(
    actor: Actor,
    idOrReference: string,
    input: { body: string; visibility: 'internal' | 'shared' },
  ): Promise<NoteDto> {
    if (input.visibility === 'internal' && !['staff', 'admin'].includes(actor.role)) {
      throw new Forbidden('Only MeentCoop staff add internal notes.');
    }
    return this.uow.run(actorRef(actor), async (w) => {
      const current = await this.reader.findVisible(w.manager, actor, idOrReference);
      const [note] = await w.manager.query<{ id: string; created_at: Date }[]>(
        `INSERT INTO case_notes (case_id, author_id, body, visibility) VALUES ($1, $2, $3, $4)
         RETURNING id, created_at`,
        [current.id, actor.id, input.body, input.visibility],
      );
      w.emit({
        type: 'note.added',
        payload: { caseId: current.id, version: current.version, noteId: note!.id },
      });
      w.audit({
        action: 'note.added',
        subjectType: 'note',
        subjectId: note!.id,
        caseId: current.id,
        data: { visibility: input.visibility, body: input.body },
      });
      return {
        id: note!.id,
        author: { id: actor.id, name: actor.name },
        body: input.body,
        visibility: input.visibility,
        createdAt: note!.created_at.toISOString(),
      };
    });
  }

  // ---- helpers ----

  /**
   * A domain that still has money pledged or committed on the case cannot be removed from it:
   * the funding log would hold money for a domain the case no longer touches.
   */
  private async assertNoMoneyOnRemovedDomains(
    w: WriteContext,
    caseId: string,
    next: CaseDomainInput[],
  ): Promise<void> {
    const keep = new Set(next.map((d) => d.code));
    const funded = (await this.ledger.balancesOf(w.manager, caseId)).filter(
      (b) => !keep.has(b.domainCode) && (b.pledgedCents > 0 || b.committedCents > 0),
    );
    if (funded.length) throw new DomainHasFunding(funded.map((b) => b.domainCode));
  }

  /** Buyers file for their own unit; an admin files on behalf of a municipal unit they name. */
  private async filingUnit(actor: Actor, requested: string | undefined): Promise<string> {
    if (actor.role === 'buyer') {
      if (!actor.organisationUnitId) throw new Forbidden('You belong to no organisation unit.');
      if (requested && requested !== actor.organisationUnitId) {
        throw new Forbidden('Buyers file cases for their own organisation unit only.');
      }
      return actor.organisationUnitId;
    }
    if (actor.role !== 'admin') throw new Forbidden('Cases are filed by buyers.');
    const invalid = new ValidationFailed([
      {
        field: 'organisationUnitId',
        code: 'unit_required',
        message: 'an admin names the active municipal unit to file for',
        params: { role: 'admin', kind: 'municipal' },
      },
    ]);
    if (!requested) throw invalid;
    const unit = await this.catalogue.getUnit(requested).catch(() => null);
    if (!unit || !unit.active || unit.kind !== 'municipal') throw invalid;
    return unit.id;
  }

  private checkVersion(current: CaseRow, ifMatch: IfMatch | undefined): void {
    checkIfMatch(ifMatch, current.version);
  }

  private async applyTransition(
    w: WriteContext,
    current: CaseRow,
    input: TransitionDto,
  ): Promise<CaseRow> {
    const closing = CLOSED_STATUSES.includes(input.to);
    const outcome = input.to === 'resolved' ? input.outcome : undefined;
    const rows = await w.manager.query<[CaseRow[], number]>(
      `UPDATE cases c SET status = $3, updated_at = now(), version = version + 1,
              proposal = CASE WHEN $3 = 'proposed' THEN $4 ELSE proposal END,
              outcome_summary = $5, outcome_supplier_name = $6, outcome_supplier_type = $7,
              outcome_awarded_value_cents = $8,
              closed_at = CASE WHEN $9 THEN now() ELSE NULL END
        WHERE c.id = $1 AND c.version = $2
        RETURNING ${CASE_COLUMNS}`,
      [
        current.id,
        current.version,
        input.to,
        input.proposal ?? null,
        outcome?.summary ?? null,
        outcome?.supplierName ?? null,
        outcome?.supplierType ?? null,
        outcome?.awardedValueCents ?? null,
        closing,
      ],
    );
    const updated = rows[0][0];
    if (!updated) throw new PreconditionFailed();
    await this.recordStatusChange(w, current.id, current.status, input.to, input.reason ?? null);
    w.emit({
      type: 'case.transitioned',
      payload: { caseId: current.id, version: updated.version, from: current.status, to: input.to },
    });
    w.audit({
      action: 'case.transitioned',
      subjectType: 'case',
      subjectId: current.id,
      caseId: current.id,
      data: {
        from: current.status,
        to: input.to,
        reason: input.reason ?? null,
        ...(input.proposal !== undefined ? { proposal: input.proposal } : {}),
        ...(outcome ? { outcome: { ...outcome } } : {}),
      },
    });
    // Declined or withdrawn: Brug releases the open pledges in this same unit of work (ADR 21).
    if (CLOSED_FOR_FUNDING.includes(input.to)) await this.ledger.releaseOnClose(w, current.id);
    return updated;
  }

  private async writeChanges(
    manager: EntityManager,
    current: CaseRow,
    changes: CaseChanges,
  ): Promise<CaseRow> {
    const columns: Record<string, string> = {
      title: 'title',
      description: 'description',
      tenderReference: 'tender_reference',
      procurementStage: 'procurement_stage',
      estimatedValueCents: 'estimated_value_cents',
      deadline: 'deadline',
      priority: 'priority',
      assigneeId: 'assignee_id',
    };
    const sets: string[] = ['updated_at = now()', 'version = version + 1'];
    const params: unknown[] = [current.id, current.version];
    for (const [field, change] of Object.entries(changes)) {
      const column = columns[field];
      if (!column) continue;
      params.push(change.new);
      sets.push(`${column} = $${params.length}`);
    }
    const result = await manager.query<[CaseRow[], number]>(
      `UPDATE cases c SET ${sets.join(', ')} WHERE c.id = $1 AND c.version = $2 RETURNING ${CASE_COLUMNS}`,
      params,
    );
    const updated = result[0][0];
    if (!updated) throw new PreconditionFailed();
    return updated;
  }

  private journalChanges(w: WriteContext, updated: CaseRow, changes: CaseChanges): void {
    const { assigneeId, ...rest } = changes;
    const fields = Object.keys(changes);
    w.emit({
      type: 'case.updated',
      payload: { caseId: updated.id, version: updated.version, fields },
    });
    if (Object.keys(rest).length) {
      w.audit({
        action: 'case.updated',
        subjectType: 'case',
        subjectId: updated.id,
        caseId: updated.id,
        data: { changes: rest },
      });
    }
    if (assigneeId) {
      w.audit({
        action: 'case.assigned',
        subjectType: 'case',
        subjectId: updated.id,
        caseId: updated.id,
        data: { from: assigneeId.old, to: assigneeId.new },
      });
    }
  }

  private async recordStatusChange(
    w: WriteContext,
    caseId: string,
    from: CaseStatus | null,
    to: CaseStatus,
    reason: string | null,
  ): Promise<void> {
    await w.manager.query(
      `INSERT INTO case_status_changes (case_id, from_status, to_status, actor_id, actor_role, actor_name, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [caseId, from, to, w.actor.id, w.actor.role, w.actor.name, reason],
    );
  }

  private async writeDomains(
    manager: EntityManager,
    caseId: string,
    domains: CaseDomainInput[],
    replace = false,
  ): Promise<void> {
    if (replace) await manager.query('DELETE FROM case_domains WHERE case_id = $1', [caseId]);
    await manager.query(
      `INSERT INTO case_domains (case_id, domain_code, role)
       SELECT $1, code, role FROM unnest($2::text[], $3::text[]) AS d(code, role)`,
      [caseId, domains.map((d) => d.code), domains.map((d) => d.role)],
    );
  }

  private async domainsOf(manager: EntityManager, caseId: string): Promise<CaseDomainInput[]> {
    return await manager.query<CaseDomainInput[]>(
      'SELECT domain_code AS code, role FROM case_domains WHERE case_id = $1 ORDER BY domain_code',
      [caseId],
    );
  }

  private async assertDomains(domains: CaseDomainInput[], field: string): Promise<void> {
    await this.catalogue.assertActiveDomains(
      domains.map((d) => d.code),
      (i) => `${field}[${i}].code`,
    );
  }

  private async assertStaff(userId: string): Promise<void> {
    const user = await this.users.findActor(userId);
    if (!user || !user.active || user.role !== 'staff') {
      throw new ValidationFailed([
        {
          field: 'assigneeId',
          code: 'not_staff',
          message: 'must be an active MeentCoop staff member',
        },
      ]);
    }
  }
}
