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
  Min,
  ValidateIf,
} from 'class-validator';
import { PRIORITIES, type Priority } from '../../cases/case-transitions';
import { SingleLineText } from '../../common/text';
import { IsKebabCode, Optional } from '../../common/validators';

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
