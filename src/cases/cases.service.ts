import { Injectable } from '@nestjs/common';
import { Forbidden } from '../auth/auth.errors';
import type { Actor } from '../auth/roles';
import { UsersService } from '../auth/users.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { ValidationFailed } from '../common/errors';
import { Clock } from '../common/clock';
import { checkIfMatch, type IfMatch } from '../common/etag';
import { refOf, SYSTEM_ACTOR, UnitOfWork, type WriteContext } from '../database/unit-of-work';
import { CaseFunding } from './case-funding';
import { assertCaseDomains } from './case-filing';
import { CaseReader } from './case-reader';
import { CasePresenter, type CaseRow } from './case-presenter';
import { CLOSED_STATUSES, mayDo } from './case-transitions';
import { CaseNotEditable, DomainHasFunding } from './cases.errors';
import { diffCase, type CaseChanges } from './case-changes';
import {
  domainsOf,
  insertNote,
  markSlaWarned,
  routedKoppelRow,
  routingSet,
  transitionSet,
  writeChanges,
  writeDomains,
  type StageFacts,
} from './cases.store';
import type { CaseDomainInput, UpdateCaseDto } from './dto/case-input.dto';
import { EDITABLE_FIELDS, editableFields, roleMayEdit } from './case-editing';
import { CaseKoppel } from './case-koppel';
import type { CaseDto, NoteDto } from './dto/case.dto';
import { misplacedFields, type TransitionDto } from './dto/transition.dto';
import { CaseLifecycle, assertMayTransition } from './case-lifecycle';
import type { ClockCount, SlaStage } from './sla-clock';
import { SuspensionsService } from './suspensions.service';

/** The routing decision the workflow hands over for `filed → routed`. */
export interface Routing {
  teamId: string;
  /** null when the team has no active staff member yet. */
  koppelMeentcoopId: string | null;
  acceptBy: Date;
  proposeBy: Date;
  rule?: string;
  /** The moment the due times count from (now, when not given). */
  routedAt?: Date;
  /** How each stage's time is counted (the policy's working days, or seconds). */
  counts?: Record<SlaStage, ClockCount>;
}

/**
 * Every change to a filed case goes through here (filing itself is CaseFiling's), each in one
 * unit of work: the change, its status history, its audit events and its outbox events commit
 * together or not at all. The rules live here; the SQL in cases.store.ts.
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reader: CaseReader,
    private readonly presenter: CasePresenter,
    private readonly catalogue: CatalogueService,
    private readonly users: UsersService,
    private readonly funding: CaseFunding,
    private readonly koppel: CaseKoppel,
    private readonly lifecycle: CaseLifecycle,
    private readonly suspensions: SuspensionsService,
    private readonly clock: Clock,
  ) {}

  /** Applies a partial change at the version the caller read (`If-Match`). */
  async update(
    actor: Actor,
    idOrReference: string,
    input: UpdateCaseDto,
    ifMatch: IfMatch | undefined,
  ): Promise<CaseDto> {
    const fields = EDITABLE_FIELDS.filter((f) => input[f] !== undefined);
    // One rule for what PATCH accepts and what `editableFields` offers (case-editing.ts).
    const forbidden = fields.filter((f) => !roleMayEdit(actor.role, f));
    if (forbidden.length) throw new Forbidden(`Your role may not change ${forbidden.join(', ')}.`);
    if (input.domains) await assertCaseDomains(this.catalogue, input.domains, 'domains');
    if (input.assigneeId) await this.assertStaff(input.assigneeId);

    return this.uow.run(refOf(actor), async (w) => {
      const current = await this.reader.findVisible(w.manager, actor, idOrReference, {
        lock: true,
      });
      this.checkVersion(current, ifMatch);
      const updated = await this.updateWithin(w, actor, current, input);
      const [dto] = await this.presenter.present(w.manager, [updated ?? current], actor);
      return dto!;
    });
  }

  /**
   * The change of `update` on a case row the caller read and locked in its own unit of work
   * (and checked against the version it expects): the role's fields for this status, the
   * koppel when one takes the case on, the write and its journal. Null when nothing changed.
   * `tag` goes into the audit events' data (a bulk action names itself, ADR 39).
   */
  async updateWithin(
    w: WriteContext,
    actor: Actor,
    current: CaseRow,
    input: UpdateCaseDto,
    tag?: Record<string, unknown>,
  ): Promise<CaseRow | null> {
    const { moveKoppel, ...patch } = input;
    const fields = EDITABLE_FIELDS.filter((f) => patch[f] !== undefined);
    const forbidden = fields.filter((f) => !roleMayEdit(actor.role, f));
    if (forbidden.length) throw new Forbidden(`Your role may not change ${forbidden.join(', ')}.`);
    const editable = editableFields(actor.role, current.status);
    const late = fields.filter((f) => !editable.includes(f));
    if (late.length) throw new CaseNotEditable(current.status, late);
    const currentDomains = await domainsOf(w.manager, current.id);
    const changes = diffCase(current, currentDomains, patch);
    if (Object.keys(changes).length === 0) return null;
    if (changes.domains) await this.assertNoMoneyOnRemovedDomains(w, current.id, input.domains!);
    // Assigning a case of another team to oneself takes it on: the koppel moves, if asked.
    if (changes.assigneeId?.new === actor.id) {
      await this.koppel.takeOn(w, actor, current, moveKoppel, null);
    }
    const updated = await writeChanges(w.manager, current, changes);
    if (changes.domains) await writeDomains(w.manager, current.id, input.domains!, true);
    this.journalChanges(w, updated, changes, tag);
    return updated;
  }

  /** Moves a case along the state machine, as the signed-in actor. */
  async transition(
    actor: Actor,
    idOrReference: string,
    input: TransitionDto,
    ifMatch: IfMatch | undefined,
  ): Promise<CaseDto> {
    return this.uow.run(refOf(actor), async (w) => {
      const current = await this.reader.findVisible(w.manager, actor, idOrReference, {
        lock: true,
      });
      this.checkVersion(current, ifMatch);
      const updated = await this.transitionWithin(w, actor, current, input);
      const [dto] = await this.presenter.present(w.manager, [updated], actor);
      return dto!;
    });
  }

  /**
   * The move of `transition` on a case row the caller read and locked in its own unit of work
   * (and checked against the version it expects). `tag` goes into the audit event's data.
   */
  async transitionWithin(
    w: WriteContext,
    actor: Actor,
    current: CaseRow,
    input: TransitionDto,
    tag?: Record<string, unknown>,
  ): Promise<CaseRow> {
    // The table's verdict first (409, 403), then the body's fields (400).
    assertMayTransition(current, input.to, {
      role: actor.role,
      isFiler: actor.id === current.filed_by_id,
    });
    const misplaced = misplacedFields(input);
    if (misplaced.length) throw new ValidationFailed(misplaced);
    // Accepting a case of another team takes it on: the koppel moves, if asked (ADR 24).
    if (input.to === 'accepted') {
      await this.koppel.takeOn(w, actor, current, input.moveKoppel, input.reason ?? null);
    }
    return this.applyTransition(w, current, input, tag);
  }

  /**
   * `filed → routed`, taken by the workflow (the system actor): sets the team, the koppel and the
   * SLA due dates. Returns false, changing nothing, when the case is no longer `filed`, so a
   * repeated routing job is harmless. Runs in its own unit of work.
   */
  async route(caseId: string, routing: Routing): Promise<boolean> {
    return this.uow.run(SYSTEM_ACTOR, async (w) => {
      const routedAt = routing.routedAt ?? this.clock.now();
      // Per stage: its length (the most a staff extension adds) and how it is counted (ADR 26).
      const stages: StageFacts = {
        accept: {
          lengthMs: routing.acceptBy.getTime() - routedAt.getTime(),
          counts: routing.counts?.accept ?? 'working_days',
        },
        propose: {
          lengthMs: routing.proposeBy.getTime() - routedAt.getTime(),
          counts: routing.counts?.propose ?? 'working_days',
        },
      };
      const updated = await this.lifecycle.apply(w, {
        kind: 'transition',
        current: {
          id: caseId,
          status: 'filed',
          version: 0,
          filed_by_id: '',
          suspended_since: null,
        },
        to: 'routed',
        guard: 'status',
        set: (p) => routingSet(p, { ...routing, routedAt, stages }),
        // The koppel's first entry in its history (ADR 24).
        with: (p) => routedKoppelRow(p, w.actor),
        audit: {
          teamId: routing.teamId,
          koppelMeentcoopId: routing.koppelMeentcoopId,
          acceptBy: routing.acceptBy.toISOString(),
          proposeBy: routing.proposeBy.toISOString(),
          ...(routing.rule ? { rule: routing.rule } : {}),
        },
      });
      return updated !== null;
    });
  }

  /**
   * Records that an SLA stage passed its due time while open and running (through the
   * lifecycle: marked on the case, priority one step up, audited, announced). Effect-once: false
   * (and nothing changed) when the stage is closed, breached already, suspended or moved.
   */
  async recordSlaBreach(
    caseId: string,
    stage: SlaStage,
    dueAt: Date,
    options: { onlyIfDue?: boolean } = {},
  ): Promise<boolean> {
    return this.uow.run(SYSTEM_ACTOR, (w) =>
      this.lifecycle.apply(w, { kind: 'breach', caseId, stage, dueAt, ...options }),
    );
  }

  /** Marks that the warning before an SLA due time went out, once; announces it. */
  async recordSlaWarning(caseId: string, stage: SlaStage, dueAt: Date): Promise<boolean> {
    return this.uow.run(SYSTEM_ACTOR, async (w) => {
      if (!(await markSlaWarned(w.manager, caseId, stage))) return false;
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
    if (input.visibility === 'internal' && !mayDo('addInternalNote', actor.role)) {
      throw new Forbidden('Only MeentCoop staff add internal notes.');
    }
    return this.uow.run(refOf(actor), async (w) => {
      // Locked: a shared note of the buyer may restart a clock waiting for them (below).
      const current = await this.reader.findVisible(w.manager, actor, idOrReference, {
        lock: actor.role === 'buyer' && input.visibility === 'shared',
      });
      const note = await insertNote(w.manager, {
        caseId: current.id,
        authorId: actor.id,
        body: input.body,
        visibility: input.visibility,
      });
      w.emit({
        type: 'note.added',
        payload: { caseId: current.id, version: current.version, noteId: note.id },
      });
      w.audit({
        action: 'note.added',
        subjectType: 'note',
        subjectId: note.id,
        caseId: current.id,
        data: { visibility: input.visibility, body: input.body },
      });
      // The buyer answered a case waiting for the buyer: Brug restarts its clock (ADR 26).
      if (actor.role === 'buyer' && input.visibility === 'shared' && current.suspended_since) {
        await this.suspensions.resumeOnBuyerNote(w, current, note.id);
      }
      return {
        id: note.id,
        author: { id: actor.id, name: actor.name },
        body: input.body,
        visibility: input.visibility,
        createdAt: note.created_at.toISOString(),
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
    const funded = (await this.funding.fundingOf(w.manager, caseId)).filter(
      (b) => !keep.has(b.domainCode) && (b.pledgedCents > 0 || b.committedCents > 0),
    );
    if (funded.length) throw new DomainHasFunding(funded.map((b) => b.domainCode));
  }

  private checkVersion(current: CaseRow, ifMatch: IfMatch | undefined): void {
    checkIfMatch(ifMatch, current.version);
  }

  private async applyTransition(
    w: WriteContext,
    current: CaseRow,
    input: TransitionDto,
    tag?: Record<string, unknown>,
  ): Promise<CaseRow> {
    const closing = CLOSED_STATUSES.includes(input.to);
    const outcome = input.to === 'resolved' ? input.outcome : undefined;
    const updated = (await this.lifecycle.apply(w, {
      kind: 'transition',
      current,
      to: input.to,
      reason: input.reason ?? null,
      guard: 'version',
      set: (p) => transitionSet(p, input, closing),
      audit: {
        ...(input.proposal !== undefined ? { proposal: input.proposal } : {}),
        ...(outcome ? { outcome: { ...outcome } } : {}),
        ...tag,
      },
    }))!;
    // Declined or withdrawn: Brug releases the open pledges in this same unit of work (ADR 21).
    await this.funding.afterTransition(w, current.id, input.to);
    return updated;
  }

  private journalChanges(
    w: WriteContext,
    updated: CaseRow,
    changes: CaseChanges,
    tag?: Record<string, unknown>,
  ): void {
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
        data: { changes: rest, ...tag },
      });
    }
    if (assigneeId) {
      w.audit({
        action: 'case.assigned',
        subjectType: 'case',
        subjectId: updated.id,
        caseId: updated.id,
        data: { from: assigneeId.old, to: assigneeId.new, ...tag },
      });
    }
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
