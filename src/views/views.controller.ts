import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, SignedIn } from '../auth/decorators';
import type { Actor } from '../auth/roles';
import { API_BASE_PATH } from '../common/api-version';
import { IfMatchHeader, WithEtag, type IfMatch } from '../common/etag';
import { ApiResult, IfMatchRequired, ProblemResponses } from '../common/openapi-decorators';
import { CreateViewDto, UpdateViewDto, ViewDto, ViewListDto } from './dto/view.dto';
import { ViewsService } from './views.service';
import { type HttpResponse, setHeader } from '../common/http-exchange';

/** The people who keep views; auditors only read (they open the built-in ones). */
const KEEPERS = ['buyer', 'staff', 'budget_holder', 'admin'] as const;

/**
 * Saved views of the case list (issue 19, item 1): named filters, sort and columns, personal or
 * shared with one's team (staff) or unit (buyers), beside the built-in views of each role.
 */
@ApiTags('Views')
@Controller('views')
export class ViewsController {
  constructor(private readonly views: ViewsService) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'The views the reader may open: built-in, their own, shared with them' })
  @ApiResult(ViewListDto)
  async list(@CurrentActor() actor: Actor): Promise<ViewListDto> {
    return { items: await this.views.list(actor) };
  }

  @Get(':id')
  @SignedIn()
  @WithEtag()
  @ApiOperation({ summary: 'One view (a uuid, or `builtin:<key>`)' })
  @ApiParam({ name: 'id', example: 'builtin:my_cases' })
  @ApiResult(ViewDto)
  @ProblemResponses(404)
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ViewDto> {
    return this.views.get(actor, id);
  }

  @Post()
  @Roles(...KEEPERS)
  @WithEtag()
  @ApiOperation({ summary: 'Save a view (personal, or shared with your team or unit)' })
  @ApiResult(ViewDto, 201)
  @ProblemResponses(409)
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateViewDto,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<ViewDto> {
    const view = await this.views.create(actor, body);
    setHeader(response, 'Location', `${API_BASE_PATH}/views/${view.id}`);
    return view;
  }

  @Patch(':id')
  @Roles(...KEEPERS)
  @WithEtag()
  @IfMatchRequired()
  @ApiOperation({ summary: 'Change a view you saved' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiResult(ViewDto)
  @ProblemResponses(403, 404)
  update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: UpdateViewDto,
    @IfMatchHeader() ifMatch: IfMatch | undefined,
  ): Promise<ViewDto> {
    return this.views.update(actor, id, body, ifMatch);
  }

  @Delete(':id')
  @Roles(...KEEPERS)
  @HttpCode(204)
  @IfMatchRequired()
  @ApiOperation({ summary: 'Delete a view you saved' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiResult(undefined, 204)
  @ProblemResponses(403, 404)
  async remove(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @IfMatchHeader() ifMatch: IfMatch | undefined,
  ): Promise<void> {
    await this.views.remove(actor, id, ifMatch);
  }
}
