import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/roles';
import { UsersService } from '../auth/users.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { Clock } from '../common/clock';
import { CursorCodec } from '../common/cursor';
import { ValidationFailed } from '../common/errors';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { poolOf, preparedQuery, readWithSetting } from '../database/prepared';
import { ReadReplica } from '../database/read-replica';
import { Params, seesInternalNotes, visibleTo } from './case-access';
import {
  buildListQuery,
  COUNT_SETTING,
  listScope,
  RARE_SEARCH_LIMIT,
  searchProbe,
  type KeyRow,
} from './case-list-query';
import { SEARCH_PROBE_SETTING } from './case-search';
import { CASE_COLUMNS, CasePresenter, type CaseRow } from './case-presenter';
import { CaseNotFound } from './cases.errors';
import {
  LIST_TOTAL_LIMIT,
  type CaseDto,
  type CaseListDto,
  type HistoryDto,
  type NoteListDto,
} from './dto/case.dto';
import type { ListCasesQuery } from './dto/list-cases.query';
import type { CaseStatus, Priority } from './case-transitions';

/**
 * A page of the cases with open deadlines, in id order (`openSlaCases`): the WHERE is the
 * predicate of the partial index `cases_open_deadlines_idx`, so a page reads its own rows from
 * that index and not the closed cases between them. The first page and the next ones are two
 * statements: a condition `($2 IS NULL OR id > $2)` is no range on the index in a plan made for
 * any value. Exported for the plan test (test/cases-explain.test.ts).
 */
const OPEN_DEADLINES = `SELECT id, accept_by, propose_by, status, priority, sla_breached, sla_warned
    FROM cases
   WHERE status IN ('routed', 'accepted', 'in_progress') AND propose_by IS NOT NULL
     AND suspended_since IS NULL`;
export const OPEN_DEADLINES_FIRST_PAGE = `${OPEN_DEADLINES}
   ORDER BY id LIMIT $1`;
export const OPEN_DEADLINES_PAGE = `${OPEN_DEADLINES} AND id > $2::uuid
   ORDER BY id LIMIT $1`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REFERENCE = /^BRUG-\d{4}-\d{6,}$/i;

interface WorkflowFactsRow {
  id: string;
  reference: string;
  title: string;
  status: CaseStatus;
  priority: Priority;
  estimated_value_cents: string;
  filed_by_id: string;
  organisation_unit_id: string;
  team_id: string | null;
  assignee_id: string | null;
  koppel_meentcoop_id: string | null;
  koppel_municipal_id: string;
  accept_by: Date | null;
  propose_by: Date | null;
  sla_breached: string[];
  sla_warned: string[];
  suspended_since: Date | null;
  lead_domain: string | null;
  domains: string[];
}

export interface WorkflowFacts {
  id: string;
  reference: string;
  title: string;
  status: CaseStatus;
  priority: Priority;
  estimatedValueCents: number;
  filedById: string;
  organisationUnitId: string;
  teamId: string | null;
  assigneeId: string | null;
  /** The koppel's halves (ADR 24): MeentCoop's contact and the municipality's. */
  koppelMeentcoopId: string | null;
  koppelMunicipalId: string;
  acceptBy: Date | null;
  proposeBy: Date | null;
  slaBreached: string[];
  slaWarned: string[];
  /** Set while the SLA clock stands still (ADR 26): no breach, no warning meanwhile. */
  suspendedSince: Date | null;
  leadDomain: string | null;
  domains: string[];
}

/** Reading cases: always through the caller's visibility (workflow reads excepted). */
@Injectable()
export class CaseReader {
  private readonly cursors: CursorCodec;
  private readonly searchProbes = new Map<string, { rare: boolean; until: number }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly presenter: CasePresenter,
    private readonly catalogue: CatalogueService,
    private readonly users: UsersService,
    private readonly clock: Clock,
    private readonly replica: ReadReplica,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cursors = new CursorCodec(config.jwtSecret);
  }

  /**
   * The row of a case the actor may see, by id or reference, or CaseNotFound. With `lock`, the
   * row is locked for the rest of the caller's transaction (pass its manager).
   */
  async findVisible(
    manager: EntityManager,
    actor: Actor,
    idOrReference: string,
    options: { lock?: boolean } = {},
  ): Promise<CaseRow> {
    const p = new Params();
    let match: string;
    if (UUID.test(idOrReference)) match = `c.id = ${p.add(idOrReference)}::uuid`;
    else if (REFERENCE.test(idOrReference))
      match = `c.reference = ${p.add(idOrReference.toUpperCase())}`;
    else throw new CaseNotFound(idOrReference);
    const rows = await manager.query<CaseRow[]>(
      `SELECT ${CASE_COLUMNS} FROM cases c WHERE ${match} AND ${visibleTo(actor, p)}${options.lock ? ' FOR UPDATE OF c' : ''}`,
      p.values,
    );
    const row = rows[0];
    if (!row) throw new CaseNotFound(idOrReference);
    return row;
  }

  /**
   * Which of these people may see a case (the same rule as `findVisible`), in one query: each
   * person's visibility predicate is one column of the case's row. Not for ids or references
   * from a request: `caseId` is a case's id the workflow holds.
   */
  async whoMaySee(caseId: string, actors: Actor[]): Promise<Set<string>> {
    if (actors.length === 0) return new Set();
    const p = new Params();
    const id = p.add(caseId);
    const columns = actors.map((actor, i) => `(${visibleTo(actor, p)}) AS v${i}`);
    // Prepared: one text per team's make-up, asked for every signal of the team's cases.
    const [row] = await preparedQuery<Record<string, boolean>>(
      this.db,
      `SELECT ${columns.join(', ')} FROM cases c WHERE c.id = ${id}::uuid`,
      p.values,
    );
    return new Set(row ? actors.filter((_, i) => row[`v${i}`] === true).map((a) => a.id) : []);
  }

  /**
   * The status a case had at `at` (the last change recorded by then), null before it was filed:
   * for views of a case as it stood at a moment (funding's `asOf`).
   */
  async statusAt(
    manager: EntityManager,
    caseId: string,
    at: Date | string,
  ): Promise<CaseStatus | null> {
    const [row] = await manager.query<{ to_status: CaseStatus }[]>(
      `SELECT to_status FROM case_status_changes WHERE case_id = $1 AND at <= $2
        ORDER BY id DESC LIMIT 1`,
      [caseId, at],
    );
    return row?.to_status ?? null;
  }

  /** The id of a case the actor may see (for modules that hang data under a case). */
  async visibleId(actor: Actor, idOrReference: string): Promise<string> {
    return (await this.findVisible(this.db.manager, actor, idOrReference)).id;
  }

  async get(actor: Actor, idOrReference: string): Promise<CaseDto> {
    const row = await this.findVisible(this.db.manager, actor, idOrReference);
    const [dto] = await this.presenter.present(this.db.manager, [row], actor);
    return dto!;
  }

  /**
   * A page of the cases the actor may see (the list and its searches, counts included): read
   * from the replica when there is one that holds the actor's own writes (ADR 42).
   */
  async list(actor: Actor, query: ListCasesQuery): Promise<CaseListDto> {
    const teamId = query.team ? await this.resolveTeam(query.team) : undefined;
    return this.replica.read(actor, (db) => this.listOn(db, actor, query, teamId));
  }

  private async listOn(
    db: DataSource,
    actor: Actor,
    query: ListCasesQuery,
    teamId: string | undefined,
  ): Promise<CaseListDto> {
    const scope = listScope(actor, query);
    const cursorPosition = query.cursor ? this.cursors.decode(query.cursor, scope) : undefined;
    const q = query.q?.trim();
    const rareSearch = q ? await this.isRareSearch(db, q) : false;
    const built = buildListQuery(actor, query, {
      teamId,
      cursorPosition,
      rareSearch,
      now: this.clock.now(),
    });
    // A text search is planned per request: the best plan depends on the search term (a
    // generic plan for a rare term walked the whole list on deep pages). The other list
    // queries are prepared once per connection.
    const rows: (CaseRow & KeyRow)[] = q
      ? await db.query(built.sql, built.params)
      : await preparedQuery<CaseRow & KeyRow>(db, built.sql, built.params);
    const page = rows.slice(0, built.pageSize);
    const last = page[page.length - 1];
    const total = await this.total(db, built.count, !query.cursor, rows.length, built.pageSize);
    return {
      items: await this.presenter.present(db.manager, page, actor, { list: true }),
      nextCursor:
        rows.length > built.pageSize && last ? this.cursors.encode(built.key(last), scope) : null,
      total: Math.min(total, LIST_TOTAL_LIMIT),
      totalCapped: total > LIST_TOTAL_LIMIT,
    };
  }

  /**
   * The cases of a list (its filters, through the actor's visibility) as a selection: at most
   * `limit` of them in the list's order, with the version each has now, and how many match in
   * all (counted up to LIST_TOTAL_LIMIT + 1). For acting on every case of a view (ADR 39).
   */
  async selection(
    actor: Actor,
    query: ListCasesQuery,
    limit: number,
    options: { countOnly?: boolean } = {},
  ): Promise<{ cases: { id: string; reference: string; version: number }[]; total: number }> {
    const teamId = query.team ? await this.resolveTeam(query.team) : undefined;
    const q = query.q?.trim();
    const rareSearch = q ? await this.isRareSearch(this.db, q) : false;
    const built = buildListQuery(
      actor,
      { ...query, cursor: undefined, pageSize: limit },
      { teamId, rareSearch, now: this.clock.now() },
    );
    const rows: CaseRow[] = options.countOnly ? [] : await this.db.query(built.sql, built.params);
    const total =
      !options.countOnly && rows.length <= limit
        ? rows.length
        : await this.db.transaction(async (m) => {
            await m.query(COUNT_SETTING);
            const [row] = await m.query<{ n: number }[]>(built.count.sql, built.count.params);
            return row?.n ?? 0;
          });
    return {
      cases: rows
        .slice(0, limit)
        .map((r) => ({ id: r.id, reference: r.reference, version: r.version })),
      total,
    };
  }

  /** The references of the cases among `ids` that the actor may see. */
  async visibleReferences(actor: Actor, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const p = new Params();
    const rows = await this.db.query<{ id: string; reference: string }[]>(
      `SELECT c.id, c.reference FROM cases c
        WHERE c.id = ANY(${p.add(ids)}::uuid[]) AND ${visibleTo(actor, p)}`,
      p.values,
    );
    return new Map(rows.map((r) => [r.id, r.reference]));
  }

  /**
   * How many cases match, counted up to LIST_TOTAL_LIMIT + 1 (the same WHERE as the page). A
   * first page without a next one is its own count.
   */
  private async total(
    db: DataSource,
    count: { sql: string; params: unknown[] },
    firstPage: boolean,
    fetched: number,
    pageSize: number,
  ): Promise<number> {
    if (firstPage && fetched <= pageSize) return fetched;
    const [row] = await readWithSetting<{ n: number }>(
      poolOf(db),
      COUNT_SETTING,
      count.sql,
      count.params,
    );
    return row?.n ?? 0;
  }

  async history(actor: Actor, idOrReference: string): Promise<HistoryDto> {
    const row = await this.findVisible(this.db.manager, actor, idOrReference);
    const histories = await this.presenter.historiesOf(this.db.manager, [row.id]);
    return { items: histories.get(row.id) ?? [] };
  }

  async notes(actor: Actor, idOrReference: string): Promise<NoteListDto> {
    const row = await this.findVisible(this.db.manager, actor, idOrReference);
    const notes = await this.db.query<
      {
        id: string;
        author_id: string;
        body: string;
        visibility: 'internal' | 'shared';
        created_at: Date;
      }[]
    >(
      `SELECT id, author_id, body, visibility, created_at FROM case_notes
        WHERE case_id = $1 ${seesInternalNotes(actor) ? '' : `AND visibility = 'shared'`}
        ORDER BY created_at, id`,
      [row.id],
    );
    const authors = await this.users.refs(notes.map((n) => n.author_id));
    return {
      items: notes.map((n) => ({
        id: n.id,
        author: authors.get(n.author_id) ?? { id: n.author_id, name: '' },
        body: n.body,
        visibility: n.visibility,
        createdAt: n.created_at.toISOString(),
      })),
    };
  }

  /**
   * What the workflow needs of one case (system reads, no actor): routing facts, the SLA state
   * and who to tell. Null when there is no such case.
   */
  async workflowFacts(caseId: string): Promise<WorkflowFacts | null> {
    // Prepared: the workers read these facts three times a filed case (routing, deadlines, signals).
    const [row] = await preparedQuery<WorkflowFactsRow>(
      this.db,
      `SELECT c.id, c.reference, c.title, c.status, c.priority, c.estimated_value_cents,
              c.filed_by_id, c.organisation_unit_id, c.team_id, c.assignee_id,
              c.koppel_meentcoop_id, c.koppel_municipal_id, c.accept_by, c.propose_by, c.sla_breached, c.sla_warned,
              c.suspended_since,
              (SELECT domain_code FROM case_domains d WHERE d.case_id = c.id AND d.role = 'lead') AS lead_domain,
              ARRAY(SELECT domain_code FROM case_domains d WHERE d.case_id = c.id ORDER BY domain_code) AS domains
         FROM cases c WHERE c.id = $1`,
      [caseId],
    );
    if (!row) return null;
    return {
      id: row.id,
      reference: row.reference,
      title: row.title,
      status: row.status,
      priority: row.priority,
      estimatedValueCents: Number(row.estimated_value_cents),
      filedById: row.filed_by_id,
      organisationUnitId: row.organisation_unit_id,
      teamId: row.team_id,
      assigneeId: row.assignee_id,
      koppelMeentcoopId: row.koppel_meentcoop_id,
      koppelMunicipalId: row.koppel_municipal_id,
      acceptBy: row.accept_by,
      proposeBy: row.propose_by,
      slaBreached: row.sla_breached,
      slaWarned: row.sla_warned,
      suspendedSince: row.suspended_since,
      leadDomain: row.lead_domain,
      domains: row.domains,
    };
  }

  /** Who wrote a note and for whom (for the workflow: who hears of it), or null. */
  async noteFacts(
    noteId: string,
  ): Promise<{ caseId: string; authorId: string; visibility: 'internal' | 'shared' } | null> {
    const [row] = await this.db.query<
      { case_id: string; author_id: string; visibility: 'internal' | 'shared' }[]
    >('SELECT case_id, author_id, visibility FROM case_notes WHERE id = $1', [noteId]);
    return row
      ? { caseId: row.case_id, authorId: row.author_id, visibility: row.visibility }
      : null;
  }

  /**
   * The team's active staff member with the fewest open koppels (ties: the lowest id), or null
   * for a team without staff: the routing's MeentCoop contact. One prepared statement whose only
   * parameter is the team, so PostgreSQL plans it once per connection; each member's count is an
   * index-only scan of `cases_open_koppel_idx`.
   */
  async leastBusyContact(teamId: string): Promise<string | null> {
    const [row] = await preparedQuery<{ id: string }>(
      this.db,
      `SELECT u.id FROM users u
        WHERE u.organisation_unit_id = $1 AND u.role = 'staff' AND u.active
        ORDER BY (SELECT count(*) FROM cases c
                   WHERE c.koppel_meentcoop_id = u.id
                     AND c.status NOT IN ('resolved', 'declined', 'withdrawn')), u.id
        LIMIT 1`,
      [teamId],
    );
    return row?.id ?? null;
  }

  /**
   * A page of open cases whose SLA stages are still open, unbreached and running (for
   * re-creating their deadline jobs; a suspended clock has none), by id after `afterId`.
   */
  async openSlaCases(
    afterId: string | null,
    limit: number,
  ): Promise<
    {
      id: string;
      acceptBy: Date | null;
      proposeBy: Date | null;
      status: string;
      priority: string;
      slaBreached: string[];
      slaWarned: string[];
    }[]
  > {
    const rows = await this.db.query<
      {
        id: string;
        accept_by: Date | null;
        propose_by: Date | null;
        status: string;
        priority: string;
        sla_breached: string[];
        sla_warned: string[];
      }[]
    >(
      afterId === null ? OPEN_DEADLINES_FIRST_PAGE : OPEN_DEADLINES_PAGE,
      afterId === null ? [limit] : [limit, afterId],
    );
    return rows.map((r) => ({
      id: r.id,
      acceptBy: r.accept_by,
      proposeBy: r.propose_by,
      status: r.status,
      priority: r.priority,
      slaBreached: r.sla_breached,
      slaWarned: r.sla_warned,
    }));
  }

  /**
   * Whether a search has few matches (then the matches-first plan is the fast one). Probed once
   * per search text a minute: the probe costs as much as a page of a common word.
   */
  private async isRareSearch(db: DataSource, q: string): Promise<boolean> {
    const now = Date.now();
    const known = this.searchProbes.get(q);
    if (known && known.until > now) return known.rare;
    const probe = searchProbe(q);
    const n = await db.transaction(async (m) => {
      await m.query(SEARCH_PROBE_SETTING);
      const [row] = await m.query<{ n: number }[]>(probe.sql, probe.params);
      return row?.n ?? 0;
    });
    const rare = n < RARE_SEARCH_LIMIT;
    if (this.searchProbes.size >= 1000) this.searchProbes.clear();
    this.searchProbes.set(q, { rare, until: now + 60_000 });
    return rare;
  }

  private async resolveTeam(team: string): Promise<string> {
    if (UUID.test(team)) return team;
    const unit = await this.catalogue.unitKeyByCode(team);
    if (!unit || unit.kind !== 'meentcoop_team') {
      throw new ValidationFailed([
        {
          field: 'team',
          code: 'unknown_team',
          message: `unknown team "${team}"`,
          params: { team },
        },
      ]);
    }
    return unit.id;
  }
}
