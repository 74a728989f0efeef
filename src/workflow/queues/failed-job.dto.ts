import { ApiProperty } from '@nestjs/swagger';

// The failed jobs' answers (GET /failed-jobs).

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
