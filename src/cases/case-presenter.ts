import { EuThresholds } from './eu-thresholds';
import type { ProcurementKind } from './entities/eu-threshold.entity';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor, Role } from '../auth/roles';
import { UsersService } from '../auth/users.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import {
  availableTransitions,
  mayDo,
  type CaseStatus,
  type DomainRole,
  type Priority,
  type ProcurementStage,
  type SupplierType,
} from './case-transitions';
import { Clock } from '../common/clock';
import { editableFields, mayChangeKoppel } from './case-editing';
import type {
  CaseDomainDto,
  CaseDto,
  PriorityRaiseDto,
  StatusChangeDto,
  SuspensionDto,
} from './dto/case.dto';
import type { OutcomeKind, PriorityRaise } from './entities/case.entity';
import type { SuspensionKind } from './entities/case-suspension.entity';
import { openStages, slaOf, type ClockAction, type SlaStagesFacts } from './sla-clock';

/** The columns every case read selects (`c` is the cases table). */
export const CASE_COLUMNS = `c.id, c.reference, c.title, c.description, c.tender_reference,
  c.procurement_stage, c.procurement_kind, c.estimated_value_cents, c.priority, c.deadline, c.status,
  c.organisation_unit_id, c.filed_by_id, c.team_id, c.assignee_id, c.koppel_meentcoop_id,
  c.koppel_municipal_id,
  c.accept_by, c.propose_by, c.sla_breached, c.proposal, c.outcome_summary,
  c.outcome_supplier_name, c.outcome_supplier_type, c.outcome_awarded_value_cents, c.outcome_kind,
  c.priority_raises, c.suspended_since, c.sla_stages, c.routed_at, c.filed_at, c.updated_at,
  c.version`;

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
  procurement_kind: ProcurementKind | null;
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
  outcome_kind: OutcomeKind | null;
  priority_raises: PriorityRaise[];
  suspended_since: Date | null;
  sla_stages: SlaStagesFacts;
  routed_at: Date | null;
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
    private readonly clock: Clock,
    private readonly thresholds: EuThresholds,
  ) {}

  /**
   * Everything is read with `manager` (inside a unit of work: its transaction's), so rows written
   * in the transaction are seen and no second connection is taken from the pool meanwhile.
   */
  async present(
    manager: EntityManager,
    rows: (CaseRow & { domain_list?: CaseDomainDto[] })[],
    actor: Actor,
    options: {
      list?: boolean;
      /** The histories, when the caller has just written them (filing): not read again. */
      histories?: Map<string, StatusChangeDto[]>;
    } = {},
  ): Promise<CaseDto[]> {
    if (rows.length === 0) return [];
    // One after the other: on a transaction's single connection, queries cannot overlap.
    const domainsByCase = await this.domainsOf(manager, rows);
    // One case (not a list): its history with it, read in the same breath, so status, team and
    // timeline on the case page come from one answer and cannot disagree (issue 13).
    const histories = options.list
      ? null
      : (options.histories ??
        (await this.historiesOf(
          manager,
          rows.map((r) => r.id),
        )));
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
    const suspensions = await this.suspensionsOf(
      manager,
      rows.filter((r) => r.suspended_since !== null).map((r) => r.id),
    );
    const euFlags = await this.thresholds.flagsOf(manager, rows, actor.role);
    const now = this.clock.now();
    const available = (r: CaseRow) =>
      availableTransitions(r.status, { role: actor.role, isFiler: actor.id === r.filed_by_id });
    return rows.map((r) => {
      const domains = domainsByCase.get(r.id) ?? [];
      const filedBy = ref(people, r.filed_by_id)!;
      const meentcoop = ref(people, r.koppel_meentcoop_id);
      const transitions = available(r);
      const dto: CaseDto = {
        id: r.id,
        reference: r.reference,
        title: r.title,
        description: r.description,
        tenderReference: r.tender_reference,
        procurementStage: r.procurement_stage,
        procurementKind: r.procurement_kind,
        euThreshold: euFlags.get(r.id) ?? null,
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
        sla: slaOf(r, now, r.priority_raises ?? []),
        suspension: suspensions.get(r.id) ?? null,
        proposal: r.proposal,
        outcome:
          r.outcome_summary !== null
            ? {
                kind: r.outcome_kind ?? 'awarded',
                summary: r.outcome_summary,
                supplierName: r.outcome_supplier_name,
                supplierType: r.outcome_supplier_type,
                awardedValueCents:
                  r.outcome_awarded_value_cents === null
                    ? null
                    : Number(r.outcome_awarded_value_cents),
              }
            : null,
        allowedTransitions: transitions.map((t) => t.to),
        availableTransitions: transitions.map((t) => ({
          to: t.to,
          requires: t.requires ?? null,
          asksReason: t.requires === 'reason' || t.asksReason === true,
        })),
        clockActions: clockActions(r, actor.role),
        editableFields: editableFields(actor.role, r.status),
        mayChangeKoppel: mayChangeKoppel(actor.role, r.status),
        priorityRaisedBy: raisesBehind(r.priority, r.priority_raises ?? []),
        filedAt: r.filed_at.toISOString(),
        updatedAt: r.updated_at.toISOString(),
        version: r.version,
      };
      if (histories) dto.history = histories.get(r.id) ?? [];
      return dto;
    });
  }

  /** The status history of each case, oldest first, in one query. */
  async historiesOf(
    manager: EntityManager,
    caseIds: string[],
  ): Promise<Map<string, StatusChangeDto[]>> {
    const changes = await manager.query<
      {
        case_id: string;
        from_status: CaseStatus | null;
        to_status: CaseStatus;
        at: Date;
        actor_id: string | null;
        actor_name: string;
        actor_role: string;
        reason: string | null;
      }[]
    >(
      `SELECT case_id, from_status, to_status, at, actor_id, actor_name, actor_role, reason
         FROM case_status_changes WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, id`,
      [caseIds],
    );
    const byCase = new Map<string, StatusChangeDto[]>();
    for (const c of changes) {
      const list = byCase.get(c.case_id) ?? [];
      list.push({
        from: c.from_status,
        to: c.to_status,
        at: c.at.toISOString(),
        actor: { id: c.actor_id, name: c.actor_name, role: c.actor_role },
        reason: c.reason,
      });
      byCase.set(c.case_id, list);
    }
    return byCase;
  }

  /** The current suspension of each suspended case, in one query (none when none is). */
  private async suspensionsOf(
    manager: EntityManager,
    caseIds: string[],
  ): Promise<Map<string, SuspensionDto>> {
    if (caseIds.length === 0) return new Map();
    const rows = await manager.query<
      {
        id: string;
        case_id: string;
        kind: SuspensionKind;
        reason: string;
        started_at: Date;
        expected_end: string | null;
        started_by_id: string | null;
        started_by_name: string;
      }[]
    >(
      `SELECT id, case_id, kind, reason, started_at, to_char(expected_end, 'YYYY-MM-DD') AS expected_end,
              started_by_id, started_by_name
         FROM case_suspensions WHERE case_id = ANY($1::uuid[]) AND ended_at IS NULL`,
      [caseIds],
    );
    return new Map(
      rows.map((s) => [
        s.case_id,
        {
          id: s.id,
          kind: s.kind,
          reason: s.reason,
          since: s.started_at.toISOString(),
          expectedEnd: s.expected_end,
          by: { id: s.started_by_id ?? '', name: s.started_by_name },
        },
      ]),
    );
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

/** What the person may do with the case's SLA clock now (CASE_ACTIONS and the clock's state). */
export function clockActions(r: CaseRow, role: Role): ClockAction[] {
  const open = openStages(r.status).length > 0 && r.accept_by !== null;
  const out: ClockAction[] = [];
  if (open && !r.suspended_since && mayDo('suspend', role)) out.push('suspend');
  if (r.suspended_since && mayDo('resume', role)) out.push('resume');
  if (open && mayDo('extend', role)) out.push('extend');
  return out;
}

/**
 * The breaches that raised the priority to what it is now: the unbroken chain of raises ending
 * at the current priority. A priority a person set afterwards breaks the chain: then none.
 */
export function raisesBehind(priority: Priority, raises: PriorityRaise[]): PriorityRaiseDto[] {
  const chain: PriorityRaiseDto[] = [];
  let reached = priority;
  for (let i = raises.length - 1; i >= 0; i--) {
    const raise = raises[i]!;
    if (raise.to !== reached) break;
    chain.unshift({ ...raise });
    reached = raise.from;
  }
  return chain;
}
