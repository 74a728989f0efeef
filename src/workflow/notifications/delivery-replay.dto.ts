import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Max,
  Min,
} from 'class-validator';
import { Optional, QueryInt } from '../../common/validators';
import { DELIVERY_STATUSES, type DeliveryStatus } from './notification-delivery.entity';
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

/** The deliveries an administrator looks at before replaying them (newest first). */
export class ListDeliveriesQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, default: 'failed' })
  @Optional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'The deliveries to this webhook.' })
  @Optional()
  @IsUUID()
  webhookId?: string;

  @ApiPropertyOptional({ enum: [...WEBHOOK_EVENT_TYPES, ...ADMIN_EVENT_TYPES] })
  @Optional()
  @IsIn([...WEBHOOK_EVENT_TYPES, ...ADMIN_EVENT_TYPES])
  eventType?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @Optional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page.' })
  @Optional()
  @IsString()
  cursor?: string;
}

export class DeliveryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'The event (the CloudEvents id).' })
  eventId!: string;

  @ApiProperty({ example: 'case.transitioned' })
  eventType!: string;

  @ApiProperty({ enum: ['email', 'webhook'] })
  channel!: 'email' | 'webhook';

  @ApiProperty({ description: 'The webhook id, or the email address.' })
  recipient!: string;

  @ApiProperty({ enum: DELIVERY_STATUSES })
  status!: DeliveryStatus;

  @ApiProperty()
  attempts!: number;

  @ApiProperty({ type: String, nullable: true, example: 'webhook answered 503' })
  lastError!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firstAttemptAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextAttemptAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt!: string | null;

  @ApiProperty()
  replays!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class DeliveryListDto {
  @ApiProperty({ type: [DeliveryDto] })
  items!: DeliveryDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}
