import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsString,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { DOMAIN_ROLES, type DomainRole } from '../../cases/case-transitions';
import { MultiLineText } from '../../common/text';
import { EachIsObject, IsKebabCode } from '../../common/validators';
import { SHARE_ANSWERS, WHOLE_SHARE_BP, type ShareAnswer } from '../entities/benefit-share.entity';

export class BenefitShareInput {
  @ApiProperty({ example: 'energy-poverty', description: 'A domain the case touches.' })
  @IsDefined()
  @IsString()
  @IsKebabCode()
  domainCode!: string;

  @ApiProperty({
    minimum: 0,
    maximum: WHOLE_SHARE_BP,
    example: 3000,
    description: 'Basis points: 1 = 0.01 %, 10,000 = 100 %. A whole number.',
  })
  @IsInt()
  @Min(0)
  @Max(WHOLE_SHARE_BP)
  basisPoints!: number;
}

/** `PUT /cases/{id}/benefit-shares`. */
export class SetBenefitSharesDto {
  @ApiProperty({
    type: [BenefitShareInput],
    description:
      'One share per domain the case touches, adding up to 10,000 basis points (100 %). A ' +
      'touched domain left out has 0.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @EachIsObject('an object with domainCode and basisPoints')
  @ValidateNested({ each: true })
  @Type(() => BenefitShareInput)
  shares!: BenefitShareInput[];

  @ApiProperty({
    maxLength: 2000,
    example: 'De dienst helpt vooral huishoudens in energiearmoede.',
  })
  @MultiLineText({ min: 1, max: 2000, trim: true })
  reasoning!: string;
}

/** `PUT /cases/{id}/benefit-shares/{domainCode}/answer`. */
export class AnswerBenefitShareDto {
  @ApiProperty({ enum: SHARE_ANSWERS })
  @IsDefined()
  @IsIn(SHARE_ANSWERS)
  answer!: ShareAnswer;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Required when disputed.' })
  @ValidateIf((o: AnswerBenefitShareDto) => o.answer === 'disputed' || o.reason !== undefined)
  @MultiLineText({ min: 1, max: 2000, trim: true })
  reason?: string;
}

export class ShareAnswerDto {
  @ApiProperty({ enum: SHARE_ANSWERS })
  answer!: ShareAnswer;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  byId!: string | null;

  @ApiProperty()
  byName!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}

export class BenefitShareDto {
  @ApiProperty({ example: 'energy' })
  domainCode!: string;

  @ApiProperty({
    enum: DOMAIN_ROLES,
    nullable: true,
    description: 'null for a domain no longer on the case since the shares were set.',
  })
  role!: DomainRole | null;

  @ApiProperty({ example: 4000, description: 'Basis points (10,000 = 100 %).' })
  basisPoints!: number;

  @ApiProperty({
    type: ShareAnswerDto,
    nullable: true,
    description: 'What the domain’s budget holder said of this share; null: not answered.',
  })
  answer!: ShareAnswerDto | null;
}

export class ShareSetterDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  id!: string | null;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  role!: string;
}

/** `GET /cases/{id}/benefit-shares`: the shares in force. Its ETag is `version`. */
export class BenefitSharesDto {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({
    example: 1,
    description:
      'How many times the shares were set; 0: never, the default (lead domain 100 %) holds.',
  })
  version!: number;

  @ApiProperty({ description: 'True while the default holds (nobody set shares).' })
  isDefault!: boolean;

  @ApiProperty({ type: [BenefitShareDto], description: 'Lead domain first, then by code.' })
  shares!: BenefitShareDto[];

  @ApiProperty({ type: String, nullable: true })
  reasoning!: string | null;

  @ApiProperty({ type: ShareSetterDto, nullable: true })
  setBy!: ShareSetterDto | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  setAt!: string | null;
}

export class BenefitShareVersionDto {
  @ApiProperty()
  version!: number;

  @ApiProperty({ type: [BenefitShareInput] })
  shares!: BenefitShareInput[];

  @ApiProperty()
  reasoning!: string;

  @ApiProperty({ type: ShareSetterDto })
  setBy!: ShareSetterDto;

  @ApiProperty({ format: 'date-time' })
  setAt!: string;
}

/** `GET /cases/{id}/benefit-shares/history`. */
export class BenefitShareHistoryDto {
  @ApiProperty({ type: [BenefitShareVersionDto], description: 'Newest first.' })
  items!: BenefitShareVersionDto[];
}
