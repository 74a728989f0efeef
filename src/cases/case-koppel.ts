import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, Role } from '../auth/roles';
import { UsersService } from '../auth/users.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { PreconditionFailed } from '../common/errors';
import { checkIfMatch, type IfMatch } from '../common/etag';
import { UnitOfWork, type WriteContext } from '../database/unit-of-work';
import { CaseReader } from './case-reader';
import { CASE_COLUMNS, CasePresenter, type CaseRow } from './case-presenter';
import { KOPPEL_STATUSES } from './case-editing';
import { KoppelNotChangeable, KoppelPersonInvalid, KoppelTeamMismatch } from './cases.errors';
import type { CaseDto } from './dto/case.dto';
import type {
  ChangeKoppelDto,
  KoppelCandidatesDto,
  KoppelChangeDto,
  KoppelHistoryDto,
} from './dto/koppel.dto';
import type { KoppelChangeKind } from './entities/case-koppel-change.entity';

/**
 * Whether a staff member taking on this case (accepting it, or assigning it to themselves)
 * takes it from another team: then the koppel moves with it, and only when they say so.
 */
export function takesFromAnotherTeam(actor: Actor, current: CaseRow): boolean {
  return (
    actor.role === 'staff' &&
    current.team_id !== null &&
    current.team_id !== actor.organisationUnitId &&
    KOPPEL_STATUSES.includes(current.status)
  );
}

interface KoppelState {
  meentcoopId: string | null;
  municipalId: string;
  teamId: string | null;
}

const stateOf = (row: CaseRow): KoppelState => ({
  meentcoopId: row.koppel_meentcoop_id,
  municipalId: row.koppel_municipal_id,
  teamId: row.team_id,
});

/**
 * The koppel of a case: its MeentCoop half (with the team it works in) and its municipal half,
 * the history of both (`case_koppel_changes`, append-only) and who may be either half. Every
 * change is written, recorded, audited (`case.koppel_changed`) and announced in one unit of work.
 */
@Injectable()
export class CaseKoppel {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly reader: CaseReader,
    private readonly presenter: CasePresenter,
    private readonly users: UsersService,
    private readonly catalogue: CatalogueService,
  ) {}

  /**
   * Taking on a case of another team, inside the caller's unit of work, before the caller's own
   * write (which counts the version up once): the team and the MeentCoop half move to the
   * actor. Without `moveKoppel` it refuses (409 `koppel_team_mismatch`), so nothing is written.
   */
  async takeOn(
    w: WriteContext,
    actor: Actor,
    current: CaseRow,
    moveKoppel: boolean | undefined,
    reason: string | null,
  ): Promise<void> {
    if (!takesFromAnotherTeam(actor, current)) return;
    if (!moveKoppel) {
      const team = (await this.catalogue.unitRefs([current.team_id!], w.manager)).get(
        current.team_id!,
      );
      throw new KoppelTeamMismatch(team ?? { id: current.team_id!, name: '' });
    }
    await this.write(
      w,
      current,
      {
        meentcoopId: actor.id,
        municipalId: current.koppel_municipal_id,
        teamId: actor.organisationUnitId,
      },
      'taken_on',
      reason,
      false,
    );
  }

  /** `PUT /cases/{id}/koppel`: both halves at once, with a reason, at the version read. */
  async change(
    actor: Actor,
    idOrReference: string,
    input: ChangeKoppelDto,
    ifMatch: IfMatch | undefined,
  ): Promise<CaseDto> {
    return this.uow.run({ id: actor.id, role: actor.role, name: actor.name }, async (w) => {
      const current = await this.reader.findVisible(w.manager, actor, idOrReference, {
        lock: true,
      });
      checkIfMatch(ifMatch, current.version);
      if (!KOPPEL_STATUSES.includes(current.status)) throw new KoppelNotChangeable(current.status);
      const teamId = await this.checkPeople(w.manager, current, input);
      const next: KoppelState = {
        meentcoopId: input.meentcoopId,
        municipalId: input.municipalId,
        teamId,
      };
      const before = stateOf(current);
      let row = current;
      if (
        before.meentcoopId !== next.meentcoopId ||
        before.municipalId !== next.municipalId ||
        before.teamId !== next.teamId
      ) {
        row = await this.write(w, current, next, 'changed', input.reason, true);
      }
      const [dto] = await this.presenter.present(w.manager, [row], actor);
      return dto!;
    });
  }

  /** The koppel's history, oldest first, names read now (staff, auditors, admins). */
  async history(actor: Actor, idOrReference: string): Promise<KoppelHistoryDto> {
    const row = await this.reader.findVisible(this.db.manager, actor, idOrReference);
    const changes = await this.db.query<
      {
        kind: KoppelChangeKind;
        from_meentcoop_id: string | null;
        to_meentcoop_id: string | null;
        from_municipal_id: string | null;
        to_municipal_id: string | null;
        from_team_id: string | null;
        to_team_id: string | null;
        reason: string | null;
        actor_id: string | null;
        actor_role: string;
        actor_name: string;
        at: Date;
      }[]
    >(
      `SELECT kind, from_meentcoop_id, to_meentcoop_id, from_municipal_id, to_municipal_id,
              from_team_id, to_team_id, reason, actor_id, actor_role, actor_name, at
         FROM case_koppel_changes WHERE case_id = $1 ORDER BY id`,
      [row.id],
    );
    const people = await this.users.refs(
      changes.flatMap((c) =>
        [c.from_meentcoop_id, c.to_meentcoop_id, c.from_municipal_id, c.to_municipal_id].filter(
          (x): x is string => !!x,
        ),
      ),
    );
    const units = await this.catalogue.unitRefs(
      changes.flatMap((c) => [c.from_team_id, c.to_team_id].filter((x): x is string => !!x)),
    );
    const ref = (map: Map<string, { id: string; name: string }>, id: string | null) =>
      id === null ? null : (map.get(id) ?? { id, name: '' });
    const items: KoppelChangeDto[] = changes.map((c) => ({
      kind: c.kind,
      from: {
        meentcoop: ref(people, c.from_meentcoop_id),
        municipal: ref(people, c.from_municipal_id),
        team: ref(units, c.from_team_id),
      },
      to: {
        meentcoop: ref(people, c.to_meentcoop_id),
        municipal: ref(people, c.to_municipal_id),
        team: ref(units, c.to_team_id),
      },
      reason: c.reason,
      actor: { id: c.actor_id, name: c.actor_name, role: c.actor_role },
      at: c.at.toISOString(),
    }));
    return { items };
  }

  /** Who may be either half of this case's koppel, by name (for the change form). */
  async candidates(actor: Actor, idOrReference: string): Promise<KoppelCandidatesDto> {
    const row = await this.reader.findVisible(this.db.manager, actor, idOrReference);
    const domains = await this.domainsOf(this.db.manager, row.id);
    const staff = await this.users.activePeople(['staff']);
    const municipal = await this.users.activePeople(['buyer', 'budget_holder']);
    const unitRef = (u: { id: string; name: string } | null) =>
      u ? { id: u.id, name: u.name } : null;
    return {
      meentcoop: staff
        .filter((p) => p.unit?.kind === 'meentcoop_team')
        .map((p) => ({ id: p.id, name: p.name, unit: unitRef(p.unit) })),
      municipal: municipal
        .filter((p) => mayBeMunicipalHalf(p, row, domains))
        .map((p) => ({ id: p.id, name: p.name, unit: unitRef(p.unit) })),
    };
  }

  // ---- helpers ----

  /**
   * Both halves checked at once (each refusal names its field); returns the team of the new
   * MeentCoop half, which the case moves to with them.
   */
  private async checkPeople(
    manager: EntityManager,
    current: CaseRow,
    input: ChangeKoppelDto,
  ): Promise<string> {
    const [staff] = await this.users.activePeople(['staff'], [input.meentcoopId], manager);
    const [municipal] = await this.users.activePeople(
      ['buyer', 'budget_holder'],
      [input.municipalId],
      manager,
    );
    const domains = await this.domainsOf(manager, current.id);
    const problems: { field: 'meentcoopId' | 'municipalId' }[] = [];
    if (!staff || staff.unit?.kind !== 'meentcoop_team') {
      problems.push({ field: 'meentcoopId' });
    }
    if (!municipal || !mayBeMunicipalHalf(municipal, current, domains)) {
      problems.push({ field: 'municipalId' });
    }
    if (problems.length) throw new KoppelPersonInvalid(problems);
    return staff!.unit!.id;
  }

  /**
   * Writes the new koppel, its history row, its audit event and its outbox event. `bump`: this
   * is the whole change, so the version counts up here (checked against the version read).
   */
  private async write(
    w: WriteContext,
    current: CaseRow,
    next: KoppelState,
    kind: KoppelChangeKind,
    reason: string | null,
    bump: boolean,
  ): Promise<CaseRow> {
    const before = stateOf(current);
    const [rows] = await w.manager.query<[CaseRow[], number]>(
      `UPDATE cases c SET koppel_meentcoop_id = $3, koppel_municipal_id = $4, team_id = $5
              ${bump ? ', version = c.version + 1, updated_at = now()' : ''}
        WHERE c.id = $1 AND c.version = $2
        RETURNING ${CASE_COLUMNS}`,
      [current.id, current.version, next.meentcoopId, next.municipalId, next.teamId],
    );
    const updated = rows[0];
    if (!updated) throw new PreconditionFailed();
    await w.manager.query(
      `INSERT INTO case_koppel_changes (case_id, kind, from_meentcoop_id, to_meentcoop_id,
              from_municipal_id, to_municipal_id, from_team_id, to_team_id, reason,
              actor_id, actor_role, actor_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        current.id,
        kind,
        before.meentcoopId,
        next.meentcoopId,
        before.municipalId,
        next.municipalId,
        before.teamId,
        next.teamId,
        reason,
        w.actor.id,
        w.actor.role,
        w.actor.name,
      ],
    );
    const change = (a: string | null, b: string | null) =>
      a === b ? undefined : { old: a, new: b };
    w.audit({
      action: 'case.koppel_changed',
      subjectType: 'case',
      subjectId: current.id,
      caseId: current.id,
      data: {
        kind,
        reason,
        changes: {
          ...(change(before.meentcoopId, next.meentcoopId)
            ? { koppelMeentcoopId: change(before.meentcoopId, next.meentcoopId) }
            : {}),
          ...(change(before.municipalId, next.municipalId)
            ? { koppelMunicipalId: change(before.municipalId, next.municipalId) }
            : {}),
          ...(change(before.teamId, next.teamId)
            ? { teamId: change(before.teamId, next.teamId) }
            : {}),
        },
      },
    });
    w.emit({
      type: 'case.koppel_changed',
      payload: { caseId: current.id, version: current.version + 1, kind },
    });
    return updated;
  }

  private async domainsOf(manager: EntityManager, caseId: string): Promise<string[]> {
    const rows = await manager.query<{ code: string }[]>(
      'SELECT domain_code AS code FROM case_domains WHERE case_id = $1',
      [caseId],
    );
    return rows.map((r) => r.code);
  }
}

/**
 * The municipal half must be able to see and speak for the case: a buyer of its unit (the
 * filer or a colleague), or a budget holder of a municipal unit holding one of its domains.
 */
function mayBeMunicipalHalf(
  person: { role: Role; unit: { id: string; kind: string } | null; domains: string[] },
  current: CaseRow,
  caseDomains: string[],
): boolean {
  if (person.role === 'buyer') return person.unit?.id === current.organisation_unit_id;
  if (person.role === 'budget_holder') {
    return person.unit?.kind === 'municipal' && person.domains.some((d) => caseDomains.includes(d));
  }
  return false;
}
