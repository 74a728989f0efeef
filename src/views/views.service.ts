import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/roles';
import { UsersService } from '../auth/users.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import type { CaseSort } from '../cases/dto/list-cases.query';
import { checkIfMatch, type IfMatch } from '../common/etag';
import { UnitOfWork, refOf } from '../database/unit-of-work';
import { updateVersioned } from '../database/versioned';
import { builtInViews, type BuiltInView } from './built-in-views';
import type { CreateViewDto, UpdateViewDto, ViewDto } from './dto/view.dto';
import { SavedViewEntity } from './saved-view.entity';
import { cleanFilters, type ViewColumn } from './view-filters';
import { notShareable, notYourView, ViewLimitReached, ViewNotFound } from './views.errors';

/** How many views one person keeps; and how many shared views a list shows at most. */
export const MAX_VIEWS_PER_PERSON = 50;
const MAX_SHARED_LISTED = 500;
const BUILT_IN_PREFIX = 'builtin:';
const DEFAULT_COLUMNS: ViewColumn[] = ['status', 'sla', 'team', 'deadline', 'value'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Saved views of the case list (issue 19, item 1; ADR 38): the built-in ones of the reader's
 * role, the reader's own, and those shared with the reader's team or unit. Owned here: the
 * `saved_views` table. Changes are audited (a shared view changes what colleagues open).
 */
@Injectable()
export class ViewsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly users: UsersService,
    private readonly catalogue: CatalogueService,
  ) {}

  async list(actor: Actor): Promise<ViewDto[]> {
    const rows = await this.db.query<RawView[]>(
      `(SELECT ${RAW_COLUMNS} FROM saved_views WHERE owner_id = $1 ORDER BY name, id LIMIT $3)
       UNION ALL
       (SELECT ${RAW_COLUMNS} FROM saved_views
         WHERE shared_with_unit_id = $2 AND owner_id <> $1 ORDER BY name, id LIMIT $4)`,
      [actor.id, actor.organisationUnitId, MAX_VIEWS_PER_PERSON, MAX_SHARED_LISTED],
    );
    const owners = await this.users.refs(new Set(rows.map((r) => r.owner_id)));
    return [
      ...(await this.builtIns(actor)),
      ...rows.map((r) => present(fromRaw(r), actor, owners.get(r.owner_id) ?? null)),
    ];
  }

  async get(actor: Actor, id: string): Promise<ViewDto> {
    if (id.startsWith(BUILT_IN_PREFIX)) {
      const view = (await this.builtIns(actor)).find((v) => v.id === id);
      if (!view) throw new ViewNotFound(id);
      return view;
    }
    const view = await this.visible(this.db.manager, actor, id);
    const owners = await this.users.refs([view.ownerId]);
    return present(view, actor, owners.get(view.ownerId) ?? null);
  }

  async create(actor: Actor, input: CreateViewDto): Promise<ViewDto> {
    const sharedWith = input.shared ? this.shareTarget(actor) : null;
    return this.uow.run(refOf(actor), async (w) => {
      // One person's views are counted under a lock on the person's row order: two saves at
      // once cannot both pass the limit.
      await w.manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`views:${actor.id}`]);
      const [count] = await w.manager.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM saved_views WHERE owner_id = $1',
        [actor.id],
      );
      if (count!.n >= MAX_VIEWS_PER_PERSON) throw new ViewLimitReached(MAX_VIEWS_PER_PERSON);
      const repository = w.manager.getRepository(SavedViewEntity);
      const saved = await repository.save(
        repository.create({
          ownerId: actor.id,
          name: input.name,
          sharedWithUnitId: sharedWith,
          filters: cleanFilters(input.filters),
          sort: input.sort ?? '-filedAt',
          columns: input.columns ?? DEFAULT_COLUMNS,
        }),
      );
      w.audit({
        action: 'view.saved',
        subjectType: 'saved_view',
        subjectId: saved.id,
        data: { change: 'created', ...describe(saved) },
      });
      return present(saved, actor, { id: actor.id, name: actor.name });
    });
  }

  /** Changes a view at the version the caller read (`If-Match`); its owner or an admin. */
  async update(
    actor: Actor,
    id: string,
    input: UpdateViewDto,
    ifMatch: IfMatch | undefined,
  ): Promise<ViewDto> {
    return this.uow.run(refOf(actor), async (w) => {
      const view = await this.changeable(w.manager, actor, id);
      checkIfMatch(ifMatch, view.version);
      const changes: Partial<SavedViewEntity> = {};
      if (input.name !== undefined) changes.name = input.name;
      if (input.filters !== undefined) changes.filters = cleanFilters(input.filters);
      if (input.sort !== undefined) changes.sort = input.sort;
      if (input.columns !== undefined) changes.columns = input.columns;
      if (input.shared !== undefined) {
        // Sharing goes to the owner's unit (an admin changing someone's view keeps theirs).
        changes.sharedWithUnitId = input.shared
          ? (view.sharedWithUnitId ?? (view.ownerId === actor.id ? this.shareTarget(actor) : null))
          : null;
        if (input.shared && !changes.sharedWithUnitId) throw notShareable();
      }
      const repository = w.manager.getRepository(SavedViewEntity);
      await updateVersioned(repository, { id }, view.version, changes);
      const after = await repository.findOneByOrFail({ id });
      w.audit({
        action: 'view.saved',
        subjectType: 'saved_view',
        subjectId: id,
        data: { change: 'updated', ...describe(after) },
      });
      const owners = await this.users.refs([after.ownerId], w.manager);
      return present(after, actor, owners.get(after.ownerId) ?? null);
    });
  }

  async remove(actor: Actor, id: string, ifMatch: IfMatch | undefined): Promise<void> {
    await this.uow.run(refOf(actor), async (w) => {
      const view = await this.changeable(w.manager, actor, id);
      checkIfMatch(ifMatch, view.version);
      await w.manager.getRepository(SavedViewEntity).delete({ id });
      w.audit({
        action: 'view.deleted',
        subjectType: 'saved_view',
        subjectId: id,
        data: { name: view.name, shared: view.sharedWithUnitId !== null },
      });
    });
  }

  /** Staff share with their team, buyers with their unit; nobody else shares. */
  private shareTarget(actor: Actor): string {
    if ((actor.role !== 'staff' && actor.role !== 'buyer') || !actor.organisationUnitId) {
      throw notShareable();
    }
    return actor.organisationUnitId;
  }

  private async builtIns(actor: Actor): Promise<ViewDto[]> {
    let teamCode: string | null = null;
    if (actor.role === 'staff' && actor.organisationUnitId) {
      const unit = await this.catalogue.getUnit(actor.organisationUnitId).catch(() => null);
      teamCode = unit?.kind === 'meentcoop_team' ? unit.code : null;
    }
    return builtInViews(actor, teamCode).map(presentBuiltIn);
  }

  /** A saved view the actor may open: their own, one shared with their unit; admins any. */
  private async visible(
    manager: EntityManager,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<SavedViewEntity> {
    if (!UUID.test(id)) throw new ViewNotFound(id);
    const view = await manager.getRepository(SavedViewEntity).findOne({
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    const mayOpen =
      view &&
      (view.ownerId === actor.id ||
        actor.role === 'admin' ||
        (view.sharedWithUnitId !== null && view.sharedWithUnitId === actor.organisationUnitId));
    if (!mayOpen) throw new ViewNotFound(id);
    return view;
  }

  private async changeable(
    manager: EntityManager,
    actor: Actor,
    id: string,
  ): Promise<SavedViewEntity> {
    if (id.startsWith(BUILT_IN_PREFIX)) throw notYourView();
    const view = await this.visible(manager, actor, id, true);
    if (view.ownerId !== actor.id && actor.role !== 'admin') throw notYourView();
    return view;
  }
}

const RAW_COLUMNS =
  'id, owner_id, name, shared_with_unit_id, filters, sort, columns, version, created_at, updated_at';

interface RawView {
  id: string;
  owner_id: string;
  name: string;
  shared_with_unit_id: string | null;
  filters: SavedViewEntity['filters'];
  sort: string;
  columns: string[];
  version: number;
}

function fromRaw(r: RawView): SavedViewEntity {
  return Object.assign(new SavedViewEntity(), {
    id: r.id,
    ownerId: r.owner_id,
    name: r.name,
    sharedWithUnitId: r.shared_with_unit_id,
    filters: r.filters,
    sort: r.sort,
    columns: r.columns,
    version: r.version,
  });
}

function present(
  view: SavedViewEntity,
  actor: Actor,
  owner: { id: string; name: string } | null,
): ViewDto {
  return {
    id: view.id,
    name: view.name,
    builtIn: null,
    shared: view.sharedWithUnitId !== null,
    owner,
    mayChange: view.ownerId === actor.id || actor.role === 'admin',
    filters: view.filters,
    sort: view.sort as CaseSort,
    columns: view.columns as ViewColumn[],
    version: view.version,
  };
}

function presentBuiltIn(view: BuiltInView): ViewDto {
  return {
    id: `${BUILT_IN_PREFIX}${view.key}`,
    name: view.name,
    builtIn: view.key,
    shared: false,
    owner: null,
    mayChange: false,
    filters: view.filters,
    sort: view.sort,
    columns: view.columns,
    version: 0,
  };
}

/** What the audit trail keeps of a view. */
function describe(view: SavedViewEntity) {
  return {
    name: view.name,
    shared: view.sharedWithUnitId !== null,
    filters: view.filters,
    sort: view.sort,
    columns: view.columns,
  };
}
