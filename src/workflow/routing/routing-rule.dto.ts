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
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PRIORITIES, type Priority } from '../../cases/case-transitions';
import { SingleLineText } from '../../common/text';
import { IsKebabCode, Optional } from '../../common/validators';
import { RULE_CONDITIONS } from './routing-rules';

// The routing rules' answers and bodies (GET/POST/PATCH /routing-rules).

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

// The dry run (POST /routing-rules/dry-run): which team would a case, or a draft of one, go to?

export class RoutingDryRunDto {
  @ApiPropertyOptional({
    description:
      'A case (its id or reference, BRUG-2026-000042) whose facts are tried; leave out to try a draft instead.',
    example: 'BRUG-2026-000042',
  })
  @Optional()
  @IsString()
  @MaxLength(60)
  caseId?: string;

  @ApiPropertyOptional({ description: 'The draft: its lead domain.', example: 'energy' })
  @Optional()
  @IsString()
  @IsKebabCode()
  leadDomain?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'The draft: the other domains it touches (the lead domain counts too).',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @IsKebabCode({ each: true })
  domains?: string[];

  @ApiPropertyOptional({ description: 'The draft: its estimated value in cents.' })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  estimatedValueCents?: number;

  @ApiPropertyOptional({ enum: PRIORITIES, description: 'The draft: its priority.' })
  @Optional()
  @IsIn(PRIORITIES)
  priority?: Priority;
}

export class RoutingFactsDto {
  @ApiProperty({ type: String, nullable: true })
  leadDomain!: string | null;

  @ApiProperty({ type: [String] })
  domains!: string[];

  @ApiProperty()
  estimatedValueCents!: number;

  @ApiProperty({ enum: PRIORITIES })
  priority!: string;
}

export class DryRunCaseRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'BRUG-2026-000042' })
  reference!: string;

  @ApiProperty()
  title!: string;
}

export class DryRunRuleDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  position!: number;

  @ApiProperty({ type: TeamRefDto })
  team!: TeamRefDto;

  @ApiProperty({ description: 'Whether every condition of the rule holds.' })
  matches!: boolean;

  @ApiProperty({
    type: [String],
    enum: RULE_CONDITIONS,
    description: 'The conditions that do not hold (empty when it matches).',
  })
  unmet!: string[];
}

export class RoutingDryRunResultDto {
  @ApiProperty({ type: DryRunCaseRefDto, nullable: true, description: 'The case tried, if any.' })
  case!: DryRunCaseRefDto | null;

  @ApiProperty({ type: RoutingFactsDto, description: 'What the rules looked at.' })
  facts!: RoutingFactsDto;

  @ApiProperty({
    type: DryRunRuleDto,
    nullable: true,
    description: 'The first matching rule (null: none matches, the intake team takes it).',
  })
  rule!: DryRunRuleDto | null;

  @ApiProperty({
    type: TeamRefDto,
    nullable: true,
    description: 'The team the case would go to now (null: no rule matches and no intake team).',
  })
  team!: TeamRefDto | null;

  @ApiProperty({
    type: [DryRunRuleDto],
    description:
      'The active rules in the order routing tries them, up to and including the first match.',
  })
  tried!: DryRunRuleDto[];
}
