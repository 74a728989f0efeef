import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';
import { MultiLineText, SingleLineText } from '../../common/text';
import { PROCUREMENT_KINDS, type ProcurementKind } from '../entities/eu-threshold.entity';
import { EachIsObject, IsCalendarDate, IsKebabCode, Optional } from '../../common/validators';
import {
  DOMAIN_ROLES,
  PRIORITIES,
  PROCUREMENT_STAGES,
  type DomainRole,
  type Priority,
  type ProcurementStage,
} from '../case-transitions';

export const MAX_ESTIMATED_VALUE_CENTS = 10_000_000_000_000;

/**
 * A pledge known at filing (funding, issue 6); the ledger records it as a `pledge` entry. Its
 * bound is the funding ledger's largest entry, which is the largest estimated value.
 */
export class InitialFundingInput {
  @ApiProperty({ example: 'energy', description: 'One of the case’s domains.' })
  @IsDefined()
  @IsString()
  @IsKebabCode()
  domainCode!: string;

  @ApiProperty({ minimum: 1, maximum: MAX_ESTIMATED_VALUE_CENTS, example: 45000000 })
  @IsInt()
  @Min(1)
  @Max(MAX_ESTIMATED_VALUE_CENTS)
  amountCents!: number;

  @ApiPropertyOptional({ maxLength: 100, example: 'KP-ENERGIE-7710', description: 'Kostenplaats.' })
  @SingleLineText({ max: 100, optional: true })
  budgetLine?: string;
}

export class CaseDomainInput {
  @ApiProperty({ example: 'energy' })
  @IsDefined()
  @IsString()
  @IsKebabCode()
  code!: string;

  @ApiProperty({ enum: DOMAIN_ROLES })
  @IsDefined()
  @IsIn(DOMAIN_ROLES)
  role!: DomainRole;
}

/** Exactly one domain of the list has the role `lead`. */
function HasExactlyOneLead(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'hasExactlyOneLead',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'must have exactly one domain with role "lead"', ...options },
      validator: {
        validate: (value: unknown) =>
          !Array.isArray(value) ||
          value.filter((d) => (d as { role?: unknown } | null)?.role === 'lead').length === 1,
      },
    });
}

const DomainList = (): PropertyDecorator => (target, key) => {
  const decorators: PropertyDecorator[] = [
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(12),
    EachIsObject('an object with code and role'),
    ArrayUnique((d: CaseDomainInput | null) => d?.code, {
      message: 'must not name a domain twice',
    }),
    HasExactlyOneLead(),
    ValidateNested({ each: true }),
    Type(() => CaseDomainInput),
  ];
  for (const decorator of decorators) decorator(target, key);
};

/** Fields a buyer may set when filing and (while the case is filed or routed) editing. */
class CaseContentFields {
  @ApiProperty({ minLength: 5, maxLength: 200, example: 'Aanbesteding energiebespaarservice 2027' })
  @SingleLineText({ min: 5, max: 200 })
  title!: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @MultiLineText({ min: 0, max: 10000, optional: true })
  description?: string;

  @ApiPropertyOptional({ type: String, maxLength: 100, example: 'TN-2026-0815', nullable: true })
  @SingleLineText({ min: 0, max: 100, optional: 'nullable' })
  tenderReference?: string | null;

  @ApiPropertyOptional({ enum: PROCUREMENT_STAGES, default: 'planning' })
  @Optional()
  @IsIn(PROCUREMENT_STAGES)
  procurementStage?: ProcurementStage;

  @ApiPropertyOptional({
    enum: PROCUREMENT_KINDS,
    nullable: true,
    description: 'What is bought, for the EU threshold in force on the filing day.',
  })
  @Optional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(PROCUREMENT_KINDS)
  procurementKind?: ProcurementKind | null;

  @ApiProperty({ minimum: 0, maximum: MAX_ESTIMATED_VALUE_CENTS, example: 120000000 })
  @IsInt()
  @Min(0)
  @Max(MAX_ESTIMATED_VALUE_CENTS)
  estimatedValueCents!: number;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2027-03-01', nullable: true })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsCalendarDate()
  deadline?: string | null;

  @ApiProperty({ type: [CaseDomainInput] })
  @DomainList()
  domains!: CaseDomainInput[];
}

export class FileCaseDto extends CaseContentFields {
  @ApiPropertyOptional({ enum: PRIORITIES, default: 'normal' })
  @Optional()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The municipal unit the case is filed for: a buyer’s own (may be left out); required when an admin files.',
  })
  @Optional()
  @IsUUID()
  organisationUnitId?: string;

  /** Funding (issue 6): pledges known at filing; each becomes a `pledge` entry. */
  @ApiPropertyOptional({
    type: [InitialFundingInput],
    description: 'Funding known today; every domain is one of the case’s domains.',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @EachIsObject('an object with domainCode and amountCents')
  @ValidateNested({ each: true })
  @Type(() => InitialFundingInput)
  initialFunding?: InitialFundingInput[];
}

/**
 * A partial change. Who may change which field in which status is one rule (`case-editing.ts`):
 * buyers the content while the case is `filed` or `routed`; staff the value and the deadline
 * while it is open, and `assignee` and `priority`; admins all of it.
 */
export class UpdateCaseDto {
  @ApiPropertyOptional({ minLength: 5, maxLength: 200 })
  @SingleLineText({ min: 5, max: 200, optional: true })
  title?: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @MultiLineText({ min: 0, max: 10000, optional: true })
  description?: string;

  @ApiPropertyOptional({ type: String, maxLength: 100, nullable: true })
  @SingleLineText({ min: 0, max: 100, optional: 'nullable' })
  tenderReference?: string | null;

  @ApiPropertyOptional({ enum: PROCUREMENT_STAGES })
  @Optional()
  @IsIn(PROCUREMENT_STAGES)
  procurementStage?: ProcurementStage;

  @ApiPropertyOptional({ enum: PROCUREMENT_KINDS, nullable: true })
  @Optional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(PROCUREMENT_KINDS)
  procurementKind?: ProcurementKind | null;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_ESTIMATED_VALUE_CENTS })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(MAX_ESTIMATED_VALUE_CENTS)
  estimatedValueCents?: number;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsCalendarDate()
  deadline?: string | null;

  @ApiPropertyOptional({ type: [CaseDomainInput] })
  @Optional()
  @DomainList()
  domains?: CaseDomainInput[];

  @ApiPropertyOptional({ enum: PRIORITIES })
  @Optional()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A MeentCoop staff member; null to unassign.',
  })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsUUID()
  assigneeId?: string | null;

  @ApiPropertyOptional({
    description:
      'Staff assigning a case of another team to themselves: true moves the case’s team and the MeentCoop half of its koppel to them; without it the answer is 409 koppel_team_mismatch.',
  })
  @Optional()
  @IsBoolean()
  moveKoppel?: boolean;
}
