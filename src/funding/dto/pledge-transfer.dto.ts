import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, ValidateIf } from 'class-validator';
import { MultiLineText, SingleLineText } from '../../common/text';
import { TRANSFER_STATES, type TransferState } from '../entities/pledge-transfer.entity';
import { PersonRefDto } from './cofunding.dto';

export const TRANSFER_ANSWERS = ['accept', 'decline'] as const;
export type TransferAnswer = (typeof TRANSFER_ANSWERS)[number];

export class AnswerPledgeTransferDto {
  @ApiProperty({ enum: TRANSFER_ANSWERS })
  @IsDefined()
  @IsIn(TRANSFER_ANSWERS)
  answer!: TransferAnswer;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Required when declining.' })
  @ValidateIf((o: AnswerPledgeTransferDto) => o.answer === 'decline' || o.reason !== undefined)
  @MultiLineText({ min: 1, max: 2000, trim: true })
  reason?: string;

  @ApiPropertyOptional({
    maxLength: 100,
    example: 'KP-WONEN-2210',
    description: 'Kostenplaats of the pledge on the case that stays.',
  })
  @SingleLineText({ max: 100, optional: true })
  budgetLine?: string;
}

export class TransferCaseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  reference!: string;
}

export class PledgeTransferDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: TransferCaseDto, description: 'The case closed as a duplicate.' })
  fromCase!: TransferCaseDto;

  @ApiProperty({ type: TransferCaseDto, description: 'The case that stays.' })
  toCase!: TransferCaseDto;

  @ApiProperty()
  domainCode!: string;

  @ApiProperty({ description: 'The pledge open on the duplicate when it was closed.' })
  amountCents!: number;

  @ApiProperty({ enum: TRANSFER_STATES })
  state!: TransferState;

  @ApiProperty({ description: 'Counts the answers; the ETag for `If-Match`.' })
  version!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'What moved, once accepted.' })
  movedCents!: number | null;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ type: PersonRefDto, nullable: true })
  answeredBy!: PersonRefDto | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  answeredAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class PledgeTransferListDto {
  @ApiProperty({
    type: [PledgeTransferDto],
    description: 'Requests from or to this case, newest first (at most 100).',
  })
  items!: PledgeTransferDto[];
}
