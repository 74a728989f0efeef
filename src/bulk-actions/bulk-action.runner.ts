import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/roles';
import { UsersService } from '../auth/users.service';
import { CaseReader } from '../cases/case-reader';
import type { CaseRow } from '../cases/case-presenter';
import type { CaseStatus } from '../cases/case-transitions';
import { CasesService } from '../cases/cases.service';
import { DomainError } from '../common/errors';
import { refOf, SYSTEM_ACTOR, UnitOfWork, type WriteContext } from '../database/unit-of-work';
import type { BulkActionKind, BulkOutcome, BulkParams } from './bulk-action.entity';
import { bulkCounts } from './bulk-actions.service';

/** How many pending cases the job reads at a time. */
const PAGE = 100;

/**
 * Refusals that say the case is not (or no longer) one the action applies to: the case is
 * skipped with the refusal's code. Any other refusal is a failure.
 */
const SKIP_CODES: ReadonlySet<string> = new Set([
  'case_not_found',
  'transition_not_allowed',
  'case_not_editable',
  'koppel_team_mismatch',
  'forbidden',
]);

/** A case the action does not change, with the reason why (rolls its unit of work back). */
class Skip extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

interface Pending {
  position: number;
  case_id: string;
  expected_version: number | null;
}

interface Job {
  id: string;
  requested_by_id: string;
  action: BulkActionKind;
  params: BulkParams;
  state: string;
}

/**
 * Runs a bulk action (the workflow's `run-bulk-action` job; ADR 39). Each case in its own unit
 * of work, as the person who asked: the case row locked, the version they saw checked, the
 * case's own rules applied (the same code as the single action), the case's audit and outbox
 * events, and the case's outcome in `bulk_action_items`, committed together. A job that is run
 * again (a worker died, Redis lost it) takes up the cases without an outcome only: a case done
 * is never done twice. When none is left, one `bulk_action.completed` audit event with counts.
 */
@Injectable()
export class BulkActionRunner {
  private readonly logger = new Logger('BulkActions');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly reader: CaseReader,
    private readonly cases: CasesService,
    private readonly users: UsersService,
  ) {}

  /**
   * `lastAttempt`: the job will not be retried after this run, so a case that keeps failing on
   * an unexpected error is recorded as failed (before that the error retries the job).
   */
  async run(bulkActionId: string, lastAttempt: boolean): Promise<{ outcome: 'finished' | 'gone' }> {
    // An UPDATE … RETURNING answers [rows, count] through TypeORM.
    const [[job]] = await this.db.query<[Job[], number]>(
      `UPDATE bulk_actions SET state = 'running', started_at = coalesce(started_at, now())
        WHERE id = $1 AND state <> 'finished'
        RETURNING id, requested_by_id, action, params, state`,
      [bulkActionId],
    );
    if (!job) return { outcome: 'gone' };
    const record = await this.users.findActor(job.requested_by_id);
    // A person deactivated meanwhile acts no more: what is left is skipped.
    const actor: Actor | null = record?.active ? record : null;
    for (;;) {
      const pending = await this.db.query<Pending[]>(
        `SELECT position, case_id, expected_version FROM bulk_action_items
          WHERE bulk_action_id = $1 AND outcome IS NULL ORDER BY position LIMIT $2`,
        [job.id, PAGE],
      );
      if (pending.length === 0) break;
      for (const item of pending) await this.one(job, actor, item, lastAttempt);
    }
    await this.finish(job, actor);
    return { outcome: 'finished' };
  }

  private async one(
    job: Job,
    actor: Actor | null,
    item: Pending,
    lastAttempt: boolean,
  ): Promise<void> {
    if (!actor) {
      await this.record(this.db.manager, job.id, item.position, 'skipped', 'forbidden');
      return;
    }
    try {
      await this.uow.run(refOf(actor), async (w) => {
        // Taken (locked) first: two runs of the job never both do this case.
        const [mine] = await w.manager.query<{ position: number }[]>(
          `SELECT position FROM bulk_action_items
            WHERE bulk_action_id = $1 AND position = $2 AND outcome IS NULL FOR UPDATE`,
          [job.id, item.position],
        );
        if (!mine) return;
        const current = await this.reader.findVisible(w.manager, actor, item.case_id, {
          lock: true,
        });
        if (item.expected_version !== null && current.version !== item.expected_version) {
          throw new Skip('stale_version');
        }
        await this.apply(w, actor, job, current);
        await this.record(w.manager, job.id, item.position, 'done', null);
      });
    } catch (error) {
      const verdict = verdictOf(error, lastAttempt);
      if (!verdict) throw error;
      await this.record(this.db.manager, job.id, item.position, verdict.outcome, verdict.reason);
      if (verdict.outcome === 'failed') {
        this.logger.warn(`Bulk action ${job.id}, case ${item.case_id}: ${String(error)}`);
      }
    }
  }

  /** The action on one case, by the same rules (and code) as the single action. */
  private async apply(w: WriteContext, actor: Actor, job: Job, current: CaseRow): Promise<void> {
    const tag = { bulkActionId: job.id };
    const { params } = job;
    switch (job.action) {
      case 'take_on': {
        // Accept, and become the handler (the work queue's "take on", in one unit of work).
        const accepted = await this.cases.transitionWithin(
          w,
          actor,
          current,
          { to: 'accepted', ...(params.moveKoppel ? { moveKoppel: true } : {}) },
          tag,
        );
        if (accepted.assignee_id !== actor.id) {
          await this.cases.updateWithin(w, actor, accepted, { assigneeId: actor.id }, tag);
        }
        return;
      }
      case 'assign': {
        const updated = await this.cases.updateWithin(
          w,
          actor,
          current,
          {
            assigneeId: params.assigneeId!,
            ...(params.moveKoppel !== undefined ? { moveKoppel: params.moveKoppel } : {}),
          },
          tag,
        );
        if (!updated) throw new Skip('no_change');
        return;
      }
      case 'transition':
        await this.cases.transitionWithin(
          w,
          actor,
          current,
          {
            to: params.to as CaseStatus,
            ...(params.reason !== undefined ? { reason: params.reason } : {}),
          },
          tag,
        );
        return;
    }
  }

  private async record(
    manager: EntityManager,
    id: string,
    position: number,
    outcome: BulkOutcome,
    reason: string | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE bulk_action_items SET outcome = $3, reason = $4, finished_at = now()
        WHERE bulk_action_id = $1 AND position = $2 AND outcome IS NULL`,
      [id, position, outcome, reason],
    );
  }

  /** Finished once (a second run finds it finished): one audit event with the counts. */
  private async finish(job: Job, actor: Actor | null): Promise<void> {
    await this.uow.run(actor ? refOf(actor) : SYSTEM_ACTOR, async (w) => {
      const [[done]] = await w.manager.query<[{ total: number; selection: string }[], number]>(
        `UPDATE bulk_actions SET state = 'finished', finished_at = now()
          WHERE id = $1 AND state <> 'finished' RETURNING total, selection`,
        [job.id],
      );
      if (!done) return;
      const counts = await bulkCounts(w.manager, job.id);
      w.audit({
        action: 'bulk_action.completed',
        subjectType: 'bulk_action',
        subjectId: job.id,
        data: {
          action: job.action,
          params: job.params,
          selection: done.selection,
          total: done.total,
          done: counts.done,
          skipped: counts.skipped,
          failed: counts.failed,
          requestedBy: job.requested_by_id,
        },
      });
    });
  }
}

/** What became of a case whose unit of work threw: skipped, failed, or (null) retry the job. */
function verdictOf(
  error: unknown,
  lastAttempt: boolean,
): { outcome: 'skipped' | 'failed'; reason: string } | null {
  if (error instanceof Skip) return { outcome: 'skipped', reason: error.reason };
  if (error instanceof DomainError) {
    if (error.code === 'precondition_failed')
      return { outcome: 'skipped', reason: 'stale_version' };
    if (SKIP_CODES.has(error.code)) return { outcome: 'skipped', reason: error.code };
    if (error.code === 'service_unavailable' && !lastAttempt) return null;
    return { outcome: 'failed', reason: error.code };
  }
  // The database away, a bug: the job is tried again; on its last attempt the case failed.
  return lastAttempt ? { outcome: 'failed', reason: 'internal_error' } : null;
}
