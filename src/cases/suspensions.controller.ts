import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, SignedIn } from '../auth/decorators';
import type { Actor } from '../auth/roles';
import { etagOf, IfMatchHeader, type IfMatch } from '../common/etag';
import { ApiResult, IfMatchRequired, ProblemResponses } from '../common/openapi-decorators';
import { rolesFor } from './case-transitions';
import { CaseDto } from './dto/case.dto';
import { DeadlineListDto, ExtendDeadlineDto, SuspendCaseDto } from './dto/suspension.dto';
import { SuspensionsService } from './suspensions.service';
import { type HttpResponse, setHeader } from '../common/http-exchange';

const CaseIdParam = () =>
  ApiParam({ name: 'id', description: 'The case id (UUID) or its reference (BRUG-2026-000042).' });

/** The SLA clock of a case: suspending it, restarting it, extending a stage (ADR 26). */
@ApiTags('Cases')
@Controller('cases')
export class SuspensionsController {
  constructor(private readonly suspensions: SuspensionsService) {}

  @Post(':id/suspensions')
  @HttpCode(200)
  @Roles(...rolesFor('suspend'))
  @CaseIdParam()
  @IfMatchRequired()
  @ApiOperation({
    summary:
      'Suspend the SLA clock (every open stage) while the case waits; the buyer is told why. A second suspension while one lasts is 409',
  })
  @ApiResult(CaseDto)
  @ProblemResponses(404, 409)
  async suspend(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: SuspendCaseDto,
    @IfMatchHeader() ifMatch: IfMatch | undefined,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<CaseDto> {
    const updated = await this.suspensions.suspend(actor, id, body, ifMatch);
    setHeader(response, 'ETag', etagOf(updated.version));
    return updated;
  }

  @Post(':id/suspensions/current/end')
  @HttpCode(200)
  @Roles(...rolesFor('resume'))
  @CaseIdParam()
  @IfMatchRequired()
  @ApiOperation({
    summary:
      'Restart the SLA clock: every open stage’s due time moves by the working time suspended (see GET deadlines)',
  })
  @ApiResult(CaseDto)
  @ProblemResponses(404, 409)
  async end(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @IfMatchHeader() ifMatch: IfMatch | undefined,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<CaseDto> {
    const updated = await this.suspensions.end(actor, id, ifMatch);
    setHeader(response, 'ETag', etagOf(updated.version));
    return updated;
  }

  @Post(':id/extensions')
  @HttpCode(200)
  @Roles(...rolesFor('extend'))
  @CaseIdParam()
  @IfMatchRequired()
  @ApiOperation({
    summary:
      'Extend one open stage’s due time (staff: once per stage, by at most its own length; more needs an admin)',
  })
  @ApiResult(CaseDto)
  @ProblemResponses(404, 409)
  async extend(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: ExtendDeadlineDto,
    @IfMatchHeader() ifMatch: IfMatch | undefined,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<CaseDto> {
    const updated = await this.suspensions.extend(actor, id, body, ifMatch);
    setHeader(response, 'ETag', etagOf(updated.version));
    return updated;
  }

  @Get(':id/deadlines')
  @SignedIn()
  @CaseIdParam()
  @ApiOperation({
    summary:
      'Why the due times are what they are: every stop, move (suspension, extension, calendar) and breach, oldest first',
  })
  @ApiResult(DeadlineListDto)
  @ProblemResponses(404)
  deadlines(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<DeadlineListDto> {
    return this.suspensions.deadlines(actor, id);
  }
}
