import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PRIORITIES, type Priority } from '../../cases/case-transitions';
import { SingleLineText } from '../../common/text';
import { IsKebabCode, Optional } from '../../common/validators';
import { WEBHOOK_EVENT_TYPES } from '../../events/events';

const MAX_CENTS = 10_000_000_000_000;

export class TeamRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;
}

export class RoutingRuleDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'Lower positions are tried first.' })
  position!: number;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: [String], description: 'The lead domain is one of these (empty: any).' })
  leadDomains!: string[];

  @ApiProperty({ type: [String], description: 'The case touches one of these (empty: any).' })
  anyDomains!: string[];

  @ApiProperty({ type: Number, nullable: true })
  minValueCents!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  maxValueCents!: number | null;

  @ApiProperty({ type: [String], enum: PRIORITIES, description: 'Empty: any priority.' })
  priorities!: string[];

  @ApiProperty({ type: TeamRefDto })
  team!: TeamRefDto;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ example: 1, description: 'Counted up by every change; send it back in If-Match.' })
  version!: number;
}

export class RoutingRuleListDto {
  @ApiProperty({ type: [RoutingRuleDto] })
  items!: RoutingRuleDto[];
}

class RuleConditions {
  @ApiPropertyOptional({ type: [String], example: ['energy'] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @IsKebabCode({ each: true })
  leadDomains?: string[];

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @IsKebabCode({ each: true })
  anyDomains?: string[];

  @ApiPropertyOptional({ type: Number, nullable: true })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  minValueCents?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  maxValueCents?: number | null;

  @ApiPropertyOptional({ type: [String], enum: PRIORITIES })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @IsIn(PRIORITIES, { each: true })
  priorities?: Priority[];
}

export class CreateRoutingRuleDto extends RuleConditions {
  @ApiProperty({ example: 15 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  position!: number;

  @ApiProperty({ example: 'Grote energieaanbestedingen' })
  @SingleLineText({ max: 200 })
  name!: string;

  @ApiProperty({ format: 'uuid', description: 'A MeentCoop team.' })
  @IsUUID()
  teamId!: string;
}

export class UpdateRoutingRuleDto extends RuleConditions {
  @ApiPropertyOptional()
  @Optional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  position?: number;

  @ApiPropertyOptional()
  @SingleLineText({ max: 200, optional: true })
  name?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({ description: 'false switches the rule off; rules are never deleted.' })
  @Optional()
  @IsBoolean()
  active?: boolean;
}

export class SlaPolicyDto {
  @ApiProperty({ enum: PRIORITIES })
  priority!: string;

  @ApiProperty({ example: 2 })
  acceptWorkingDays!: number;

  @ApiProperty({ example: 15 })
  proposeWorkingDays!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'When set, wins over the working days.',
  })
  acceptSeconds!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'When set, wins over the working days.',
  })
  proposeSeconds!: number | null;

  @ApiProperty({ example: 14400 })
  warnBeforeSeconds!: number;

  @ApiProperty({ example: 1, description: 'Counted up by every change; send it back in If-Match.' })
  version!: number;
}

export class SlaPolicyListDto {
  @ApiProperty({ type: [SlaPolicyDto] })
  items!: SlaPolicyDto[];
}

class SlaDurations {
  @ApiPropertyOptional()
  @Optional()
  @IsInt()
  @Min(0)
  @Max(365)
  acceptWorkingDays?: number;

  @ApiPropertyOptional()
  @Optional()
  @IsInt()
  @Min(0)
  @Max(365)
  proposeWorkingDays?: number;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(31_536_000)
  acceptSeconds?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(31_536_000)
  proposeSeconds?: number | null;

  @ApiPropertyOptional()
  @Optional()
  @IsInt()
  @Min(0)
  @Max(31_536_000)
  warnBeforeSeconds?: number;
}

export class CreateSlaPolicyDto extends SlaDurations {
  @ApiProperty({ enum: PRIORITIES })
  @IsIn(PRIORITIES)
  priority!: Priority;
}

export class UpdateSlaPolicyDto extends SlaDurations {}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'https://collectief.example/brug-events' })
  url!: string;

  @ApiProperty({ type: [String], enum: WEBHOOK_EVENT_TYPES })
  eventTypes!: string[];

  @ApiProperty()
  description!: string;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ example: 1, description: 'Counted up by every change; send it back in If-Match.' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class CreatedWebhookDto extends WebhookDto {
  @ApiProperty({ description: 'Shown once: keep it to check the Brug-Signature header.' })
  secret!: string;
}

export class WebhookListDto {
  @ApiProperty({ type: [WebhookDto] })
  items!: WebhookDto[];
}

class WebhookFields {
  @ApiPropertyOptional()
  @SingleLineText({ min: 0, max: 500, optional: true })
  description?: string;
}

export class CreateWebhookDto extends WebhookFields {
  @ApiProperty({ example: 'https://collectief.example/brug-events' })
  @IsString()
  @MaxLength(2000)
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  url!: string;

  @ApiProperty({ type: [String], enum: WEBHOOK_EVENT_TYPES })
  @IsArray()
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes!: string[];

  @ApiPropertyOptional({ minLength: 16, description: 'Generated when left out.' })
  @Optional()
  @IsString()
  @Length(16, 200)
  secret?: string;
}

export class UpdateWebhookDto extends WebhookFields {
  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(2000)
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  url?: string;

  @ApiPropertyOptional({ type: [String], enum: WEBHOOK_EVENT_TYPES })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes?: string[];

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  active?: boolean;
}

export class FailedJobDto {
  @ApiProperty({ description: 'Opaque; use it to retry.' })
  id!: string;

  @ApiProperty({ example: 'notifications' })
  queue!: string;

  @ApiProperty({ example: 'deliver-webhook' })
  name!: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  data!: Record<string, unknown>;

  @ApiProperty()
  failedReason!: string;

  @ApiProperty()
  attemptsMade!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  failedAt!: string | null;
}

export class FailedJobListDto {
  @ApiProperty({ type: [FailedJobDto] })
  items!: FailedJobDto[];
}
