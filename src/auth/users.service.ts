import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { CatalogueService } from '../catalogue/catalogue.service';
import type { OrganisationUnitEntity } from '../catalogue/entities/organisation-unit.entity';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import {
  changedFields,
  UnitOfWork,
  type ActorRef,
  type WriteContext,
} from '../database/unit-of-work';
import { CursorCodec } from '../common/cursor';
import { InvalidCursor, ValidationFailed } from '../common/errors';
import { checkIfMatch, type IfMatch } from '../common/etag';
import { RefCache } from '../common/ref-cache';
import { pgErrorCode, PG_UNIQUE_VIOLATION } from '../database/pg-errors';
import { updateVersioned } from '../database/versioned';
import { ActorCache } from './actor-cache';
import { EmailTaken, UserNotFound } from './auth.errors';
import type { CreateUserDto, ListUsersQuery, UpdateUserDto, UserDto } from './dto/user.dto';
import { UserDomainEntity } from './entities/user-domain.entity';
import { UserEntity, type UserKind } from './entities/user.entity';
import { PasswordHasher } from './password-hasher';
import type { Actor } from './roles';
import { assignmentProblems } from './user-assignment';
import {
  selectActivePeople,
  selectActiveMembers,
  selectActor,
  selectActors,
  selectContact,
  selectRefs,
  type ActivePerson,
  type ActorRecord,
} from './users.store';

/** Users and their domains. The only writer of `users` and `user_domains`. */
@Injectable()
export class UsersService {
  private readonly cursors: CursorCodec;
  private readonly names = new RefCache();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalogue: CatalogueService,
    private readonly hasher: PasswordHasher,
    private readonly uow: UnitOfWork,
    private readonly actors: ActorCache,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cursors = new CursorCodec(config.jwtSecret);
  }

  /** What the guard needs to know about a token's user, loaded in one query. */
  findActor(id: string): Promise<ActorRecord | null> {
    return selectActor(this.db, id);
  }

  /**
   * The actor of a token or session issued at `tokenVersion`, or null when the user is gone,
   * inactive or at another version. Kept per process between changes (ADR 47).
   */
  findSignedInActor(id: string, tokenVersion: number): Promise<ActorRecord | null> {
    return this.actors.signedIn(id, tokenVersion, () => this.findActor(id));
  }

  /** Several of them in one query: those that exist, in no particular order. */
  findActors(ids: string[]): Promise<ActorRecord[]> {
    return selectActors(this.db, ids);
  }

  /** The password hash is selected only here, for signing in (with the version tokens carry). */
  findCredentials(
    email: string,
  ): Promise<Pick<UserEntity, 'id' | 'active' | 'passwordHash' | 'tokenVersion'> | null> {
    return this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select(['u.id', 'u.active'])
      .addSelect(['u.passwordHash', 'u.tokenVersion'])
      .where('u.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
  }

  async get(id: string): Promise<UserDto> {
    const user = await this.loadWithRelations(this.db.manager, id);
    return toUserDto(user);
  }

  /** Keyset pages ordered by email (unique), so deep pages cost the same as the first. */
  async list(query: ListUsersQuery): Promise<{ items: UserDto[]; nextCursor: string | null }> {
    const pageSize = query.pageSize ?? 25;
    const scope = `users:${query.role ?? ''}:${String(query.active ?? '')}:${query.organisationUnitId ?? ''}:${query.email ?? ''}`;
    const qb = this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.organisationUnit', 'unit')
      .orderBy('u.email', 'ASC')
      .limit(pageSize + 1);
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.active !== undefined) qb.andWhere('u.active = :active', { active: query.active });
    // By (organisation_unit_id, email): a unit's members in the page's order (users_unit_email_idx).
    if (query.organisationUnitId) {
      qb.andWhere('u.organisationUnitId = :unit', { unit: query.organisationUnitId });
    }
    if (query.email) qb.andWhere('u.email = :email', { email: query.email });
    if (query.cursor) {
      const [after] = this.cursors.decode(query.cursor, scope);
      if (typeof after !== 'string') throw new InvalidCursor();
      qb.andWhere('u.email > :after', { after });
    }
    const users = await qb.getMany();
    const page = users.slice(0, pageSize);
    // One query for the domains of the whole page, not one per user.
    const domains = page.length
      ? await this.db.getRepository(UserDomainEntity).findBy({ userId: In(page.map((u) => u.id)) })
      : [];
    for (const user of page) user.domains = domains.filter((d) => d.userId === user.id);
    const last = page[page.length - 1];
    return {
      items: page.map(toUserDto),
      nextCursor: users.length > pageSize && last ? this.cursors.encode([last.email], scope) : null,
    };
  }

  /**
   * Creates a user with their domains, audited (`user.created`; never the password). An API
   * client's system user is made here too (`kind`), its first secret by `alsoDo` in the same
   * transaction.
   */
  async create(
    actor: ActorRef,
    input: CreateUserDto,
    options: { kind?: UserKind; alsoDo?: (w: WriteContext, id: string) => Promise<void> } = {},
  ): Promise<UserDto> {
    const domains = [...(input.domains ?? [])].sort();
    const unit = await this.resolveUnit(input.organisationUnitId ?? null);
    await this.assertAssignment(input.role, unit, domains);
    const passwordHash = input.password ? await this.hasher.hash(input.password) : null;
    try {
      const id = await this.uow.run(actor, async (w) => {
        const { identifiers } = await w.manager.getRepository(UserEntity).insert({
          email: input.email,
          name: input.name,
          role: input.role,
          organisationUnitId: unit?.id ?? null,
          passwordHash,
          active: true,
          kind: options.kind ?? 'person',
        });
        const userId = String(identifiers[0]?.id);
        await this.replaceDomains(w.manager, userId, domains);
        await options.alsoDo?.(w, userId);
        w.audit({
          action: 'user.created',
          subjectType: 'user',
          subjectId: userId,
          data: {
            email: input.email,
            name: input.name,
            role: input.role,
            organisationUnitId: unit?.id ?? null,
            domains,
            passwordSet: passwordHash !== null,
            ...(options.kind === 'api_client' ? { kind: options.kind } : {}),
          },
        });
        return userId;
      });
      return this.get(id);
    } catch (error) {
      if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw new EmailTaken(input.email);
      throw error;
    }
  }

  /**
   * Changes name, role, unit, domains or active flag together, at the version the caller read
   * (`If-Match`), audited (`user.updated`).
   */
  async update(
    actor: ActorRef,
    id: string,
    changes: UpdateUserDto,
    ifMatch: IfMatch | undefined,
  ): Promise<UserDto> {
    await this.uow.run(actor, async (w) => {
      const user = await this.loadWithRelations(w.manager, id, true);
      checkIfMatch(ifMatch, user.version);
      const role = changes.role ?? user.role;
      const unitId =
        changes.organisationUnitId === undefined
          ? user.organisationUnitId
          : changes.organisationUnitId;
      const unit = await this.resolveUnit(unitId, w.manager);
      const currentDomains = (user.domains ?? []).map((d) => d.domainCode).sort();
      const domains = changes.domains ? [...changes.domains].sort() : currentDomains;
      await this.assertAssignment(role, unit, domains, w.manager);
      const changed = changedFields(user, {
        role,
        organisationUnitId: unit?.id ?? null,
        name: changes.name,
        active: changes.active,
      });
      if (currentDomains.join(',') !== domains.join(',')) {
        changed.domains = { old: currentDomains, new: domains };
      }
      if (Object.keys(changed).length === 0) return;
      this.names.forget(id);
      await updateVersioned(w.manager.getRepository(UserEntity), { id }, user.version, {
        role,
        organisationUnitId: unit?.id ?? null,
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.active !== undefined ? { active: changes.active } : {}),
        // A new role or a deactivation ends every token issued before (ADR 17); reactivating
        // does not count back, so those tokens stay ended.
        ...(changed.role || changed.active?.new === false
          ? { tokenVersion: () => 'token_version + 1' }
          : {}),
      });
      if (changed.domains) await this.replaceDomains(w.manager, id, domains);
      w.audit({
        action: 'user.updated',
        subjectType: 'user',
        subjectId: id,
        data: { email: user.email, changes: changed },
      });
    });
    // The trigger's notification does this too, at commit; here it cannot arrive late.
    this.actors.forget(id);
    return this.get(id);
  }

  /**
   * Sets a password and ends every token issued before it, even one issued in the same second
   * (the token version counts up; `user.password_set`, no password).
   */
  async setPassword(actor: ActorRef, id: string, password: string): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    await this.uow.run(actor, async (w) => {
      // An API client signs in with its secrets, never with a password.
      const result = await w.manager
        .getRepository(UserEntity)
        .update({ id, kind: 'person' }, { passwordHash, tokenVersion: () => 'token_version + 1' });
      if (!result.affected) throw new UserNotFound(id);
      w.audit({
        action: 'user.password_set',
        subjectType: 'user',
        subjectId: id,
        data: { bySelf: actor.id === id },
      });
    });
    this.actors.forget(id);
  }

  /**
   * Display references ({ id, name }) of many users in one query, for lists without N+1.
   * Inside a transaction, pass its manager: a second pool connection per transaction would
   * starve the pool under load.
   */
  async refs(
    ids: Iterable<string>,
    manager: EntityManager = this.db.manager,
  ): Promise<Map<string, { id: string; name: string }>> {
    return this.names.get(ids, (missing) => selectRefs(manager, missing));
  }

  /** The people of a team with a role, active ones only (e.g. the staff of a MeentCoop team). */
  activeMembers(
    unitId: string,
    role: Actor['role'],
  ): Promise<{ id: string; name: string; email: string }[]> {
    return selectActiveMembers(this.db, unitId, role);
  }

  /** The active administrators: told of a webhook that keeps failing or was switched off. */
  activeAdmins(): Promise<{ id: string; name: string; email: string }[]> {
    return this.db.query<{ id: string; name: string; email: string }[]>(
      `SELECT id, name, email FROM users WHERE role = 'admin' AND active ORDER BY email`,
    );
  }

  /** The active budget holders of some domains, for notifications about those domains' money. */
  async activeBudgetHolders(
    domainCodes: string[],
  ): Promise<{ id: string; name: string; email: string }[]> {
    return await this.db.query<{ id: string; name: string; email: string }[]>(
      `SELECT DISTINCT u.id, u.name, u.email FROM users u
         JOIN user_domains ud ON ud.user_id = u.id
        WHERE u.role = 'budget_holder' AND u.active AND ud.domain_code = ANY($1::text[])
        ORDER BY u.id`,
      [domainCodes],
    );
  }

  /** Name and email of one user, for notifications (active or not: the history stays). */
  contact(
    id: string,
  ): Promise<{ id: string; name: string; email: string; active: boolean } | null> {
    return selectContact(this.db, id);
  }

  /**
   * Active people of some roles with their unit and domains (ids: only those), by name: for
   * choosing and checking the halves of a koppel (the cases module applies its own rule).
   */
  activePeople(
    roles: Actor['role'][],
    ids?: string[],
    manager: EntityManager = this.db.manager,
  ): Promise<ActivePerson[]> {
    return selectActivePeople(manager, roles, ids);
  }

  findIdByEmail(email: string): Promise<string | null> {
    return this.db
      .getRepository(UserEntity)
      .findOne({ where: { email: email.trim().toLowerCase() }, select: { id: true } })
      .then((u) => u?.id ?? null);
  }

  private async loadWithRelations(
    manager: EntityManager,
    id: string,
    lock = false,
  ): Promise<UserEntity> {
    if (lock) {
      // Serialise concurrent updates of one user (role and domains are checked together).
      await manager.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [id]);
    }
    const user = await manager.getRepository(UserEntity).findOne({
      where: { id },
      relations: { organisationUnit: true, domains: true },
    });
    if (!user) throw new UserNotFound(id);
    return user;
  }

  private async resolveUnit(
    id: string | null,
    manager?: EntityManager,
  ): Promise<OrganisationUnitEntity | null> {
    if (id === null) return null;
    try {
      const unit = await this.catalogue.getUnit(id, undefined, manager);
      if (!unit.active) throw new Error('inactive');
      return unit;
    } catch {
      throw new ValidationFailed([
        {
          field: 'organisationUnitId',
          code: 'unknown_unit',
          message: 'unknown or inactive organisation unit',
        },
      ]);
    }
  }

  private async assertAssignment(
    role: UserEntity['role'],
    unit: OrganisationUnitEntity | null,
    domains: string[],
    manager?: EntityManager,
  ): Promise<void> {
    const problems = assignmentProblems(role, unit?.kind ?? null, domains.length);
    if (problems.length) throw new ValidationFailed(problems);
    await this.catalogue.assertActiveDomains(domains, (i) => `domains[${i}]`, manager);
  }

  private async replaceDomains(tx: EntityManager, userId: string, codes: string[]): Promise<void> {
    const repo = tx.getRepository(UserDomainEntity);
    await repo.delete({ userId });
    if (codes.length) await repo.insert(codes.map((domainCode) => ({ userId, domainCode })));
  }
}

export function toUserDto(user: UserEntity): UserDto {
  const unit = user.organisationUnit ?? null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    kind: user.kind,
    organisationUnit: unit
      ? { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind }
      : null,
    domains: (user.domains ?? []).map((d) => d.domainCode).sort(),
    active: user.active,
    version: user.version,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
