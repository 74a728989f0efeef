import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, SignedIn, type Actor } from '../common/access';
import { refOf } from '../database/unit-of-work';
import { IfMatchHeader, WithEtag, type IfMatch } from '../common/etag';
import { ApiResult, IfMatchRequired, ProblemResponses } from '../common/openapi-decorators';
import { CatalogueService } from './catalogue.service';
import {
  CreateDomainDto,
  DomainDto,
  DomainListDto,
  ListDomainsQuery,
  UpdateDomainDto,
} from './dto/domain.dto';

@ApiTags('Catalogue')
@Controller('domains')
export class DomainsController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'List the policy domains' })
  @ApiResult(DomainListDto)
  async list(@Query() query: ListDomainsQuery): Promise<DomainListDto> {
    const domains = await this.catalogue.listDomains(query.includeInactive);
    return { items: domains.map((d) => DomainDto.of(d)) };
  }

  @Get(':code')
  @SignedIn()
  @WithEtag()
  @ApiOperation({ summary: 'One policy domain' })
  @ProblemResponses(404)
  @ApiResult(DomainDto)
  async get(@Param('code') code: string): Promise<DomainDto> {
    return DomainDto.of(await this.catalogue.getDomain(code));
  }

  @Post()
  @Roles('admin')
  @WithEtag()
  @ApiOperation({ summary: 'Add a policy domain' })
  @ProblemResponses(409)
  @ApiResult(DomainDto, 201)
  async create(@CurrentActor() actor: Actor, @Body() body: CreateDomainDto): Promise<DomainDto> {
    return DomainDto.of(await this.catalogue.createDomain(refOf(actor), body));
  }

  @Patch(':code')
  @Roles('admin')
  @WithEtag()
  @IfMatchRequired()
  @ApiOperation({ summary: 'Rename, deactivate or reactivate a policy domain' })
  @ProblemResponses(404)
  @ApiResult(DomainDto)
  async update(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Body() body: UpdateDomainDto,
    @IfMatchHeader() ifMatch: IfMatch | undefined,
  ): Promise<DomainDto> {
    return DomainDto.of(await this.catalogue.updateDomain(refOf(actor), code, body, ifMatch));
  }
}
