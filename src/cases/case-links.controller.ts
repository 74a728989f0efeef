import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, SignedIn } from '../auth/decorators';
import type { Actor } from '../auth/roles';
import { API_BASE_PATH } from '../common/api-version';
import { etagOf, IfMatchHeader, type IfMatch } from '../common/etag';
import { ApiResult, IfMatchRequired, ProblemResponses } from '../common/openapi-decorators';
import { CaseLinks } from './case-links';
import { rolesFor } from './case-transitions';
import {
  CaseLinkDto,
  CaseLinkListDto,
  CloseAsDuplicateDto,
  CreateCaseLinkDto,
  CreateSubCaseDto,
} from './dto/case-link.dto';
import { CaseDto } from './dto/case.dto';
import { type HttpResponse, setHeader } from '../common/http-exchange';

const CaseIdParam = () =>
  ApiParam({ name: 'id', description: 'The case id (UUID) or its reference (BRUG-2026-000042).' });

/** Related cases, sub-cases and duplicates (issue 19, item 4; ADR 44). */
@ApiTags('Cases')
@Controller('cases/:id')
export class CaseLinksController {
  constructor(private readonly links: CaseLinks) {}

  @Get('links')
  @SignedIn()
  @CaseIdParam()
  @ApiOperation({
    summary: 'The cases linked to this one: related, sub-cases and parent, duplicates',
    description:
      'Only links whose other case the caller may see (a buyer: both cases in their unit); each with its status, team and money, and the money of the case with its sub-cases.',
  })
  @ApiResult(CaseLinkListDto)
  @ProblemResponses(404)
  list(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CaseLinkListDto> {
    return this.links.list(actor, id);
  }

  @Post('links')
  @Roles(...rolesFor('link'))
  @CaseIdParam()
  @ApiOperation({
    summary: 'Link this case to another as related, or as a part (sub-case) of it',
    description:
      'One link per pair of cases; a case is part of one parent, and no chain of parts comes back to itself.',
  })
  @ApiResult(CaseLinkDto, 201)
  @ProblemResponses(404, 409, 422)
  async link(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: CreateCaseLinkDto,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<CaseLinkDto> {
    const created = await this.links.link(actor, id, body);
    setHeader(response, 'Location', `${API_BASE_PATH}/cases/${id}/links`);
    return created;
  }

  @Post('sub-cases')
  @Roles(...rolesFor('fileSubCase'))
  @CaseIdParam()
  @ApiOperation({
    summary: 'Split off a sub-case for one domain of this open case',
    description:
      'Filed for the parent’s buyer and unit with the parent’s question and the domain as its lead, routed by the routing rules, linked as part of the parent. One per domain.',
  })
  @ApiResult(CaseDto, 201)
  @ProblemResponses(404, 409, 422)
  async fileSubCase(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: CreateSubCaseDto,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<CaseDto> {
    const created = await this.links.fileSubCase(actor, id, body);
    setHeader(response, 'Location', `${API_BASE_PATH}/cases/${created.id}`);
    setHeader(response, 'ETag', etagOf(created.version));
    return created;
  }

  @Post('duplicate-of')
  @HttpCode(200)
  @Roles(...rolesFor('closeAsDuplicate'))
  @CaseIdParam()
  @IfMatchRequired()
  @ApiOperation({
    summary: 'Close this open case as a duplicate of another open case',
    description:
      'Resolved with outcome `duplicate` and the reason; linked `duplicate_of` the case that stays; each open pledge waits for its budget holder’s consent to move there; the buyer is told.',
  })
  @ApiResult(CaseDto)
  @ProblemResponses(404, 409, 422)
  async closeAsDuplicate(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: CloseAsDuplicateDto,
    @IfMatchHeader() ifMatch: IfMatch | undefined,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<CaseDto> {
    const updated = await this.links.closeAsDuplicate(actor, id, body, ifMatch);
    setHeader(response, 'ETag', etagOf(updated.version));
    return updated;
  }
}
