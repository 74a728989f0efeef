import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, SignedIn, type Actor } from '../common/access';
import { refOf } from '../database/unit-of-work';
import { IfMatchHeader, WithEtag, type IfMatch } from '../common/etag';
import { ApiResult, IfMatchRequired, ProblemResponses } from '../common/openapi-decorators';
import { uuidParam } from '../common/validators';
import { CatalogueService } from './catalogue.service';
import {
  CreateTeamDto,
  ListTeamsQuery,
  OrganisationUnitDto,
  OrganisationUnitListDto,
  UpdateOrganisationUnitDto,
} from './dto/organisation-unit.dto';

/** MeentCoop teams: the organisation units of kind `meentcoop_team`. */
@ApiTags('Catalogue')
@Controller('teams')
export class TeamsController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'List the MeentCoop teams' })
  @ApiResult(OrganisationUnitListDto)
  async list(@Query() query: ListTeamsQuery): Promise<OrganisationUnitListDto> {
    const units = await this.catalogue.listUnits({ ...query, kind: 'meentcoop_team' });
    return { items: units.map((u) => OrganisationUnitDto.of(u)) };
  }

  @Get(':id')
  @SignedIn()
  @WithEtag()
  @ApiOperation({ summary: 'One MeentCoop team' })
  @ProblemResponses(404)
  @ApiResult(OrganisationUnitDto)
  async get(@Param('id', uuidParam()) id: string): Promise<OrganisationUnitDto> {
    return OrganisationUnitDto.of(await this.catalogue.getUnit(id, 'meentcoop_team'));
  }

  @Post()
  @Roles('admin')
  @WithEtag()
  @ApiOperation({ summary: 'Add a MeentCoop team' })
  @ProblemResponses(409)
  @ApiResult(OrganisationUnitDto, 201)
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateTeamDto,
  ): Promise<OrganisationUnitDto> {
    return OrganisationUnitDto.of(
      await this.catalogue.createUnit(refOf(actor), { ...body, kind: 'meentcoop_team' }),
    );
  }

  @Patch(':id')
  @Roles('admin')
  @WithEtag()
  @IfMatchRequired()
  @ApiOperation({ summary: 'Rename, deactivate or reactivate a MeentCoop team' })
  @ProblemResponses(404)
  @ApiResult(OrganisationUnitDto)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateOrganisationUnitDto,
    @IfMatchHeader() ifMatch: IfMatch | undefined,
  ): Promise<OrganisationUnitDto> {
    return OrganisationUnitDto.of(
      await this.catalogue.updateUnit(refOf(actor), id, body, ifMatch, 'meentcoop_team'),
    );
  }
}
