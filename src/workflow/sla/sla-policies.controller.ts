import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../auth/decorators';
import type { Actor } from '../../auth/roles';
import { IfMatchHeader, WithEtag, type IfMatch } from '../../common/etag';
import { ApiResult, IfMatchRequired, ProblemResponses } from '../../common/openapi-decorators';
import { refOf } from '../../database/unit-of-work';
import {
  CreateSlaPolicyDto,
  SlaPolicyDto,
  SlaPolicyListDto,
  UpdateSlaPolicyDto,
} from './sla-policy.dto';
import { SlaPoliciesService } from './sla-policies.service';

/** SLA policies per priority (admin): the length of each stage. */
@ApiTags('Administration')
@Controller('sla-policies')
@Roles('admin')
export class SlaPoliciesController {
  constructor(private readonly policies: SlaPoliciesService) {}

  @Get()
  @ApiOperation({ summary: 'The SLA policies per priority' })
  @ApiResult(SlaPolicyListDto)
  async list(): Promise<SlaPolicyListDto> {
    return { items: await this.policies.list() };
  }

  @Post()
  @WithEtag()
  @ApiOperation({ summary: 'Add the SLA policy of a priority' })
  @ApiResult(SlaPolicyDto, 201)
  @ProblemResponses(409)
  create(@CurrentActor() actor: Actor, @Body() body: CreateSlaPolicyDto): Promise<SlaPolicyDto> {
    return this.policies.create(refOf(actor), body);
  }

  @Patch(':priority')
  @WithEtag()
  @IfMatchRequired()
  @ApiOperation({
    summary: 'Change the SLA policy of a priority (applies to cases routed from now)',
  })
  @ApiResult(SlaPolicyDto)
  @ProblemResponses(404)
  update(
    @CurrentActor() actor: Actor,
    @Param('priority') priority: string,
    @Body() body: UpdateSlaPolicyDto,
    @IfMatchHeader() ifMatch: IfMatch | undefined,
  ): Promise<SlaPolicyDto> {
    return this.policies.update(refOf(actor), priority, body, ifMatch);
  }
}
