import { Body, Controller, Get, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../auth/decorators';
import type { Actor } from '../../auth/roles';
import { API_BASE_PATH } from '../../common/api-version';
import { IfMatchHeader, WithEtag, type IfMatch } from '../../common/etag';
import { ApiResult, IfMatchRequired, ProblemResponses } from '../../common/openapi-decorators';
import { uuidParam } from '../../common/validators';
import { refOf } from '../../database/unit-of-work';
import {
  CreatedWebhookDto,
  CreateWebhookDto,
  UpdateWebhookDto,
  WebhookDto,
  WebhookListDto,
} from './webhook.dto';
import { WebhooksService } from './webhooks.service';
import { type HttpResponse, setHeader } from '../../common/http-exchange';

/** Webhook subscriptions (admin); the secret is shown once, at creation. */
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
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<CreatedWebhookDto> {
    const hook = await this.webhooks.create(refOf(actor), body);
    setHeader(response, 'Location', `${API_BASE_PATH}/webhooks/${hook.id}`);
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
