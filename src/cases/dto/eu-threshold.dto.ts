import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsIn, IsInt, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../../common/validators';
import { PROCUREMENT_KINDS, type ProcurementKind } from '../entities/eu-threshold.entity';

/** `POST /eu-thresholds`. */
export class AddEuThresholdDto {
  @ApiProperty({ enum: PROCUREMENT_KINDS })
  @IsDefined()
  @IsIn(PROCUREMENT_KINDS)
  kind!: ProcurementKind;

  @ApiProperty({ format: 'date', example: '2028-01-01' })
  @IsDefined()
  @IsCalendarDate()
  validFrom!: string;

  @ApiProperty({ format: 'date', example: '2029-12-31' })
  @IsDefined()
  @IsCalendarDate()
  validTo!: string;

  @ApiProperty({ minimum: 1, maximum: 10_000_000_000_000, example: 21600000 })
  @IsInt()
  @Min(1)
  @Max(10_000_000_000_000)
  amountCents!: number;
}

export class EuThresholdDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: PROCUREMENT_KINDS })
  kind!: ProcurementKind;

  @ApiProperty({ format: 'date' })
  validFrom!: string;

  @ApiProperty({ format: 'date' })
  validTo!: string;

  @ApiProperty({ example: 21600000 })
  amountCents!: number;

  @ApiProperty()
  addedByName!: string;

  @ApiProperty({ format: 'date-time' })
  addedAt!: string;
}

/** `GET /eu-thresholds`. */
export class EuThresholdListDto {
  @ApiProperty({ type: [EuThresholdDto], description: 'By period, then kind.' })
  items!: EuThresholdDto[];
}
