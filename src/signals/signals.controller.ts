import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/decorators';
import type { Actor } from '../auth/roles';
import { ApiResult, ProblemResponses } from '../common/openapi-decorators';
import { uuidParam } from '../common/validators';
import {
  ListSignalsQuery,
  MarkedReadDto,
  SetSignalPreferencesDto,
  SignalDto,
  SignalListDto,
  SignalPreferencesDto,
  UnreadCountDto,
} from './dto/signal.dto';
import { SIGNAL_RECEIVERS } from './signal-kinds';
import { SignalsService } from './signals.service';

/**
 * The signals inbox (issue 19, item 3; ADR 40): what needs the signed-in person. Only those who
 * receive signals (buyers, staff, budget holders) have an inbox; each sees only their own.
 */
@ApiTags('Signals')
@Controller('signals')
@Roles(...SIGNAL_RECEIVERS)
export class SignalsController {
  constructor(private readonly signals: SignalsService) {}

  @Get()
  @Roles(...SIGNAL_RECEIVERS)
  @ApiOperation({ summary: 'Your signals, newest first (all, or the unread ones)' })
  @ApiResult(SignalListDto)
  @ProblemResponses(400)
  list(@CurrentActor() actor: Actor, @Query() query: ListSignalsQuery): Promise<SignalListDto> {
    return this.signals.list(actor, query);
  }

  @Get('unread-count')
  @Roles(...SIGNAL_RECEIVERS)
  @ApiOperation({ summary: 'How many of your signals are unread (for the header)' })
  @ApiResult(UnreadCountDto)
  unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCountDto> {
    return this.signals.unreadCount(actor);
  }

  @Post('read-all')
  @Roles(...SIGNAL_RECEIVERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all your signals read' })
  @ApiResult(MarkedReadDto)
  @ProblemResponses(400)
  markAllRead(@CurrentActor() actor: Actor): Promise<MarkedReadDto> {
    return this.signals.markAllRead(actor);
  }

  @Post(':id/read')
  @Roles(...SIGNAL_RECEIVERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of your signals read' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiResult(SignalDto)
  @ProblemResponses(400, 404)
  markRead(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<SignalDto> {
    return this.signals.markRead(actor, id);
  }

  @Get('preferences')
  @Roles(...SIGNAL_RECEIVERS)
  @ApiOperation({ summary: 'How you hear of each kind of signal' })
  @ApiResult(SignalPreferencesDto)
  preferences(@CurrentActor() actor: Actor): Promise<SignalPreferencesDto> {
    return this.signals.preferences(actor);
  }

  @Put('preferences')
  @Roles(...SIGNAL_RECEIVERS)
  @ApiOperation({
    summary: 'Choose per kind: in the inbox only, also by e-mail, or in a daily digest',
  })
  @ApiResult(SignalPreferencesDto)
  @ProblemResponses(400)
  setPreferences(
    @CurrentActor() actor: Actor,
    @Body() body: SetSignalPreferencesDto,
  ): Promise<SignalPreferencesDto> {
    return this.signals.setPreferences(actor, body);
  }
}
