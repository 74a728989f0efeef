import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { QueryInt } from '../../common/validators';

export class AuditEventDto {
  @ApiProperty({ example: 42 })
  seq!: number;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null for Brug itself.',
  })
  actorId!: string | null;

  @ApiProperty({ example: 'staff' })
  actorRole!: string;

  @ApiProperty({ description: 'The actor’s display name at the time.' })
  actorName!: string;

  @ApiProperty({ example: 'case.transitioned' })
  action!: string;

  @ApiProperty({ example: 'case' })
  subjectType!: string;

  @ApiProperty()
  subjectId!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  caseId!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'What changed: old and new values, or from, to and reason.',
  })
  data!: Record<string, unknown>;

  @ApiProperty({ example: '0'.repeat(64) })
  prevHash!: string;

  @ApiProperty({
    description: 'SHA-256 over prevHash and the RFC 8785 canonical JSON of the other fields.',
  })
  hash!: string;
}

export class AuditEventListDto {
  @ApiProperty({ type: [AuditEventDto] })
  items!: AuditEventDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

export class CaseAuditQuery {
  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

export class ListAuditEventsQuery extends CaseAuditQuery {
  @ApiPropertyOptional({ example: 'case' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  subjectType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(128)
  subjectId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ example: 'case.transitioned' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Events at or after (a date or a timestamp).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Events before (a date or a timestamp).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export const HEAD_PATTERN = /^\d{1,15}:[0-9a-fA-F]{64}$/;

export class VerifyQuery {
  @ApiPropertyOptional({
    description:
      'A head written down earlier, `<seq>:<hash>`: the chain must still pass through it.',
    example: `1234:${'ab'.repeat(32)}`,
  })
  @IsOptional()
  @Matches(HEAD_PATTERN, { message: 'must be <seq>:<64 hex digits>' })
  expectHead?: string;
}

export class ExportQuery {
  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  fromSeq?: number;

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  toSeq?: number;
}

export class VerifyResultDto {
  @ApiProperty()
  valid!: boolean;

  @ApiPropertyOptional({ description: 'Events checked.' })
  events?: number;

  @ApiPropertyOptional({ type: Number, nullable: true })
  headSeq?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  headHash?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'The first event that does not match.',
  })
  firstInvalidSeq?: number | null;

  @ApiPropertyOptional({
    example: 'hash mismatch',
    description: 'Why the chain fails, in English.',
  })
  reason?: string;

  @ApiPropertyOptional({
    enum: ['gap', 'out_of_order', 'broken_link', 'hash_mismatch', 'missed_head', 'malformed'],
    description: 'The reason as a stable code, to word it in another language.',
  })
  reasonCode?: string;
}

export class HeadDto {
  @ApiProperty({ type: Number, nullable: true, description: 'null while the trail is empty.' })
  seq!: number | null;

  @ApiProperty({ type: String, nullable: true })
  hash!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  occurredAt!: string | null;
}
