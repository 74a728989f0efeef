import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, SignedIn } from '../auth/decorators';
import type { Actor } from '../auth/roles';
import { IfMatchHeader, WithEtag, type IfMatch } from '../common/etag';
import { ApiResult, IfMatchRequired, ProblemResponses } from '../common/openapi-decorators';
import { BenefitShares } from './benefit-shares';
import {
  AnswerBenefitShareDto,
  BenefitShareHistoryDto,
  BenefitSharesDto,
  SetBenefitSharesDto,
} from './dto/benefit-shares.dto';

const CaseIdParam = () =>
  ApiParam({ name: 'id', description: 'The case id (UUID) or its reference (BRUG-2026-000042).' });

/**
 * Who benefits from a case: the benefit share of each domain it touches (issue 18, ADR 36). Its
 * ETag is the shares' own version (how often they were set), not the case's.
 */
@ApiTags('Funding')
@Controller('cases/:id/benefit-shares')
export class BenefitSharesController {
  constructor(private readonly shares: BenefitShares) {}

  @Get()
  @SignedIn()
  @WithEtag()
  @CaseIdParam()
  @ApiOperation({
    summary: 'The benefit share of each domain the case touches (default: lead domain 100 %)',
  })
  @ApiResult(BenefitSharesDto)
  @ProblemResponses(404)
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<BenefitSharesDto> {
    return this.shares.get(actor, id);
  }

  @Put()
  @Roles('staff', 'admin')
  @WithEtag()
  @CaseIdParam()
  @IfMatchRequired()
  @ApiOperation({
    summary: 'Set the benefit shares, in basis points adding up to 10,000, with a reasoning',
    description:
      'Every domain the case touches at most once; one left out has 0. The history is kept ' +
      '(GET …/benefit-shares/history); the budget holders’ answers lapse with the shares.',
  })
  @ApiResult(BenefitSharesDto)
  @ProblemResponses(404)
  set(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: SetBenefitSharesDto,
    @IfMatchHeader() ifMatch: IfMatch | undefined,
  ): Promise<BenefitSharesDto> {
    return this.shares.set(actor, id, body, ifMatch);
  }

  @Get('history')
  @SignedIn()
  @CaseIdParam()
  @ApiOperation({ summary: 'Every set of benefit shares the case has had, newest first' })
  @ApiResult(BenefitShareHistoryDto)
  @ProblemResponses(404)
  history(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<BenefitShareHistoryDto> {
    return this.shares.history(actor, id);
  }

  @Put(':domainCode/answer')
  @Roles('budget_holder', 'admin')
  @WithEtag()
  @CaseIdParam()
  @ApiParam({ name: 'domainCode', example: 'housing' })
  @IfMatchRequired()
  @ApiOperation({
    summary: 'A budget holder agrees with, or disputes (with a reason), their domain’s share',
    description: 'Only for a domain the budget holder holds (403 otherwise).',
  })
  @ApiResult(BenefitSharesDto)
  @ProblemResponses(404, 422)
  answer(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('domainCode') domainCode: string,
    @Body() body: AnswerBenefitShareDto,
    @IfMatchHeader() ifMatch: IfMatch | undefined,
  ): Promise<BenefitSharesDto> {
    return this.shares.answer(actor, id, domainCode, body, ifMatch);
  }
}
