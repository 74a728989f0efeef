import { Body, Controller, Injectable, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/decorators';
import type { Actor } from '../auth/roles';
import { ValidationFailed } from '../common/errors';
import { ApiResult, ProblemResponses } from '../common/openapi-decorators';
import { refOf, UnitOfWork, type ActorRef } from '../database/unit-of-work';
import { CreateErasureDto, ErasureDto } from './dto/audit-log.dto';

/** Which events an erasure's subject covers: everything under a case, or what names a user. */
const SUBJECT_EVENTS = {
  case: 'case_id = $1::uuid',
  user: `(actor_id = $1::uuid OR (subject_type = 'user' AND subject_id = $1::text))`,
} as const;

/**
 * Lawful erasure (Archiefwet destruction, AVG removal): the stored data of a case's or a
 * user's events is removed, their envelopes, `dataHash` and leaves stay, so every proof still
 * holds (docs/audit.md). The erasure is itself an audit event, in the same transaction.
 */
@Injectable()
export class AuditEraser {
  constructor(private readonly uow: UnitOfWork) {}

  erase(actor: ActorRef, input: CreateErasureDto): Promise<ErasureDto> {
    return this.uow.run(actor, async (w) => {
      const erasedAt = new Date();
      const where = `${SUBJECT_EVENTS[input.subjectType]} AND data IS NOT NULL`;
      // Locked, so a concurrent erasure of the same events waits and then finds nothing left.
      const [found] = await w.manager.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM audit_events WHERE ${where} FOR UPDATE) s`,
        [input.subjectId],
      );
      const count = found?.n ?? 0;
      if (count === 0) {
        throw new ValidationFailed([
          { field: 'subjectId', code: 'invalid', message: 'has no events with data to erase' },
        ]);
      }
      const [erasure] = await w.manager.query<{ id: string }[]>(
        `INSERT INTO audit_erasures (subject_type, subject_id, basis, reason, erased_by,
                                     erased_by_name, erased_at, events)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          input.subjectType,
          input.subjectId,
          input.basis,
          input.reason,
          actor.id,
          actor.name,
          erasedAt,
          count,
        ],
      );
      const id = erasure!.id;
      await w.manager.query(`UPDATE audit_events SET data = NULL, erasure_id = $2 WHERE ${where}`, [
        input.subjectId,
        id,
      ]);
      w.audit({
        action: 'audit.erased',
        subjectType: 'audit_erasure',
        subjectId: id,
        data: {
          subjectType: input.subjectType,
          subjectId: input.subjectId,
          basis: input.basis,
          reason: input.reason,
          events: count,
        },
      });
      return {
        id,
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        basis: input.basis,
        reason: input.reason,
        events: count,
        erasedAt: erasedAt.toISOString(),
      };
    });
  }
}

@ApiTags('Audit')
@Controller('admin/audit/erasures')
export class AuditErasureController {
  constructor(private readonly eraser: AuditEraser) {}

  @Post()
  @Roles('admin')
  @ApiOperation({
    summary: 'Erase the data of a case’s or a user’s audit events (Archiefwet, AVG)',
    description:
      'Removes the stored data; envelopes, dataHash and leaves stay, so verification and ' +
      'bundles still pass. The erasure is itself an audit event (`audit.erased`).',
  })
  @ApiResult(ErasureDto, 201)
  @ProblemResponses(400)
  erase(@CurrentActor() actor: Actor, @Body() body: CreateErasureDto): Promise<ErasureDto> {
    return this.eraser.erase(refOf(actor), body);
  }
}
