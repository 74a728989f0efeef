import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/roles';
import { CALENDAR_RULE_NAMES, type CalendarRule } from '../calendar/holidays';
import { checkIfMatch, type IfMatch } from '../common/etag';
import { SYSTEM_ACTOR, UnitOfWork, refOf, type WriteContext } from '../database/unit-of-work';
import { CaseLifecycle } from './case-lifecycle';
import { CasePresenter, type CaseRow } from './case-presenter';
import { CaseReader } from './case-reader';
import { CaseAlreadySuspended } from './cases.errors';
import type { CaseDto } from './dto/case.dto';
import type { DeadlineListDto, ExtendDeadlineDto, SuspendCaseDto } from './dto/suspension.dto';
import type { DeadlineCause } from './entities/case-deadline-change.entity';
import type { SuspensionKind } from './entities/case-suspension.entity';
import type { SlaStage } from './sla-clock';

/**
 * Stopping, restarting and extending a case's SLA clock (ADR 26), for people and for Brug: each
 * reads the case locked, checks the version named in `If-Match`, and lets the lifecycle make the
 * change (its journal rows, audit and outbox events) in one unit of work.
 */
@Injectable()
export class SuspensionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly reader: CaseReader,
    private readonly presenter: CasePresenter,
    private readonly lifecycle: CaseLifecycle,
  ) {}

  /** `POST /cases/{id}/suspensions`: stops the clock of every open stage. */
  suspend(
    actor: Actor,
    idOrReference: string,
    input: SuspendCaseDto,
    ifMatch: IfMatch | undefined,
  ): Promise<CaseDto> {
    return this.change(
      actor,
      idOrReference,
      ifMatch,
      (w, current) =>
        this.lifecycle.apply(w, {
          kind: 'suspend',
          current,
          suspensionKind: input.kind,
          reason: input.reason,
          expectedEnd: input.expectedEnd ?? null,
        }),
      // A second suspension is a conflict whatever version it names: two at once get one 200
      // and one 409, the second having waited for the first's lock.
      (current) => {
        if (current.suspended_since) throw new CaseAlreadySuspended(current.suspended_since);
      },
    );
  }

  /** `POST /cases/{id}/suspensions/current/end`: restarts it; the due times move. */
  end(actor: Actor, idOrReference: string, ifMatch: IfMatch | undefined): Promise<CaseDto> {
    return this.change(actor, idOrReference, ifMatch, (w, current) =>
      this.lifecycle.apply(w, { kind: 'resume', current, because: 'staff' }),
    );
  }

  /** `POST /cases/{id}/extensions`: moves one open stage's due time later. */
  extend(
    actor: Actor,
    idOrReference: string,
    input: ExtendDeadlineDto,
    ifMatch: IfMatch | undefined,
  ): Promise<CaseDto> {
    return this.change(actor, idOrReference, ifMatch, (w, current) =>
      this.lifecycle.apply(w, {
        kind: 'extend',
        current,
        stage: input.stage,
        dueAt: new Date(input.dueAt),
        reason: input.reason,
      }),
    );
  }

  /**
   * The buyer added a shared note to a case (locked by the caller, in its unit of work): when
   * its clock waits for the buyer, Brug restarts it. Other waits go on.
   */
  async resumeOnBuyerNote(w: WriteContext, current: CaseRow, noteId: string): Promise<void> {
    const [current_] = await w.manager.query<{ kind: SuspensionKind }[]>(
      `SELECT kind FROM case_suspensions WHERE case_id = $1 AND ended_at IS NULL`,
      [current.id],
    );
    if (current_?.kind !== 'waiting_for_buyer') return;
    await this.lifecycle.apply(w, {
      kind: 'resume',
      current,
      because: 'buyer_note',
      by: SYSTEM_ACTOR,
      noteId,
    });
  }

  /** `GET /cases/{id}/deadlines`: every move, stop and breach of the case's due times. */
  async deadlines(actor: Actor, idOrReference: string): Promise<DeadlineListDto> {
    const id = await this.reader.visibleId(actor, idOrReference);
    const rows = await this.db.query<
      {
        stage: SlaStage;
        old_due_at: Date | null;
        new_due_at: Date | null;
        cause: DeadlineCause;
        rule: string | null;
        reason: string | null;
        shift_ms: string | null;
        suspension_id: string | null;
        suspension_kind: SuspensionKind | null;
        actor_id: string | null;
        actor_role: string;
        actor_name: string;
        at: Date;
      }[]
    >(
      `SELECT d.stage, d.old_due_at, d.new_due_at, d.cause, d.rule, d.reason, d.shift_ms,
              d.suspension_id, s.kind AS suspension_kind, d.actor_id, d.actor_role, d.actor_name, d.at
         FROM case_deadline_changes d LEFT JOIN case_suspensions s ON s.id = d.suspension_id
        WHERE d.case_id = $1 ORDER BY d.id`,
      [id],
    );
    return {
      items: rows.map((r) => ({
        stage: r.stage,
        oldDueAt: r.old_due_at?.toISOString() ?? null,
        newDueAt: r.new_due_at?.toISOString() ?? null,
        cause: r.cause,
        rule: r.rule,
        ruleName: r.rule ? (CALENDAR_RULE_NAMES[r.rule as CalendarRule] ?? null) : null,
        reason: r.reason,
        shiftSeconds: r.shift_ms === null ? null : Math.round(Number(r.shift_ms) / 1000),
        suspensionId: r.suspension_id,
        suspensionKind: r.suspension_kind,
        actor: { id: r.actor_id, name: r.actor_name, role: r.actor_role },
        at: r.at.toISOString(),
      })),
    };
  }

  private change(
    actor: Actor,
    idOrReference: string,
    ifMatch: IfMatch | undefined,
    work: (w: WriteContext, current: CaseRow) => Promise<CaseRow>,
    before?: (current: CaseRow) => void,
  ): Promise<CaseDto> {
    return this.uow.run(refOf(actor), async (w) => {
      const current = await this.reader.findVisible(w.manager, actor, idOrReference, {
        lock: true,
      });
      before?.(current);
      checkIfMatch(ifMatch, current.version);
      const updated = await work(w, current);
      const [dto] = await this.presenter.present(w.manager, [updated], actor);
      return dto!;
    });
  }
}
