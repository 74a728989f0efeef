import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsISO8601, IsUUID } from 'class-validator';
import { Optional } from '../../common/validators';
import { WEBHOOK_EVENT_TYPES, ADMIN_EVENT_TYPES } from '../../events/events';

/** The most deliveries one replay call sends again; `more` says when others matched. */
export const REPLAY_LIMIT = 5000;

/**
 * Which deliveries to send again (issue 20, ADR 41): given ones, or all that match every filter
 * given. Only deliveries that gave up (`failed`) or were not sent (`skipped`, e.g. while their
 * webhook was switched off) are replayed; a sent one never is.
 */
export class ReplayDeliveriesDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: REPLAY_LIMIT })
  @Optional()
  @IsArray()
  @ArrayMaxSize(REPLAY_LIMIT)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  deliveryIds?: string[];

  @ApiPropertyOptional({ enum: ['failed', 'skipped'], default: 'failed' })
  @Optional()
  @IsIn(['failed', 'skipped'])
  status?: 'failed' | 'skipped';

  @ApiPropertyOptional({ format: 'uuid', description: 'The deliveries to this webhook.' })
  @Optional()
  @IsUUID()
  webhookId?: string;

  @ApiPropertyOptional({ enum: ['email', 'webhook'] })
  @Optional()
  @IsIn(['email', 'webhook'])
  channel?: 'email' | 'webhook';

  @ApiPropertyOptional({ enum: [...WEBHOOK_EVENT_TYPES, ...ADMIN_EVENT_TYPES] })
  @Optional()
  @IsIn([...WEBHOOK_EVENT_TYPES, ...ADMIN_EVENT_TYPES])
  eventType?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Deliveries recorded at or after.' })
  @Optional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Deliveries recorded before.' })
  @Optional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class ReplayResultDto {
  @ApiProperty({ description: 'Deliveries queued again (each with a fresh retry window).' })
  replayed!: number;

  @ApiProperty({ description: `More matched than one call replays (${REPLAY_LIMIT}): call again.` })
  more!: boolean;
}
