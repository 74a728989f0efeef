import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { FieldError, ValidationFailed } from '../common/errors';
import { checkIfMatch, type IfMatch } from '../common/etag';
import { RefCache } from '../common/ref-cache';
import { pgErrorCode, PG_UNIQUE_VIOLATION } from '../database/pg-errors';
import { changedFields, UnitOfWork, type ActorRef } from '../database/unit-of-work';
import { updateVersioned } from '../database/versioned';
import {
  DomainExists,
  DomainNotFound,
  OrganisationUnitExists,
  OrganisationUnitNotFound,
} from './catalogue.errors';
import { DomainEntity } from './entities/domain.entity';
import { OrganisationUnitEntity, OrganisationUnitKind } from './entities/organisation-unit.entity';

export interface NewDomain {
  code: string;
  nameNl: string;
  nameEn: string;
}

export interface NewOrganisationUnit {
  code: string;
  name: string;
  kind: OrganisationUnitKind;
}

/** What never changes about a unit: its id and its kind. */
export interface UnitKey {
  id: string;
  kind: OrganisationUnitKind;
}

/**
 * Policy domains, municipal units and MeentCoop teams. The only writer of their tables; every
 * change is one unit of work with its `catalogue.changed` audit event.
 */
@Injectable()
export class CatalogueService {
  private readonly unitNames = new RefCache();
  /**
   * Units found by their code (the case list's `team=<code>`), kept per process: a unit's code
   * and kind never change and units are deactivated, never deleted, so what a code named once it
   * names for good. A code not found is looked up again (the unit may be created meanwhile).
   */
  private readonly unitsByCode = new Map<string, UnitKey>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  private get domains() {
    return this.db.getRepository(DomainEntity);
  }

  private get units() {
    return this.db.getRepository(OrganisationUnitEntity);
  }

  listDomains(includeInactive = false): Promise<DomainEntity[]> {
    return this.domains.find({
      where: includeInactive ? {} : { active: true },
      order: { code: 'ASC' },
    });
  }

  async getDomain(code: string): Promise<DomainEntity> {
    const domain = await this.domains.findOneBy({ code });
    if (!domain) throw new DomainNotFound(code);
    return domain;
  }

  async createDomain(actor: ActorRef, input: NewDomain): Promise<DomainEntity> {
    try {
      return await this.uow.run(actor, async (w) => {
        // insert, not save: save() would silently overwrite an existing domain with this code.
        await w.manager.getRepository(DomainEntity).insert({ ...input, active: true });
        w.audit({
          action: 'catalogue.changed',
          subjectType: 'domain',
          subjectId: input.code,
          data: { change: 'created', ...input, active: true },
        });
        return this.domainIn(w.manager, input.code);
      });
    } catch (error) {
      if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw new DomainExists(input.code);
      throw error;
    }
  }

  /** Changes a domain at the version the caller read (`If-Match`). */
  updateDomain(
    actor: ActorRef,
    code: string,
    changes: Partial<Pick<DomainEntity, 'nameNl' | 'nameEn' | 'active'>>,
    ifMatch: IfMatch | undefined,
  ): Promise<DomainEntity> {
    return this.uow.run(actor, async (w) => {
      const domain = await this.domainIn(w.manager, code, true);
      checkIfMatch(ifMatch, domain.version);
      const changed = changedFields(domain, changes);
      if (Object.keys(changed).length === 0) return domain;
      await updateVersioned(w.manager.getRepository(DomainEntity), { code }, domain.version, {
        ...changes,
      });
      w.audit({
        action: 'catalogue.changed',
        subjectType: 'domain',
        subjectId: code,
        data: { change: 'updated', changes: changed },
      });
      return this.domainIn(w.manager, code);
    });
  }

  /**
   * Checks that every code names an active domain; reports each bad one against `field`
   * (e.g. `domains[2]`), so input errors name the exact place.
   */
  async assertActiveDomains(
    codes: string[],
    field: (index: number) => string,
    manager: EntityManager = this.db.manager,
  ): Promise<void> {
    if (codes.length === 0) return;
    const found = await manager
      .getRepository(DomainEntity)
      .findBy({ code: In([...new Set(codes)]), active: true });
    const known = new Set(found.map((d) => d.code));
    const errors: FieldError[] = [];
    codes.forEach((code, i) => {
      if (!known.has(code))
        errors.push({
          field: field(i),
          code: 'unknown_domain',
          message: `unknown or inactive domain "${code}"`,
          params: { domainCode: code },
        });
    });
    if (errors.length) throw new ValidationFailed(errors);
  }

  listUnits(filter: { kind?: OrganisationUnitKind; includeInactive?: boolean }) {
    return this.units.find({
      where: {
        ...(filter.kind ? { kind: filter.kind } : {}),
        ...(filter.includeInactive ? {} : { active: true }),
      },
      order: { kind: 'ASC', code: 'ASC' },
    });
  }

  async getUnit(
    id: string,
    kind?: OrganisationUnitKind,
    manager: EntityManager = this.db.manager,
  ): Promise<OrganisationUnitEntity> {
    const unit = await manager.getRepository(OrganisationUnitEntity).findOneBy({ id });
    if (!unit || (kind && unit.kind !== kind)) throw new OrganisationUnitNotFound(id);
    return unit;
  }

  /**
   * Display references ({ id, name }) of many units in one query, for lists without N+1.
   * Inside a transaction, pass its manager (see UsersService.refs).
   */
  async unitRefs(
    ids: Iterable<string>,
    manager: EntityManager = this.db.manager,
  ): Promise<Map<string, { id: string; name: string }>> {
    return this.unitNames.get(ids, (missing) =>
      manager
        .getRepository(OrganisationUnitEntity)
        .find({ where: { id: In(missing) }, select: { id: true, name: true } }),
    );
  }

  findUnitByCode(code: string): Promise<OrganisationUnitEntity | null> {
    return this.units.findOneBy({ code });
  }

  /** The id and kind of the unit with `code`, or null; from memory after the first time. */
  async unitKeyByCode(code: string): Promise<UnitKey | null> {
    const kept = this.unitsByCode.get(code);
    if (kept) return kept;
    const unit = await this.units.findOne({ where: { code }, select: { id: true, kind: true } });
    if (!unit) return null;
    // Codes are few (units and teams); the bound only guards against misuse.
    if (this.unitsByCode.size >= 10_000) this.unitsByCode.clear();
    const key: UnitKey = { id: unit.id, kind: unit.kind };
    this.unitsByCode.set(code, key);
    return key;
  }

  async createUnit(actor: ActorRef, input: NewOrganisationUnit): Promise<OrganisationUnitEntity> {
    try {
      return await this.uow.run(actor, async (w) => {
        const { identifiers } = await w.manager
          .getRepository(OrganisationUnitEntity)
          .insert({ ...input, active: true });
        const id = String(identifiers[0]?.id);
        w.audit({
          action: 'catalogue.changed',
          subjectType: 'organisation_unit',
          subjectId: id,
          data: { change: 'created', ...input, active: true },
        });
        return this.unitIn(w.manager, id);
      });
    } catch (error) {
      if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw new OrganisationUnitExists(input.code);
      throw error;
    }
  }

  /** Changes a unit at the version the caller read (`If-Match`). */
  updateUnit(
    actor: ActorRef,
    id: string,
    changes: Partial<Pick<OrganisationUnitEntity, 'name' | 'active'>>,
    ifMatch: IfMatch | undefined,
    kind?: OrganisationUnitKind,
  ): Promise<OrganisationUnitEntity> {
    return this.uow.run(actor, async (w) => {
      const unit = await this.unitIn(w.manager, id, kind, true);
      checkIfMatch(ifMatch, unit.version);
      const changed = changedFields(unit, changes);
      if (Object.keys(changed).length === 0) return unit;
      this.unitNames.forget(id);
      await updateVersioned(w.manager.getRepository(OrganisationUnitEntity), { id }, unit.version, {
        ...changes,
      });
      w.audit({
        action: 'catalogue.changed',
        subjectType: 'organisation_unit',
        subjectId: id,
        data: { change: 'updated', code: unit.code, changes: changed },
      });
      return this.unitIn(w.manager, id);
    });
  }

  private async domainIn(
    manager: EntityManager,
    code: string,
    lock = false,
  ): Promise<DomainEntity> {
    const domain = await manager.getRepository(DomainEntity).findOne({
      where: { code },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!domain) throw new DomainNotFound(code);
    return domain;
  }

  private async unitIn(
    manager: EntityManager,
    id: string,
    kind?: OrganisationUnitKind,
    lock = false,
  ): Promise<OrganisationUnitEntity> {
    const unit = await manager.getRepository(OrganisationUnitEntity).findOne({
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!unit || (kind && unit.kind !== kind)) throw new OrganisationUnitNotFound(id);
    return unit;
  }
}
