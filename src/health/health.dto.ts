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

export class ReplicaStatusDto {
  @ApiProperty({
    enum: ['up', 'degraded', 'off'],
    description:
      'The read replica: `degraded` while the lists, searches, exports and reports are read from the primary instead (the service stays ready); `off` when none is configured.',
  })
  state!: 'up' | 'degraded' | 'off';

  @ApiProperty({
    enum: ['unreachable', 'lagging', 'not_in_recovery'],
    nullable: true,
    description: 'Why the replica is not used; null while it is.',
  })
  reason!: 'unreachable' | 'lagging' | 'not_in_recovery' | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'How far its replay was behind the primary at the last probe, in seconds.',
  })
  lagSeconds!: number | null;
}

export class ReadinessDto {
  @ApiProperty({ enum: ['ready', 'unavailable'] })
  status!: 'ready' | 'unavailable';

  @ApiProperty({ type: DependencyChecksDto })
  checks!: DependencyChecksDto;

  @ApiProperty({ type: ReplicaStatusDto })
  replica!: ReplicaStatusDto;

  @ApiProperty({ type: RelayLagDto, nullable: true })
  relay!: RelayLagDto | null;
}
