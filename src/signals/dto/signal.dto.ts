import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { QueryBoolean, QueryInt } from '../../common/validators';
import {
  SIGNAL_DELIVERIES,
  SIGNAL_KINDS,
  type SignalDelivery,
  type SignalKind,
} from '../signal-kinds';

// The signals inbox's answers and bodies (issue 19, item 3; ADR 40).

export class SignalCaseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'BRUG-2026-000001' })
  reference!: string;

  @ApiProperty()
  title!: string;
}

export class SignalDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: SIGNAL_KINDS })
  kind!: SignalKind;

  @ApiProperty({ type: SignalCaseDto })
  case!: SignalCaseDto;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'Facts of the event, by kind: a deadline its `stage` and `dueAt`; a funding request its `domainCodes`; an assignment `to` (`team` or `you`).',
  })
  detail!: Record<string, unknown>;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt!: string | null;
}

export class SignalListDto {
  @ApiProperty({ type: [SignalDto], description: 'Newest first.' })
  items!: SignalDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page.' })
  nextCursor!: string | null;
}

export class ListSignalsQuery {
  @ApiPropertyOptional({ description: 'Only the unread signals.' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  cursor?: string;
}

export class UnreadCountDto {
  @ApiProperty({ description: 'Unread signals, counted up to `max`.', example: 3 })
  count!: number;

  @ApiProperty({ description: 'True when there are more than `max`: show "max+".' })
  capped!: boolean;

  @ApiProperty({ example: 999 })
  max!: number;
}

export class MarkedReadDto {
  @ApiProperty({ description: 'How many signals this marked read.' })
  marked!: number;
}

export class SignalPreferenceDto {
  @ApiProperty({ enum: SIGNAL_KINDS })
  @IsIn(SIGNAL_KINDS)
  kind!: SignalKind;

  @ApiProperty({
    enum: SIGNAL_DELIVERIES,
    description: 'In the inbox only, also by e-mail at once, or in the inbox and a daily digest.',
  })
  @IsIn(SIGNAL_DELIVERIES)
  delivery!: SignalDelivery;
}

export class SignalPreferencesDto {
  @ApiProperty({ type: [SignalPreferenceDto], description: 'Every kind, in the order of kinds.' })
  items!: SignalPreferenceDto[];
}

export class SetSignalPreferencesDto {
  @ApiProperty({
    type: [SignalPreferenceDto],
    description: 'The kinds to set (each at most once); kinds left out keep their choice.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SIGNAL_KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => SignalPreferenceDto)
  items!: SignalPreferenceDto[];
}
