import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../auth/decorators';
import type { Actor } from '../../auth/roles';
import { IfMatchHeader, WithEtag, type IfMatch } from '../../common/etag';
import { ApiResult, IfMatchRequired, ProblemResponses } from '../../common/openapi-decorators';
import { uuidParam } from '../../common/validators';
import { refOf } from '../../database/unit-of-work';
import {
  CreateRoutingRuleDto,
  RoutingDryRunDto,
  RoutingDryRunResultDto,
  RoutingRuleDto,
  RoutingRuleListDto,
  UpdateRoutingRuleDto,
} from './routing-rule.dto';
import { RoutingRulesService } from './routing-rules.service';

/** Routing rules (admin): the first active rule in position order that matches names the team. */
@ApiTags('Administration')
@Controller('routing-rules')
@Roles('admin')
export class RoutingRulesController {
  constructor(private readonly rules: RoutingRulesService) {}

  @Get()
  @ApiOperation({ summary: 'The routing rules, in the order they are tried' })
  @ApiResult(RoutingRuleListDto)
  async list(): Promise<RoutingRuleListDto> {
    return { items: await this.rules.list() };
  }

  @Post()
  @WithEtag()
  @ApiOperation({ summary: 'Add a routing rule' })
  @ApiResult(RoutingRuleDto, 201)
  create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateRoutingRuleDto,
  ): Promise<RoutingRuleDto> {
    return this.rules.create(refOf(actor), body);
  }

  @Post('dry-run')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Which team would this case, or this draft, go to? Tries the rules as they stand; changes nothing',
  })
  @ApiResult(RoutingDryRunResultDto)
  @ProblemResponses(404)
  dryRun(
    @CurrentActor() actor: Actor,
    @Body() body: RoutingDryRunDto,
  ): Promise<RoutingDryRunResultDto> {
    return this.rules.dryRun(actor, body);
  }

  @Patch(':id')
  @WithEtag()
  @IfMatchRequired()
  @ApiOperation({ summary: 'Change, switch off or on a routing rule (never deleted)' })
  @ApiResult(RoutingRuleDto)
  @ProblemResponses(404)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateRoutingRuleDto,
    @IfMatchHeader() ifMatch: IfMatch | undefined,
  ): Promise<RoutingRuleDto> {
    return this.rules.update(refOf(actor), id, body, ifMatch);
  }
}
