import { ApiProperty } from '@nestjs/swagger';

export class LiveDto {
  @ApiProperty({ enum: ['live'] })
  status!: 'live';
}

export class DependencyChecksDto {
  @ApiProperty({ enum: ['up', 'down'] })
  database!: 'up' | 'down';

  @ApiProperty({ enum: ['up', 'down'] })
  redis!: 'up' | 'down';
}

export class RelayLagDto {
  @ApiProperty({ description: 'Outbox events not yet published to the queues.' })
  unpublished!: number;

  @ApiProperty({ description: 'Age of the oldest of them, in seconds (0 when none).' })
  oldestSeconds!: number;
}

export class ReadinessDto {
  @ApiProperty({ enum: ['ready', 'unavailable'] })
  status!: 'ready' | 'unavailable';

  @ApiProperty({ type: DependencyChecksDto })
  checks!: DependencyChecksDto;

  @ApiProperty({ type: RelayLagDto, nullable: true })
  relay!: RelayLagDto | null;
}
