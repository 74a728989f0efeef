import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { FieldError } from '../../common/errors';
import { MultiLineText, SingleLineText } from '../../common/text';
import {
  CASE_STATUSES,
  SUPPLIER_TYPES,
  TRANSITIONS,
  type CaseStatus,
  type Requirement,
  type SupplierType,
} from '../case-transitions';
import { MAX_ESTIMATED_VALUE_CENTS } from './case-input.dto';

/** Target states that need each kind of explanation, read from the state machine itself. */
const needing = (requirement: Requirement): CaseStatus[] => [
  ...new Set(TRANSITIONS.filter((t) => t.requires === requirement).map((t) => t.to)),
];
const NEEDS_REASON = needing('reason');
const NEEDS_PROPOSAL = needing('proposal');
const NEEDS_OUTCOME = needing('outcome');

export class OutcomeInput {
  @ApiProperty({
    example: 'Gegund aan Energiecoöperatie Zuiderlicht in samenwerking met buurtzorg',
  })
  @MultiLineText({ max: 2000, trim: true })
  summary!: string;

  @ApiProperty({ example: 'Energiecoöperatie Zuiderlicht' })
  @SingleLineText({ max: 200 })
  supplierName!: string;

  @ApiProperty({ enum: SUPPLIER_TYPES })
  @IsIn(SUPPLIER_TYPES)
  supplierType!: SupplierType;

  @ApiProperty({ minimum: 0, maximum: MAX_ESTIMATED_VALUE_CENTS })
  @IsInt()
  @Min(0)
  @Max(MAX_ESTIMATED_VALUE_CENTS)
  awardedValueCents!: number;
}

export class TransitionDto {
  @ApiProperty({ enum: CASE_STATUSES, description: 'The status to move to.' })
  @IsIn(CASE_STATUSES)
  to!: CaseStatus;

  @ApiPropertyOptional({
    description: `Required for ${NEEDS_REASON.join(' and ')}; allowed with any transition.`,
    maxLength: 2000,
  })
  @ValidateIf((o: TransitionDto) => NEEDS_REASON.includes(o.to) || o.reason !== undefined)
  @IsDefined({ message: `is required when moving to ${NEEDS_REASON.join(' or ')}` })
  @MultiLineText({ max: 2000, trim: true })
  reason?: string;

  @ApiPropertyOptional({ description: 'Required for (and only with) proposed.', maxLength: 10000 })
  @ValidateIf((o: TransitionDto) => NEEDS_PROPOSAL.includes(o.to) || o.proposal !== undefined)
  @IsDefined({ message: 'is required when moving to proposed' })
  @MultiLineText({ max: 10000, trim: true })
  proposal?: string;

  @ApiPropertyOptional({
    type: OutcomeInput,
    description: 'Required for (and only with) resolved.',
  })
  @ValidateIf((o: TransitionDto) => NEEDS_OUTCOME.includes(o.to) || o.outcome !== undefined)
  @IsDefined({ message: 'is required when moving to resolved' })
  @IsObject()
  @ValidateNested()
  @Type(() => OutcomeInput)
  outcome?: OutcomeInput;

  @ApiPropertyOptional({
    description:
      'Only with accepted: staff taking on a case of another team say true to move the case’s team and the MeentCoop half of its koppel to them; without it the answer is 409 koppel_team_mismatch.',
  })
  @ValidateIf((o: TransitionDto) => o.moveKoppel !== undefined)
  @IsBoolean()
  moveKoppel?: boolean;
}

/** Fields that belong to one target only; sent with another target they are an error. */
export function misplacedFields(body: TransitionDto): FieldError[] {
  const out: FieldError[] = [];
  if (body.proposal !== undefined && !NEEDS_PROPOSAL.includes(body.to)) {
    out.push({
      field: 'proposal',
      code: 'not_allowed',
      message: 'is only allowed when moving to proposed',
      params: { to: 'proposed' },
    });
  }
  if (body.outcome !== undefined && !NEEDS_OUTCOME.includes(body.to)) {
    out.push({
      field: 'outcome',
      code: 'not_allowed',
      message: 'is only allowed when moving to resolved',
      params: { to: 'resolved' },
    });
  }
  if (body.moveKoppel !== undefined && body.to !== 'accepted') {
    out.push({
      field: 'moveKoppel',
      code: 'not_allowed',
      message: 'is only allowed when moving to accepted',
      params: { to: 'accepted' },
    });
  }
  return out;
}
