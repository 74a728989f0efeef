import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { FieldError, ValidationFailed } from '../common/errors';
import { pgErrorCode, PG_UNIQUE_VIOLATION } from '../database/pg-errors';
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

/** Policy domains, municipal units and MeentCoop teams. The only writer of their tables. */
@Injectable()
export class CatalogueService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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

  async createDomain(input: NewDomain): Promise<DomainEntity> {
    try {
      // insert, not save: save() would silently overwrite an existing domain with this code.
      await this.domains.insert({ ...input, active: true });
      return await this.getDomain(input.code);
    } catch (error) {
      if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw new DomainExists(input.code);
      throw error;
    }
  }

  async updateDomain(
    code: string,
    changes: Partial<Pick<DomainEntity, 'nameNl' | 'nameEn' | 'active'>>,
  ): Promise<DomainEntity> {
    const domain = await this.getDomain(code);
    Object.assign(domain, changes);
    return this.domains.save(domain);
  }

  /**
   * Checks that every code names an active domain; reports each bad one against `field`
   * (e.g. `domains[2]`), so input errors name the exact place.
   */
  async assertActiveDomains(codes: string[], field: (index: number) => string): Promise<void> {
    if (codes.length === 0) return;
    const found = await this.domains.findBy({ code: In([...new Set(codes)]), active: true });
    const known = new Set(found.map((d) => d.code));
    const errors: FieldError[] = [];
    codes.forEach((code, i) => {
      if (!known.has(code))
        errors.push({ field: field(i), message: `unknown or inactive domain "${code}"` });
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

  async getUnit(id: string, kind?: OrganisationUnitKind): Promise<OrganisationUnitEntity> {
    const unit = await this.units.findOneBy({ id });
    if (!unit || (kind && unit.kind !== kind)) throw new OrganisationUnitNotFound(id);
    return unit;
  }

  /** Display references ({ id, name }) of many units in one query, for lists without N+1. */
  async unitRefs(ids: Iterable<string>): Promise<Map<string, { id: string; name: string }>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const units = await this.units.find({
      where: { id: In(unique) },
      select: { id: true, name: true },
    });
    return new Map(units.map((u) => [u.id, { id: u.id, name: u.name }]));
  }

  findUnitByCode(code: string): Promise<OrganisationUnitEntity | null> {
    return this.units.findOneBy({ code });
  }

  async createUnit(input: NewOrganisationUnit): Promise<OrganisationUnitEntity> {
    try {
      const { identifiers } = await this.units.insert({ ...input, active: true });
      return await this.getUnit(String(identifiers[0]?.id));
    } catch (error) {
      if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw new OrganisationUnitExists(input.code);
      throw error;
    }
  }

  async updateUnit(
    id: string,
    changes: Partial<Pick<OrganisationUnitEntity, 'name' | 'active'>>,
    kind?: OrganisationUnitKind,
  ): Promise<OrganisationUnitEntity> {
    const unit = await this.getUnit(id, kind);
    Object.assign(unit, changes);
    return this.units.save(unit);
  }
}
