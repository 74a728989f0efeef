import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Forbidden } from '../auth/auth.errors';
import type { Actor } from '../auth/roles';
import { UsersService } from '../auth/users.service';
import { CaseReader } from '../cases/case-reader';
import { roleMayEdit } from '../cases/case-editing';
import { LIST_TOTAL_LIMIT } from '../cases/dto/case.dto';
import type { ListCasesQuery } from '../cases/dto/list-cases.query';
import { CursorCodec } from '../common/cursor';
import { ValidationFailed } from '../common/errors';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { refOf, UnitOfWork } from '../database/unit-of-work';
import { cleanFilters, type ViewFilters } from '../views/view-filters';
import type { BulkOutcome, BulkParams, BulkSelection, BulkState } from './bulk-action.entity';
import { BulkActionEmpty, BulkActionNotFound, BulkActionTooLarge } from './bulk-actions.errors';
import {
  MAX_BULK_CASES,
  type BulkActionDto,
  type BulkActionInput,
  type BulkActionQuery,
  type BulkCountsDto,
  type BulkPreviewDto,
} from './dto/bulk-action.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Selected {
  caseId: string;
  reference: string | null;
  expectedVersion: number | null;
}

/**
 * Bulk actions on the work queue (issue 19, item 2; ADR 39): a request is checked and its cases
 * chosen here, stored with the version each had when the person saw it, and handed to the
 * workflow through the outbox; BulkActionRunner does each case in its own unit of work. Owned
 * here: `bulk_actions` and `bulk_action_items`.
 */
@Injectable()
export class BulkActionsService {
  private readonly cursors: CursorCodec;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly reader: CaseReader,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cursors = new CursorCodec(config.jwtSecret);
  }

  /** How many cases the selection holds now (the "N cases" the UI shows before asking). */
  async preview(actor: Actor, input: BulkActionInput): Promise<BulkPreviewDto> {
    await this.checkAction(actor, input);
    const selection = this.selectionOf(input);
    let count: number;
    let capped = false;
    if (selection === 'cases') {
      count = (await this.reader.visibleReferences(actor, this.pickedIds(input))).size;
    } else {
      const found = await this.reader.selection(actor, this.queryOf(input), MAX_BULK_CASES, {
        countOnly: true,
      });
      capped = found.total > LIST_COUNT_LIMIT;
      count = Math.min(found.total, LIST_COUNT_LIMIT);
    }
    return {
      count,
      countCapped: capped,
      max: MAX_BULK_CASES,
      withinLimit: count <= MAX_BULK_CASES,
    };
  }

  /** Stores the bulk action and its cases, and asks the workflow to run it (202). */
  async create(actor: Actor, input: BulkActionInput): Promise<BulkActionDto> {
    await this.checkAction(actor, input);
    const selection = this.selectionOf(input);
    const selected = await this.select(actor, input, selection);
    const params = paramsOf(input);
    const filters = selection === 'filters' ? cleanFilters(input.selection.filters) : null;
    const id = await this.uow.run(refOf(actor), async (w) => {
      const [row] = await w.manager.query<{ id: string }[]>(
        `INSERT INTO bulk_actions (requested_by_id, action, params, selection, filters, total)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [actor.id, input.action, params, selection, filters, selected.length],
      );
      await w.manager.query(
        `INSERT INTO bulk_action_items (bulk_action_id, position, case_id, reference, expected_version)
         SELECT $1, t.position, t.case_id, t.reference, t.expected_version
           FROM unnest($2::int[], $3::uuid[], $4::text[], $5::int[])
                AS t(position, case_id, reference, expected_version)`,
        [
          row!.id,
          selected.map((_, i) => i + 1),
          selected.map((s) => s.caseId),
          selected.map((s) => s.reference),
          selected.map((s) => s.expectedVersion),
        ],
      );
      // The job is the workflow's: published after commit, replayed if Redis loses it.
      w.emit({ type: 'bulk_action.requested', payload: { bulkActionId: row!.id } });
      return row!.id;
    });
    return this.get(actor, id, {});
  }

  /** Progress: the state, the counts per outcome, and a page of per-case results by position. */
  async get(actor: Actor, id: string, query: BulkActionQuery): Promise<BulkActionDto> {
    if (!UUID.test(id)) throw new BulkActionNotFound(id);
    const [row] = await this.db.query<BulkRow[]>(
      `SELECT id, requested_by_id, action, params, selection, filters, state, total,
              created_at, started_at, finished_at
         FROM bulk_actions WHERE id = $1`,
      [id],
    );
    // Staff see their own bulk actions; administrators every one.
    if (!row || (row.requested_by_id !== actor.id && actor.role !== 'admin')) {
      throw new BulkActionNotFound(id);
    }
    const counts = await bulkCounts(this.db, id);
    const pageSize = query.pageSize ?? 50;
    const scope = `bulk:${id}:${query.outcome ?? ''}`;
    const after = query.cursor ? this.cursors.decode(query.cursor, scope) : null;
    const afterPosition = after && Number.isInteger(after[0]) ? (after[0] as number) : 0;
    const items = await this.db.query<ItemRow[]>(
      `SELECT position, case_id, reference, outcome, reason FROM bulk_action_items
        WHERE bulk_action_id = $1 AND position > $2
          AND ($3::text IS NULL OR outcome = $3::text)
        ORDER BY position LIMIT $4`,
      [id, afterPosition, query.outcome ?? null, pageSize + 1],
    );
    const page = items.slice(0, pageSize);
    const people = await this.users.refs(
      [row.requested_by_id, row.params.assigneeId].filter((x): x is string => !!x),
    );
    const person = (personId: string) => people.get(personId) ?? { id: personId, name: '' };
    return {
      id: row.id,
      action: row.action as BulkActionDto['action'],
      params: {
        ...row.params,
        ...(row.params.assigneeId ? { assignee: person(row.params.assigneeId) } : {}),
      } as BulkActionDto['params'],
      selection: row.selection,
      filters: row.filters,
      state: row.state,
      total: row.total,
      counts,
      requestedBy: person(row.requested_by_id),
      createdAt: row.created_at.toISOString(),
      startedAt: row.started_at?.toISOString() ?? null,
      finishedAt: row.finished_at?.toISOString() ?? null,
      results: page.map((r) => ({
        position: r.position,
        caseId: r.case_id,
        reference: r.reference,
        outcome: r.outcome,
        reason: r.reason,
      })),
      nextCursor:
        items.length > pageSize
          ? this.cursors.encode([page[page.length - 1]!.position], scope)
          : null,
    };
  }

  // ---- helpers ----

  /** The rules of the action itself, before any case: who may ask for it, with what. */
  private async checkAction(actor: Actor, input: BulkActionInput): Promise<void> {
    const misplaced = [
      input.moveKoppel !== undefined && input.action === 'transition' ? 'moveKoppel' : null,
      input.to !== undefined && input.action !== 'transition' ? 'to' : null,
      input.reason !== undefined && input.action !== 'transition' ? 'reason' : null,
      input.assigneeId !== undefined && input.action !== 'assign' ? 'assigneeId' : null,
    ].filter((f): f is string => f !== null);
    if (misplaced.length) {
      throw new ValidationFailed(
        misplaced.map((field) => ({
          field,
          code: 'not_allowed' as const,
          message: `is not allowed with ${input.action}`,
          params: { action: input.action },
        })),
      );
    }
    // Taking on is a MeentCoop staff member's own step: accept, and become the handler.
    if (input.action === 'take_on' && actor.role !== 'staff') {
      throw new Forbidden('Only MeentCoop staff take cases on.');
    }
    if (input.action === 'assign') {
      if (!roleMayEdit(actor.role, 'assigneeId')) {
        throw new Forbidden('Your role may not change assigneeId.');
      }
      const [person] = await this.users.activePeople(['staff'], [input.assigneeId!]);
      if (!person) {
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

  private selectionOf(input: BulkActionInput): BulkSelection {
    const { cases, filters } = input.selection;
    if ((cases === undefined) === (filters === undefined)) {
      throw new ValidationFailed([
        {
          field: 'selection',
          code: cases === undefined ? 'required' : 'not_allowed',
          message: 'give either cases or filters',
        },
      ]);
    }
    return cases !== undefined ? 'cases' : 'filters';
  }

  private pickedIds(input: BulkActionInput): string[] {
    const ids = input.selection.cases!.map((c) => c.id.toLowerCase());
    const seen = new Set<string>();
    const twice = ids.findIndex((caseId) => seen.size === seen.add(caseId).size);
    if (twice >= 0) {
      throw new ValidationFailed([
        {
          field: `selection.cases[${twice}].id`,
          code: 'duplicate',
          message: 'is selected twice',
        },
      ]);
    }
    return ids;
  }

  private queryOf(input: BulkActionInput): ListCasesQuery {
    const filters: ViewFilters = cleanFilters(input.selection.filters);
    return { ...filters, sort: input.selection.sort ?? '-filedAt' };
  }

  /** The cases, in order: as picked (with the versions seen), or every match of the filters. */
  private async select(
    actor: Actor,
    input: BulkActionInput,
    selection: BulkSelection,
  ): Promise<Selected[]> {
    if (selection === 'cases') {
      const ids = this.pickedIds(input);
      // A case the person may not see keeps no reference; the job skips it as not found.
      const references = await this.reader.visibleReferences(actor, ids);
      return input.selection.cases!.map((c, i) => ({
        caseId: ids[i]!,
        reference: references.get(ids[i]!) ?? null,
        expectedVersion: c.version,
      }));
    }
    const found = await this.reader.selection(actor, this.queryOf(input), MAX_BULK_CASES);
    if (found.total > MAX_BULK_CASES) {
      throw new BulkActionTooLarge(
        MAX_BULK_CASES,
        Math.min(found.total, LIST_COUNT_LIMIT),
        found.total > LIST_COUNT_LIMIT,
      );
    }
    if (found.cases.length === 0) throw new BulkActionEmpty();
    // Chosen by filters, no version was seen: each case is checked by the rules when done.
    return found.cases.map((c) => ({
      caseId: c.id,
      reference: c.reference,
      expectedVersion: null,
    }));
  }
}

/** How far the list's count goes: beyond it, "more than". */
const LIST_COUNT_LIMIT = LIST_TOTAL_LIMIT;

function paramsOf(input: BulkActionInput): BulkParams {
  return {
    ...(input.assigneeId ? { assigneeId: input.assigneeId.toLowerCase() } : {}),
    ...(input.to ? { to: input.to } : {}),
    ...(input.reason !== undefined ? { reason: input.reason } : {}),
    ...(input.moveKoppel !== undefined ? { moveKoppel: input.moveKoppel } : {}),
  };
}

/** The counts per outcome of one bulk action (pending: not reached yet). */
export async function bulkCounts(
  db: Pick<DataSource, 'query'>,
  id: string,
): Promise<BulkCountsDto> {
  const rows = await db.query<{ outcome: BulkOutcome | null; n: number }[]>(
    `SELECT outcome, count(*)::int AS n FROM bulk_action_items
      WHERE bulk_action_id = $1 GROUP BY outcome`,
    [id],
  );
  const counts: BulkCountsDto = { pending: 0, done: 0, skipped: 0, failed: 0 };
  for (const r of rows) counts[r.outcome ?? 'pending'] = r.n;
  return counts;
}

interface BulkRow {
  id: string;
  requested_by_id: string;
  action: string;
  params: BulkParams;
  selection: BulkSelection;
  filters: ViewFilters | null;
  state: BulkState;
  total: number;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

interface ItemRow {
  position: number;
  case_id: string;
  reference: string | null;
  outcome: BulkOutcome | null;
  reason: string | null;
}
