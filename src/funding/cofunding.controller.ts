import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, SignedIn } from '../auth/decorators';
import type { Actor } from '../auth/roles';
import { API_BASE_PATH } from '../common/api-version';
import { etagOf, IfMatchHeader, WithEtag, type IfMatch } from '../common/etag';
import { ApiResult, IfMatchRequired, ProblemResponses } from '../common/openapi-decorators';
import { uuidParam } from '../common/validators';
import { CofundingProposals } from './cofunding-proposals';
import {
  AnswerCofundingDto,
  CofundingProposalDto,
  CofundingProposalListDto,
  CreateCofundingProposalDto,
} from './dto/cofunding.dto';
import { type HttpResponse, setHeader } from '../common/http-exchange';

const CaseIdParam = () =>
  ApiParam({ name: 'id', description: 'The case id (UUID) or its reference (BRUG-2026-000042).' });

/** Co-funding proposals of a case (issue 18, item 3; ADR 36). */
@ApiTags('Funding')
@Controller('cases/:id/cofunding-proposals')
export class CofundingController {
  constructor(private readonly proposals: CofundingProposals) {}

  @Post()
  @Roles('staff', 'admin')
  @CaseIdParam()
  @ApiOperation({
    summary: 'Ask domains to pledge their part: by default each its fair share less its money',
    description:
      'The budget holders of the domains asked are told by e-mail, and answer on the case.',
  })
  @ApiResult(CofundingProposalDto, 201)
  @ProblemResponses(404, 422)
  async create(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: CreateCofundingProposalDto,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<CofundingProposalDto> {
    const created = await this.proposals.create(actor, id, body);
    setHeader(
      response,
      'Location',
      `${API_BASE_PATH}/cases/${created.caseId}/cofunding-proposals/${created.id}`,
    );
    setHeader(response, 'ETag', etagOf(created.version));
    return created;
  }

  @Get()
  @SignedIn()
  @CaseIdParam()
  @ApiOperation({ summary: 'The co-funding proposals of a case, newest first (at most 100)' })
  @ApiResult(CofundingProposalListDto)
  @ProblemResponses(404)
  list(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CofundingProposalListDto> {
    return this.proposals.list(actor, id);
  }

  @Get(':proposalId')
  @SignedIn()
  @WithEtag()
  @CaseIdParam()
  @ApiParam({ name: 'proposalId', format: 'uuid' })
  @ApiOperation({ summary: 'One co-funding proposal with every domain’s answer' })
  @ApiResult(CofundingProposalDto)
  @ProblemResponses(404)
  get(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('proposalId', uuidParam('proposalId')) proposalId: string,
  ): Promise<CofundingProposalDto> {
    return this.proposals.get(actor, id, proposalId);
  }

  @Post(':proposalId/answers')
  @HttpCode(200)
  @Roles('budget_holder', 'admin')
  @WithEtag()
  @CaseIdParam()
  @ApiParam({ name: 'proposalId', format: 'uuid' })
  @IfMatchRequired()
  @ApiOperation({
    summary: 'A domain accepts (its pledge is recorded) or declines (with a reason)',
    description: 'A budget holder answers for the domains they hold only (403 otherwise).',
  })
  @ApiResult(CofundingProposalDto)
  @ProblemResponses(404, 409, 422)
  answer(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('proposalId', uuidParam('proposalId')) proposalId: string,
    @Body() body: AnswerCofundingDto,
    @IfMatchHeader() ifMatch: IfMatch | undefined,
  ): Promise<CofundingProposalDto> {
    return this.proposals.answer(actor, id, proposalId, body, ifMatch);
  }
}
