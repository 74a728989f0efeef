import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CatalogueService } from '../../catalogue/catalogue.service';
import { ValidationFailed } from '../../common/errors';
import { checkIfMatch, type IfMatch } from '../../common/etag';
import { pgErrorCode, PG_UNIQUE_VIOLATION } from '../../database/pg-errors';
import { UnitOfWork, type ActorRef } from '../../database/unit-of-work';
import { ROLES, type Role } from '../roles';
import { assignmentProblems } from '../user-assignment';
import { IdentityMappingExists, IdentityMappingNotFound } from './oidc.errors';

export interface IdentityMapping {
  id: string;
  provider: string;
  claimValue: string;
  role: Role;
  organisationUnitId: string | null;
  domains: string[];
  version: number;
}

export type MappingInput = Omit<IdentityMapping, 'id' | 'version'>;

interface Row {
  id: string;
  provider: string;
  claim_value: string;
  role: Role;
  organisation_unit_id: string | null;
  domains: string[];
  version: number;
}

const toMapping = (r: Row): IdentityMapping => ({
  id: r.id,
  provider: r.provider,
  claimValue: r.claim_value,
  role: r.role,
  organisationUnitId: r.organisation_unit_id,
  domains: r.domains,
  version: r.version,
});

/** When several claim values map, the broadest role wins (its mappings' domains merged). */
const PRECEDENCE: Role[] = ['admin', 'budget_holder', 'buyer', 'staff', 'auditor'];

/**
 * The identity mappings administrators keep (ADR 33): a value of a provider's roles claim →
 * role, organisation unit or team, budget domains. The only writer of `identity_mappings`; every
 * change is audited and made at the version read (If-Match).
 */
@Injectable()
export class IdentityMappingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly catalogue: CatalogueService,
  ) {}

  async list(provider?: string): Promise<IdentityMapping[]> {
    const rows: Row[] = await this.db.query(
      `SELECT * FROM identity_mappings WHERE $1::text IS NULL OR provider = $1
        ORDER BY provider, claim_value LIMIT 1000`,
      [provider ?? null],
    );
    return rows.map(toMapping);
  }

  async get(id: string, manager: EntityManager = this.db.manager): Promise<IdentityMapping> {
    const rows: Row[] = await manager.query(`SELECT * FROM identity_mappings WHERE id = $1`, [id]);
    if (!rows[0]) throw new IdentityMappingNotFound(id);
    return toMapping(rows[0]);
  }

  /** What the claim values of a sign-in map to, or null when none does. */
  async resolve(
    provider: string,
    values: string[],
  ): Promise<{ role: Role; organisationUnitId: string | null; domains: string[] } | null> {
    if (values.length === 0) return null;
    const rows: Row[] = await this.db.query(
      `SELECT * FROM identity_mappings WHERE provider = $1 AND claim_value = ANY($2::text[])`,
      [provider, values],
    );
    if (rows.length === 0) return null;
    const role = PRECEDENCE.find((r) => rows.some((m) => m.role === r))!;
    const chosen = rows
      .filter((m) => m.role === role)
      .sort((a, b) => a.claim_value.localeCompare(b.claim_value));
    return {
      role,
      organisationUnitId: chosen.find((m) => m.organisation_unit_id)?.organisation_unit_id ?? null,
      domains: [...new Set(chosen.flatMap((m) => m.domains))].sort(),
    };
  }

  async create(actor: ActorRef, input: MappingInput): Promise<IdentityMapping> {
    await this.assertValid(input);
    try {
      return await this.uow.run(actor, async (w) => {
        const rows: Row[] = await w.manager.query(
          `INSERT INTO identity_mappings (provider, claim_value, role, organisation_unit_id, domains)
           VALUES ($1, $2, $3, $4, $5) RETURNING *`,
          [
            input.provider,
            input.claimValue,
            input.role,
            input.organisationUnitId,
            [...input.domains].sort(),
          ],
        );
        const created = toMapping(rows[0]!);
        w.audit({
          action: 'identity_mapping.created',
          subjectType: 'identity_mapping',
          subjectId: created.id,
          data: { ...input },
        });
        return created;
      });
    } catch (error) {
      if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) {
        throw new IdentityMappingExists(input.provider, input.claimValue);
      }
      throw error;
    }
  }

  async update(
    actor: ActorRef,
    id: string,
    changes: Partial<Omit<MappingInput, 'provider' | 'claimValue'>>,
    ifMatch: IfMatch | undefined,
  ): Promise<IdentityMapping> {
    return this.uow.run(actor, async (w) => {
      const current = await this.get(id, w.manager);
      checkIfMatch(ifMatch, current.version);
      const next: MappingInput = {
        provider: current.provider,
        claimValue: current.claimValue,
        role: changes.role ?? current.role,
        organisationUnitId:
          changes.organisationUnitId === undefined
            ? current.organisationUnitId
            : changes.organisationUnitId,
        domains: [...(changes.domains ?? current.domains)].sort(),
      };
      await this.assertValid(next);
      const rows: Row[][] = await w.manager.query(
        `UPDATE identity_mappings
            SET role = $2, organisation_unit_id = $3, domains = $4, version = version + 1,
                updated_at = now()
          WHERE id = $1 AND version = $5 RETURNING *`,
        [id, next.role, next.organisationUnitId, next.domains, current.version],
      );
      const updated = rows[0]?.[0];
      if (!updated) throw new IdentityMappingNotFound(id);
      w.audit({
        action: 'identity_mapping.updated',
        subjectType: 'identity_mapping',
        subjectId: id,
        data: {
          provider: current.provider,
          claimValue: current.claimValue,
          old: {
            role: current.role,
            organisationUnitId: current.organisationUnitId,
            domains: current.domains,
          },
          new: {
            role: next.role,
            organisationUnitId: next.organisationUnitId,
            domains: next.domains,
          },
        },
      });
      return toMapping(updated);
    });
  }

  async remove(actor: ActorRef, id: string, ifMatch: IfMatch | undefined): Promise<void> {
    await this.uow.run(actor, async (w) => {
      const current = await this.get(id, w.manager);
      checkIfMatch(ifMatch, current.version);
      await w.manager.query(`DELETE FROM identity_mappings WHERE id = $1`, [id]);
      w.audit({
        action: 'identity_mapping.deleted',
        subjectType: 'identity_mapping',
        subjectId: id,
        data: { provider: current.provider, claimValue: current.claimValue, role: current.role },
      });
    });
  }

  /** The same rules as a person's assignment: a buyer's municipal unit, staff's team, domains. */
  private async assertValid(input: MappingInput): Promise<void> {
    if (!(ROLES as readonly string[]).includes(input.role)) {
      throw new ValidationFailed([{ field: 'role', code: 'invalid', message: 'unknown role' }]);
    }
    const unit = input.organisationUnitId
      ? await this.catalogue.getUnit(input.organisationUnitId)
      : null;
    const problems = assignmentProblems(input.role, unit?.kind ?? null, input.domains.length);
    for (const code of input.domains) {
      const known: unknown[] = await this.db.query(`SELECT 1 FROM domains WHERE code = $1`, [code]);
      if (!known.length) {
        problems.push({
          field: 'domains',
          code: 'unknown_domain',
          message: `unknown domain ${code}`,
          params: { domainCode: code },
        });
      }
    }
    if (problems.length) throw new ValidationFailed(problems);
  }
}
