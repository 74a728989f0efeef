import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { MultiLineText } from '../../common/text';
import { KOPPEL_CHANGE_KINDS, type KoppelChangeKind } from '../entities/case-koppel-change.entity';
import { HistoryActorDto, RefDto } from './case.dto';

export class ChangeKoppelDto {
  @ApiProperty({ format: 'uuid', description: 'The MeentCoop half: an active staff member.' })
  @IsUUID()
  meentcoopId!: string;

  @ApiProperty({
    format: 'uuid',
    description:
      'The municipal half: an active buyer of the case’s unit (the filer or a colleague), or an active municipal budget holder of one of its domains.',
  })
  @IsUUID()
  municipalId!: string;

  @ApiProperty({ minLength: 10, maxLength: 1000, description: 'Why the koppel changes.' })
  @MultiLineText({ min: 10, max: 1000, trim: true })
  reason!: string;
}

export class KoppelSideDto {
  @ApiProperty({ type: RefDto, nullable: true })
  meentcoop!: RefDto | null;

  @ApiProperty({ type: RefDto, nullable: true })
  municipal!: RefDto | null;

  @ApiProperty({ type: RefDto, nullable: true, description: 'The MeentCoop team of the case.' })
  team!: RefDto | null;
}

export class KoppelChangeDto {
  @ApiProperty({
    enum: KOPPEL_CHANGE_KINDS,
    description:
      '`routed`: set by routing; `taken_on`: a staff member of another team took the case on; `changed`: set by staff.',
  })
  kind!: KoppelChangeKind;

  @ApiProperty({ type: KoppelSideDto })
  from!: KoppelSideDto;

  @ApiProperty({ type: KoppelSideDto })
  to!: KoppelSideDto;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ type: HistoryActorDto })
  actor!: HistoryActorDto;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}

export class KoppelHistoryDto {
  @ApiProperty({ type: [KoppelChangeDto], description: 'Oldest first.' })
  items!: KoppelChangeDto[];
}

export class KoppelCandidateDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: RefDto, nullable: true, description: 'Their team or municipal unit.' })
  unit!: RefDto | null;
}

export class KoppelCandidatesDto {
  @ApiProperty({ type: [KoppelCandidateDto], description: 'Active MeentCoop staff, by name.' })
  meentcoop!: KoppelCandidateDto[];

  @ApiProperty({
    type: [KoppelCandidateDto],
    description: 'The municipal people who may be the municipal half of this case, by name.',
  })
  municipal!: KoppelCandidateDto[];
}
