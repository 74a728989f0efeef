import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { BOARD_COOKIE, BOARD_PATH } from './queue-board';
import { CurrentActor, Roles } from '../auth/decorators';
import type { Actor } from '../auth/roles';
import { API_BASE_PATH } from '../common/api-version';
import { IfMatchHeader, WithEtag, type IfMatch } from '../common/etag';
import { ApiResult, IfMatchRequired, ProblemResponses } from '../common/openapi-decorators';
import { uuidParam } from '../common/validators';
import { refOf } from '../database/unit-of-work';
import {
  CreatedWebhookDto,
  CreateRoutingRuleDto,
  CreateSlaPolicyDto,
  CreateWebhookDto,
  FailedJobListDto,
  RoutingRuleDto,
  RoutingRuleListDto,
  SlaPolicyDto,
  SlaPolicyListDto,
  UpdateRoutingRuleDto,
  UpdateSlaPolicyDto,
  UpdateWebhookDto,
  WebhookDto,
  WebhookListDto,
} from './dto/workflow-admin.dto';
import { FailedJobsService } from './failed-jobs.service';
import { RoutingRulesService } from './routing-rules.service';
import { SlaPoliciesService } from './sla-policies.service';
import { WebhooksService } from './webhooks.service';

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

@ApiTags('Administration')
@Controller('webhooks')
@Roles('admin')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @ApiOperation({ summary: 'The webhooks (secrets are never shown again)' })
  @ApiResult(WebhookListDto)
  async list(): Promise<WebhookListDto> {
    return { items: await this.webhooks.list() };
  }

  @Post()
  @WithEtag()
  @ApiOperation({ summary: 'Register a webhook; the answer shows its signing secret, once' })
  @ApiResult(CreatedWebhookDto, 201)
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateWebhookDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CreatedWebhookDto> {
    const hook = await this.webhooks.create(refOf(actor), body);
    response.setHeader('Location', `${API_BASE_PATH}/webhooks/${hook.id}`);
    return hook;
  }

  @Patch(':id')
  @WithEtag()
  @IfMatchRequired()
  @ApiOperation({ summary: 'Change, deactivate or reactivate a webhook (never deleted)' })
  @ApiResult(WebhookDto)
  @ProblemResponses(404)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateWebhookDto,
    @IfMatchHeader() ifMatch: IfMatch | undefined,
  ): Promise<WebhookDto> {
    return this.webhooks.update(refOf(actor), id, body, ifMatch);
  }
}

@ApiTags('Administration')
@Controller('admin/failed-jobs')
@Roles('admin')
export class FailedJobsController {
  constructor(private readonly failed: FailedJobsService) {}

  @Get()
  @ApiOperation({ summary: 'Queue jobs that failed their last attempt' })
  @ApiResult(FailedJobListDto)
  async list(): Promise<FailedJobListDto> {
    return { items: await this.failed.list() };
  }

  @Post(':id/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Run a failed job again' })
  @ApiResult(undefined, 202)
  @ProblemResponses(404)
  async retry(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    await this.failed.retry(refOf(actor), id);
  }
}

@ApiTags('Administration')
@Controller('admin/queue-board')
@Roles('admin')
export class QueueBoardController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Post('session')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Open the queue dashboard in this browser: sets an HttpOnly cookie for /admin/queues',
  })
  @ApiResult(undefined, 204)
  session(@Req() request: Request, @Res({ passthrough: true }) response: Response): void {
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
    response.cookie(BOARD_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      // Secure whenever people reach Brug over https (PUBLIC_URL), or this request came so.
      secure: this.config.publicUrl.startsWith('https:') || request.secure,
      path: BOARD_PATH,
      maxAge: this.config.jwtTtlSeconds * 1000,
    });
  }
}
