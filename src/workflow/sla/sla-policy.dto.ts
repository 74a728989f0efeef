import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import { PRIORITIES, type Priority } from '../../cases/case-transitions';
import { Optional } from '../../common/validators';

// The SLA policies' answers and bodies (GET/POST/PUT /sla-policies).

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
