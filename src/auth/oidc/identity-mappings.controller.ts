import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IfMatchHeader, WithEtag, type IfMatch } from '../../common/etag';
import { ApiResult, IfMatchRequired, ProblemResponses } from '../../common/openapi-decorators';
import { uuidParam } from '../../common/validators';
import { refOf } from '../../database/unit-of-work';
import { CurrentActor, Roles } from '../decorators';
import {
  CreateIdentityMappingDto,
  IdentityMappingDto,
  IdentityMappingListDto,
  ListIdentityMappingsQuery,
  UpdateIdentityMappingDto,
} from '../dto/identity-mapping.dto';
import type { Actor } from '../roles';
import { IdentityMappingsService } from './identity-mappings.service';

/** Administrators keep what a provider's claim values make a person in Brug (ADR 33). */
@ApiTags('Administration')
@Controller('admin/identity-mappings')
export class IdentityMappingsController {
  constructor(private readonly mappings: IdentityMappingsService) {}

  @Get()
  @Roles('admin', 'auditor')
  @ApiOperation({ summary: 'The identity mappings, by provider and claim value (at most 1000)' })
  @ApiResult(IdentityMappingListDto)
  @ProblemResponses(400)
  async list(@Query() query: ListIdentityMappingsQuery): Promise<IdentityMappingListDto> {
    // A query DTO as elsewhere: the global validation pipe refused a bare `@Query('provider')`
    // string when given and made an object of it when missing (so the list came back empty).
    return { items: await this.mappings.list(query.provider || undefined) };
  }

  @Get(':id')
  @Roles('admin', 'auditor')
  @WithEtag()
  @ApiOperation({ summary: 'One identity mapping' })
  @ProblemResponses(404)
  @ApiResult(IdentityMappingDto)
  get(@Param('id', uuidParam()) id: string): Promise<IdentityMappingDto> {
    return this.mappings.get(id);
  }

  @Post()
  @Roles('admin')
  @WithEtag()
  @ApiOperation({ summary: 'Map a claim value of a provider to a role, unit and domains' })
  @ProblemResponses(404, 409)
  @ApiResult(IdentityMappingDto, 201)
  create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateIdentityMappingDto,
  ): Promise<IdentityMappingDto> {
    return this.mappings.create(refOf(actor), {
      provider: body.provider,
      claimValue: body.claimValue.trim(),
      role: body.role,
      organisationUnitId: body.organisationUnitId ?? null,
      domains: body.domains ?? [],
    });
  }

  @Patch(':id')
  @Roles('admin')
  @WithEtag()
  @IfMatchRequired()
  @ApiOperation({ summary: 'Change what a claim value maps to (applies at the next sign-in)' })
  @ProblemResponses(404)
  @ApiResult(IdentityMappingDto)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateIdentityMappingDto,
    @IfMatchHeader() ifMatch: IfMatch | undefined,
  ): Promise<IdentityMappingDto> {
    return this.mappings.update(refOf(actor), id, body, ifMatch);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin')
  @IfMatchRequired()
  @ApiOperation({ summary: 'Remove a mapping (people with only this value get no access)' })
  @ProblemResponses(404)
  @ApiResult(undefined, 204)
  async remove(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @IfMatchHeader() ifMatch: IfMatch | undefined,
  ): Promise<void> {
    await this.mappings.remove(refOf(actor), id, ifMatch);
  }
}
