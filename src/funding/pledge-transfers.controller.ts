import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, SignedIn } from '../auth/decorators';
import type { Actor } from '../auth/roles';
import { IfMatchHeader, WithEtag, type IfMatch } from '../common/etag';
import { ApiResult, IfMatchRequired, ProblemResponses } from '../common/openapi-decorators';
import { uuidParam } from '../common/validators';
import {
  AnswerPledgeTransferDto,
  PledgeTransferDto,
  PledgeTransferListDto,
} from './dto/pledge-transfer.dto';
import { PledgeTransfers } from './pledge-transfers';

const CaseIdParam = () =>
  ApiParam({ name: 'id', description: 'The case id (UUID) or its reference (BRUG-2026-000042).' });

/** Moving a duplicate's open pledges to the case that stays, with consent (ADR 44). */
@ApiTags('Funding')
@Controller('cases/:id/pledge-transfers')
export class PledgeTransfersController {
  constructor(private readonly transfers: PledgeTransfers) {}

  @Get()
  @SignedIn()
  @CaseIdParam()
  @ApiOperation({
    summary:
      'Requests to move a pledge from this case (a duplicate) or to it (the case that stays)',
  })
  @ApiResult(PledgeTransferListDto)
  @ProblemResponses(404)
  list(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<PledgeTransferListDto> {
    return this.transfers.list(actor, id);
  }

  @Post(':transferId/answers')
  @HttpCode(200)
  @Roles('budget_holder', 'admin')
  @WithEtag()
  @CaseIdParam()
  @ApiParam({ name: 'transferId', format: 'uuid' })
  @IfMatchRequired()
  @ApiOperation({
    summary: 'The budget holder consents (the pledge moves) or declines (it stays)',
    description:
      'Accepting releases what is still pledged on the duplicate, up to the amount asked, and pledges it on the case that stays, in one transaction. A budget holder answers for the domains they hold only (403 otherwise).',
  })
  @ApiResult(PledgeTransferDto)
  @ProblemResponses(404, 409, 422)
  answer(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('transferId', uuidParam('transferId')) transferId: string,
    @Body() body: AnswerPledgeTransferDto,
    @IfMatchHeader() ifMatch: IfMatch | undefined,
  ): Promise<PledgeTransferDto> {
    return this.transfers.answer(actor, id, transferId, body, ifMatch);
  }
}
