import { Injectable } from '@nestjs/common';
import { Forbidden } from '../auth/auth.errors';
import type { Actor } from '../auth/roles';
import { CatalogueService } from '../catalogue/catalogue.service';
import { ValidationFailed } from '../common/errors';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  requestHash,
} from '../common/idempotency/idempotency';
import { refOf, UnitOfWork } from '../database/unit-of-work';
import { CaseFunding } from './case-funding';
import { CaseLifecycle } from './case-lifecycle';
import { CasePresenter } from './case-presenter';
import { mayDo } from './case-transitions';
import { filingStatement } from './cases.store';
import type { CaseDomainInput, FileCaseDto } from './dto/case-input.dto';
import type { CaseDto } from './dto/case.dto';

export interface FileResult {
  status: number;
  body: CaseDto;
}

/** The domains of a case must be active ones of the catalogue (422 naming `field[i].code`). */
export async function assertCaseDomains(
  catalogue: CatalogueService,
  domains: CaseDomainInput[],
  field: string,
): Promise<void> {
  await catalogue.assertActiveDomains(
    domains.map((d) => d.code),
    (i) => `${field}[${i}].code`,
  );
}

/**
 * Filing a case: for which unit, its domains and initial funding checked, an idempotent replay
 * answered as the first time; the case, its domains, its first status change (through
 * CaseLifecycle.apply), its pledges, audit and outbox events in one unit of work.
 */
@Injectable()
export class CaseFiling {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly presenter: CasePresenter,
    private readonly catalogue: CatalogueService,
    private readonly funding: CaseFunding,
    private readonly lifecycle: CaseLifecycle,
  ) {}

  /** Files a case for the buyer's unit. With an idempotency key, a replay gets the first answer. */
  async file(actor: Actor, input: FileCaseDto, idempotencyKey?: string): Promise<FileResult> {
    const unitId = await this.filingUnit(actor, input.organisationUnitId);
    await assertCaseDomains(this.catalogue, input.domains, 'domains');
    this.funding.assertInitialFunding(input.initialFunding, input.domains); // funding (issue 6)
    return this.uow.run(refOf(actor), async (w) => {
      if (idempotencyKey) {
        const replay = await claimIdempotencyKey(w.manager, {
          actorId: actor.id,
          key: idempotencyKey,
          operation: 'POST /cases',
          requestHash: requestHash('POST /cases', input),
        });
        if (replay) return { status: replay.status, body: replay.body as CaseDto };
      }
      // The case and its domains; the lifecycle adds its first status change to the same
      // statement (one round trip), with the audit and outbox events.
      const { row: created, history } = await this.lifecycle.apply(w, {
        kind: 'file',
        ...filingStatement(input, unitId, actor.id),
        audit: (created) => ({
          reference: created.reference,
          title: created.title,
          description: created.description,
          tenderReference: created.tender_reference,
          procurementStage: created.procurement_stage,
          estimatedValueCents: Number(created.estimated_value_cents),
          priority: created.priority,
          deadline: created.deadline,
          organisationUnitId: unitId,
          domains: input.domains.map((d) => ({ code: d.code, role: d.role })),
        }),
      });
      // Funding (issue 6): `initialFunding` becomes pledge entries in this same unit of work.
      await this.funding.pledgeInitialFunding(w, created, input.initialFunding);
      // Lead first, as every read lists them.
      const domainList = [...input.domains]
        .sort((a, b) =>
          a.role === b.role ? a.code.localeCompare(b.code) : a.role === 'lead' ? -1 : 1,
        )
        .map((d) => ({ code: d.code, role: d.role }));
      const [body] = await this.presenter.present(
        w.manager,
        [{ ...created, domain_list: domainList }],
        actor,
        { histories: new Map([[created.id, history]]) },
      );
      if (idempotencyKey) {
        await completeIdempotencyKey(
          w.manager,
          { actorId: actor.id, key: idempotencyKey },
          {
            status: 201,
            body,
          },
        );
      }
      return { status: 201, body: body! };
    });
  }

  /** Buyers file for their own unit; an admin files on behalf of a municipal unit they name. */
  private async filingUnit(actor: Actor, requested: string | undefined): Promise<string> {
    if (actor.role === 'buyer') {
      if (!actor.organisationUnitId) throw new Forbidden('You belong to no organisation unit.');
      if (requested && requested !== actor.organisationUnitId) {
        throw new Forbidden('Buyers file cases for their own organisation unit only.');
      }
      return actor.organisationUnitId;
    }
    if (!mayDo('file', actor.role)) throw new Forbidden('Cases are filed by buyers.');
    const invalid = new ValidationFailed([
      {
        field: 'organisationUnitId',
        code: 'unit_required',
        message: 'an admin names the active municipal unit to file for',
        params: { role: 'admin', kind: 'municipal' },
      },
    ]);
    if (!requested) throw invalid;
    const unit = await this.catalogue.getUnit(requested).catch(() => null);
    if (!unit || !unit.active || unit.kind !== 'municipal') throw invalid;
    return unit.id;
  }
}
