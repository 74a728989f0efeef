import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/roles';
import { UsersService } from '../auth/users.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import {
  availableTransitions,
  type CaseStatus,
  type DomainRole,
  type Priority,
  type ProcurementStage,
  type SupplierType,
} from './case-transitions';
import { editableFields, mayChangeKoppel } from './case-editing';
import type { CaseDomainDto, CaseDto } from './dto/case.dto';

/** The columns every case read selects (`c` is the cases table). */
export const CASE_COLUMNS = `c.id, c.reference, c.title, c.description, c.tender_reference,
  c.procurement_stage, c.estimated_value_cents, c.priority, c.deadline, c.status,
  c.organisation_unit_id, c.filed_by_id, c.team_id, c.assignee_id, c.koppel_meentcoop_id,
  c.koppel_municipal_id,
  c.accept_by, c.propose_by, c.sla_breached, c.proposal, c.outcome_summary,
  c.outcome_supplier_name, c.outcome_supplier_type, c.outcome_awarded_value_cents,
  c.filed_at, c.updated_at, c.version`;

/**
 * The domains of a case as one JSON array, lead first: selected with a page of cases (see the
 * list query), so a page needs no separate domain query.
 */
export const DOMAIN_LIST = `(SELECT coalesce(json_agg(json_build_object('code', d.domain_code, 'role', d.role)
    ORDER BY d.role DESC, d.domain_code), '[]'::json) FROM case_domains d WHERE d.case_id = c.id)`;

export interface CaseRow {
  id: string;
  reference: string;
  title: string;
  description: string;
  tender_reference: string | null;
  procurement_stage: ProcurementStage;
  estimated_value_cents: string;
  priority: Priority;
  deadline: string | null;
  status: CaseStatus;
  organisation_unit_id: string;
  filed_by_id: string;
  team_id: string | null;
  assignee_id: string | null;
  koppel_meentcoop_id: string | null;
  koppel_municipal_id: string;
  accept_by: Date | null;
  propose_by: Date | null;
  sla_breached: string[];
  proposal: string | null;
  outcome_summary: string | null;
  outcome_supplier_name: string | null;
  outcome_supplier_type: SupplierType | null;
  outcome_awarded_value_cents: string | null;
  filed_at: Date;
  updated_at: Date;
  version: number;
}

type Ref = { id: string; name: string };

/**
 * Turns case rows into the API's case resource, for one case or a page: the domains, people and
 * units of all rows are loaded in three queries, whatever the number of rows (no N+1).
 */
@Injectable()
export class CasePresenter {
  constructor(
    private readonly users: UsersService,
    private readonly catalogue: CatalogueService,
  ) {}

  /**
   * Everything is read with `manager` (inside a unit of work: its transaction's), so rows written
   * in the transaction are seen and no second connection is taken from the pool meanwhile.
   */
  async present(
    manager: EntityManager,
    rows: (CaseRow & { domain_list?: CaseDomainDto[] })[],
    actor: Actor,
  ): Promise<CaseDto[]> {
    if (rows.length === 0) return [];
    // One after the other: on a transaction's single connection, queries cannot overlap.
    const domainsByCase = await this.domainsOf(manager, rows);
    const people = await this.users.refs(
      rows.flatMap((r) =>
        [r.filed_by_id, r.assignee_id, r.koppel_meentcoop_id, r.koppel_municipal_id].filter(
          (x): x is string => !!x,
        ),
      ),
      manager,
    );
    const units = await this.catalogue.unitRefs(
      rows.flatMap((r) => [r.organisation_unit_id, r.team_id].filter((x): x is string => !!x)),
      manager,
    );
    const ref = (map: Map<string, Ref>, id: string | null): Ref | null =>
      id === null ? null : (map.get(id) ?? { id, name: '' });
    return rows.map((r) => {
      const domains = domainsByCase.get(r.id) ?? [];
      const filedBy = ref(people, r.filed_by_id)!;
      const meentcoop = ref(people, r.koppel_meentcoop_id);
      return {
        id: r.id,
        reference: r.reference,
        title: r.title,
        description: r.description,
        tenderReference: r.tender_reference,
        procurementStage: r.procurement_stage,
        estimatedValueCents: Number(r.estimated_value_cents),
        priority: r.priority,
        deadline: r.deadline,
        status: r.status,
        domains,
        crossDomain: domains.length > 1,
        organisationUnit: ref(units, r.organisation_unit_id)!,
        filedBy,
        team: ref(units, r.team_id),
        assignee: ref(people, r.assignee_id),
        koppel: meentcoop
          ? { municipal: ref(people, r.koppel_municipal_id ?? r.filed_by_id)!, meentcoop }
          : null,
        sla:
          r.accept_by && r.propose_by
            ? {
                acceptBy: r.accept_by.toISOString(),
                proposeBy: r.propose_by.toISOString(),
                breached: r.sla_breached,
              }
            : null,
        proposal: r.proposal,
        outcome:
          r.outcome_summary !== null
            ? {
                summary: r.outcome_summary,
                supplierName: r.outcome_supplier_name ?? '',
                supplierType: r.outcome_supplier_type ?? 'private_company',
                awardedValueCents: Number(r.outcome_awarded_value_cents ?? 0),
              }
            : null,
        allowedTransitions: availableTransitions(r.status, {
          role: actor.role,
          isFiler: actor.id === r.filed_by_id,
        }).map((t) => t.to),
        editableFields: editableFields(actor.role, r.status),
        mayChangeKoppel: mayChangeKoppel(actor.role, r.status),
        filedAt: r.filed_at.toISOString(),
        updatedAt: r.updated_at.toISOString(),
        version: r.version,
      };
    });
  }

  /** The domains of each row: already selected with the rows (lists), or one query for all. */
  private async domainsOf(
    manager: EntityManager,
    rows: (CaseRow & { domain_list?: CaseDomainDto[] })[],
  ): Promise<Map<string, CaseDomainDto[]>> {
    if (rows.every((r) => Array.isArray(r.domain_list))) {
      return new Map(rows.map((r) => [r.id, r.domain_list!]));
    }
    const found = await manager.query<{ case_id: string; domain_code: string; role: DomainRole }[]>(
      `SELECT case_id, domain_code, role FROM case_domains WHERE case_id = ANY($1::uuid[])
        ORDER BY case_id, role DESC, domain_code`,
      [rows.map((r) => r.id)],
    );
    const byCase = new Map<string, CaseDomainDto[]>();
    for (const d of found) {
      const list = byCase.get(d.case_id) ?? [];
      list.push({ code: d.domain_code, role: d.role });
      byCase.set(d.case_id, list);
    }
    return byCase;
  }
}
