import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, SignedIn, type Actor } from '../common/access';
import { refOf } from '../database/unit-of-work';
import { IfMatchHeader, WithEtag, type IfMatch } from '../common/etag';
import { ApiResult, IfMatchRequired, ProblemResponses } from '../common/openapi-decorators';
import { uuidParam } from '../common/validators';
import { CatalogueService } from './catalogue.service';
import {
  CreateOrganisationUnitDto,
  ListOrganisationUnitsQuery,
  OrganisationUnitDto,
  OrganisationUnitListDto,
  UpdateOrganisationUnitDto,
} from './dto/organisation-unit.dto';

/** All organisation units: municipal units (buyers) and MeentCoop teams (staff). */
@ApiTags('Catalogue')
@Controller('organisation-units')
export class OrganisationUnitsController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'List organisation units (municipal units and MeentCoop teams)' })
  @ApiResult(OrganisationUnitListDto)
  async list(@Query() query: ListOrganisationUnitsQuery): Promise<OrganisationUnitListDto> {
    const units = await this.catalogue.listUnits(query);
    return { items: units.map((u) => OrganisationUnitDto.of(u)) };
  }

  @Get(':id')
  @SignedIn()
  @WithEtag()
  @ApiOperation({ summary: 'One organisation unit' })
  @ProblemResponses(404)
  @ApiResult(OrganisationUnitDto)
  async get(@Param('id', uuidParam()) id: string): Promise<OrganisationUnitDto> {
    return OrganisationUnitDto.of(await this.catalogue.getUnit(id));
  }

  @Post()
  @Roles('admin')
  @WithEtag()
  @ApiOperation({ summary: 'Add an organisation unit' })
  @ProblemResponses(409)
  @ApiResult(OrganisationUnitDto, 201)
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateOrganisationUnitDto,
  ): Promise<OrganisationUnitDto> {
    return OrganisationUnitDto.of(await this.catalogue.createUnit(refOf(actor), body));
  }

  @Patch(':id')
  @Roles('admin')
  @WithEtag()
  @IfMatchRequired()
  @ApiOperation({ summary: 'Rename, deactivate or reactivate an organisation unit' })
  @ProblemResponses(404)
  @ApiResult(OrganisationUnitDto)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateOrganisationUnitDto,
    @IfMatchHeader() ifMatch: IfMatch | undefined,
  ): Promise<OrganisationUnitDto> {
    return OrganisationUnitDto.of(await this.catalogue.updateUnit(refOf(actor), id, body, ifMatch));
  }
}
