import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, SignedIn } from '../auth/decorators';
import type { Actor } from '../auth/roles';
import { ApiResult } from '../common/openapi-decorators';
import { AddEuThresholdDto, EuThresholdDto, EuThresholdListDto } from './dto/eu-threshold.dto';
import { EuThresholds } from './eu-thresholds';

/** The European procurement thresholds per kind and period (issue 18, item 6; ADR 36). */
@ApiTags('Cases')
@Controller('eu-thresholds')
export class EuThresholdsController {
  constructor(private readonly thresholds: EuThresholds) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'The European thresholds for decentralised authorities, per period' })
  @ApiResult(EuThresholdListDto)
  list(): Promise<EuThresholdListDto> {
    return this.thresholds.list();
  }

  @Post()
  @Roles('admin')
  @ApiOperation({
    summary: 'Add a period’s threshold for a kind of contract (not overlapping another)',
  })
  @ApiResult(EuThresholdDto, 201)
  add(@CurrentActor() actor: Actor, @Body() body: AddEuThresholdDto): Promise<EuThresholdDto> {
    return this.thresholds.add(actor, body);
  }
}
