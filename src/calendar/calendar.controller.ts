import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, SignedIn } from '../auth/decorators';
import type { Actor } from '../auth/roles';
import { ValidationFailed } from '../common/errors';
import { ApiResult, ProblemResponses } from '../common/openapi-decorators';
import { isCalendarDate } from '../common/validators';
import { refOf } from '../database/unit-of-work';
import { CalendarService } from './calendar.service';
import {
  CreateDesignatedDayDto,
  DaysOffDto,
  DaysOffQuery,
  DesignatedDayDto,
  DesignatedDayListDto,
} from './dto/calendar.dto';

/** The working-day calendar deadlines are counted in (ADR 25). */
@ApiTags('Calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('days-off')
  @SignedIn()
  @ApiOperation({
    summary:
      'The days off of a year besides ordinary weekends: holidays of the Algemene termijnenwet and designated days, each with its rule',
  })
  @ApiResult(DaysOffDto)
  daysOff(@Query() query: DaysOffQuery): Promise<DaysOffDto> {
    return this.calendar.daysOff(query.year);
  }

  @Get('designated-days')
  @Roles('admin', 'staff', 'auditor')
  @ApiOperation({ summary: 'The days designated equal to a public holiday (Atw art. 3(3))' })
  @ApiResult(DesignatedDayListDto)
  async list(): Promise<DesignatedDayListDto> {
    return { items: await this.calendar.list() };
  }

  @Post('designated-days')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a designated day: no deadline falls on it from now on' })
  @ApiResult(DesignatedDayDto, 201)
  @ProblemResponses(409)
  add(
    @CurrentActor() actor: Actor,
    @Body() body: CreateDesignatedDayDto,
  ): Promise<DesignatedDayDto> {
    return this.calendar.add(refOf(actor), body);
  }

  @Delete('designated-days/:date')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a designated day (audited with what it was)' })
  @ApiResult(undefined, 204)
  @ProblemResponses(404)
  async remove(@CurrentActor() actor: Actor, @Param('date') date: string): Promise<void> {
    if (!isCalendarDate(date)) {
      throw new ValidationFailed([
        {
          field: 'date',
          code: 'invalid_date',
          message: 'must be a date written YYYY-MM-DD',
          params: { format: 'YYYY-MM-DD' },
        },
      ]);
    }
    await this.calendar.remove(refOf(actor), date);
  }
}
