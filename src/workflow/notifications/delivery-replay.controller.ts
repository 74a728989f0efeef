import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../auth/decorators';
import type { Actor } from '../../auth/roles';
import { ApiResult, ProblemResponses } from '../../common/openapi-decorators';
import { refOf } from '../../database/unit-of-work';
import {
  DeliveryListDto,
  ListDeliveriesQuery,
  ReplayDeliveriesDto,
  ReplayResultDto,
} from './delivery-replay.dto';
import { DeliveryReplayService } from './delivery-replay.service';

/** Deliveries listed, and those that gave up or were skipped sent again (admin, audited; ADR 41). */
@ApiTags('Administration')
@Controller('admin/deliveries')
@Roles('admin')
export class DeliveryReplayController {
  constructor(private readonly replays: DeliveryReplayService) {}

  @Get()
  @ApiOperation({
    summary:
      'Webhook and email deliveries of one status (failed by default), newest first, with their last error',
  })
  @ApiResult(DeliveryListDto)
  @ProblemResponses(400)
  list(@Query() query: ListDeliveriesQuery): Promise<DeliveryListDto> {
    return this.replays.list(query);
  }

  @Post('replay')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Send failed (or skipped) webhook and email deliveries again: given ids, or every one matching the filters',
  })
  @ApiResult(ReplayResultDto, 202)
  replay(
    @CurrentActor() actor: Actor,
    @Body() body: ReplayDeliveriesDto,
  ): Promise<ReplayResultDto> {
    return this.replays.replay(refOf(actor), body);
  }
}
