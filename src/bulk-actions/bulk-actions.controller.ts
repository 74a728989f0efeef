import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/decorators';
import type { Actor } from '../auth/roles';
import { API_BASE_PATH } from '../common/api-version';
import { ApiResult, ProblemResponses } from '../common/openapi-decorators';
import { BulkActionsService } from './bulk-actions.service';
import {
  BulkActionDto,
  BulkActionInput,
  BulkActionQuery,
  BulkPreviewDto,
  CreateBulkActionDto,
} from './dto/bulk-action.dto';
import { type HttpResponse, setHeader } from '../common/http-exchange';

/**
 * Who acts on many cases at once: MeentCoop staff (their work queue) and administrators. On each
 * case the person gets the action only where the case's own rules let them (ADR 39).
 */
const BULK_ACTORS = ['staff', 'admin'] as const;

/** Bulk actions on the work queue (issue 19, item 2): assign, take on, or move many cases. */
@ApiTags('Bulk actions')
@Controller('bulk-actions')
export class BulkActionsController {
  constructor(private readonly bulk: BulkActionsService) {}

  @Post()
  @HttpCode(202)
  @Roles(...BULK_ACTORS)
  @ApiOperation({
    summary:
      'Assign, take on or move up to 1,000 cases (picked with their versions, or every case matching a view’s filters); done in the background, case by case',
  })
  @ApiResult(BulkActionDto, 202)
  @ProblemResponses(422)
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateBulkActionDto,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<BulkActionDto> {
    const created = await this.bulk.create(actor, body);
    setHeader(response, 'Location', `${API_BASE_PATH}/bulk-actions/${created.id}`);
    return created;
  }

  @Post('preview')
  @HttpCode(200)
  @Roles(...BULK_ACTORS)
  @ApiOperation({
    summary:
      'How many cases a bulk action would take (the count shown before asking); changes nothing',
  })
  @ApiResult(BulkPreviewDto)
  @ProblemResponses()
  preview(@CurrentActor() actor: Actor, @Body() body: BulkActionInput): Promise<BulkPreviewDto> {
    return this.bulk.preview(actor, body);
  }

  @Get(':id')
  @Roles(...BULK_ACTORS)
  @ApiOperation({
    summary:
      'The progress of a bulk action: its state, counts per outcome and per-case results (keyset pages)',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiResult(BulkActionDto)
  @ProblemResponses(404)
  get(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() query: BulkActionQuery,
  ): Promise<BulkActionDto> {
    return this.bulk.get(actor, id, query);
  }
}
