import { Injectable } from '@nestjs/common';
import { Forbidden } from '../auth/auth.errors';
import type { Actor } from '../auth/roles';
import { CaseReader } from '../cases/case-reader';
import { ValidationFailed } from '../common/errors';
import { refOf, UnitOfWork } from '../database/unit-of-work';
import type { FundingEntryDto, RecordFundingEntryDto } from './dto/funding-entry.dto';
import { FundingLedger } from './funding-ledger';
import { refusalFor } from './ledger-calculator';

/**
 * Changes to the funding ledger, each in its own unit of work: the entry, its audit event and
 * its outbox event commit together or not at all. Reading is FundingReader's.
 */
@Injectable()
export class FundingService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly cases: CaseReader,
    private readonly ledger: FundingLedger,
  ) {}

  /**
   * Records one entry on a case the actor may see (else 404), if their role may record it for
   * that domain (else 403, decided before the case is read, so it tells nothing about the case).
   * The case's row is locked for the transaction: concurrent entries on one case are checked
   * one after the other, each against the balance the previous ones left.
   */
  async record(
    actor: Actor,
    idOrReference: string,
    input: RecordFundingEntryDto,
  ): Promise<FundingEntryDto> {
    const refusal = refusalFor(actor, input);
    if (refusal) {
      throw new Forbidden(refusal, {
        reason: actor.role === 'budget_holder' ? 'not_budget_holder' : 'funding_role',
        role: actor.role,
        kind: input.kind,
        domainCode: input.domainCode,
      });
    }
    if (input.expiresAt && Date.parse(input.expiresAt) <= Date.now()) {
      throw new ValidationFailed([
        {
          field: 'expiresAt',
          code: 'not_in_future',
          message: 'must be a moment in the future',
          params: { expiresAt: input.expiresAt },
        },
      ]);
    }
    return this.uow.run(refOf(actor), async (w) => {
      const locked = await this.cases.findVisible(w.manager, actor, idOrReference, { lock: true });
      const [entry] = await this.ledger.append(w, { id: locked.id, status: locked.status }, [
        {
          domainCode: input.domainCode,
          kind: input.kind,
          amountCents: input.amountCents,
          releaseFrom: input.releaseFrom ?? null,
          budgetLine: input.budgetLine ?? null,
          note: input.note ?? null,
          expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        },
      ]);
      return entry!;
    });
  }
}
