import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString } from 'class-validator';
import { IsKebabCode, Optional, QueryBoolean } from '../../common/validators';
import { SingleLineText } from '../../common/text';
import {
  ORGANISATION_UNIT_KINDS,
  OrganisationUnitEntity,
  OrganisationUnitKind,
} from '../entities/organisation-unit.entity';

export class OrganisationUnitDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'meentcoop-energy' })
  code!: string;

  @ApiProperty({ example: 'MeentCoop Energie' })
  name!: string;

  @ApiProperty({ enum: ORGANISATION_UNIT_KINDS })
  kind!: OrganisationUnitKind;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ example: 1, description: 'Counted up by every change; send it back in If-Match.' })
  version!: number;

  static of(entity: OrganisationUnitEntity): OrganisationUnitDto {
    return {
      id: entity.id,
      code: entity.code,
      name: entity.name,
      kind: entity.kind,
      active: entity.active,
      version: entity.version,
    };
  }
}

export class OrganisationUnitListDto {
  @ApiProperty({ type: [OrganisationUnitDto] })
  items!: OrganisationUnitDto[];
}

export class CreateTeamDto {
  @ApiProperty({ example: 'meentcoop-care' })
  @IsString()
  @IsKebabCode()
  code!: string;

  @ApiProperty({ example: 'MeentCoop Zorg' })
  @SingleLineText({ max: 200 })
  name!: string;
}

export class CreateOrganisationUnitDto extends CreateTeamDto {
  @ApiProperty({ enum: ORGANISATION_UNIT_KINDS })
  @IsIn(ORGANISATION_UNIT_KINDS)
  kind!: OrganisationUnitKind;
}

export class UpdateOrganisationUnitDto {
  @ApiPropertyOptional()
  @SingleLineText({ max: 200, optional: true })
  name?: string;

  @ApiPropertyOptional({ description: 'false deactivates the unit; nothing is ever deleted.' })
  @Optional()
  @IsBoolean()
  active?: boolean;
}

export class ListOrganisationUnitsQuery {
  @ApiPropertyOptional({ enum: ORGANISATION_UNIT_KINDS })
  @IsOptional()
  @IsIn(ORGANISATION_UNIT_KINDS)
  kind?: OrganisationUnitKind;

  @ApiPropertyOptional({ description: 'Also list deactivated units.' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeInactive?: boolean;
}

export class ListTeamsQuery {
  @ApiPropertyOptional({ description: 'Also list deactivated teams.' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeInactive?: boolean;
}
