import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString } from 'class-validator';
import { IsKebabCode, Optional, QueryBoolean } from '../../common/validators';
import { SingleLineText } from '../../common/text';
import type { DomainEntity } from '../entities/domain.entity';

export class DomainDto {
  @ApiProperty({ example: 'energy-poverty' })
  code!: string;

  @ApiProperty({ example: 'Betaalbare energierekening' })
  nameNl!: string;

  @ApiProperty({ example: 'Affordable energy bills' })
  nameEn!: string;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ example: 1, description: 'Counted up by every change; send it back in If-Match.' })
  version!: number;

  static of(entity: DomainEntity): DomainDto {
    return {
      code: entity.code,
      nameNl: entity.nameNl,
      nameEn: entity.nameEn,
      active: entity.active,
      version: entity.version,
    };
  }
}

export class DomainListDto {
  @ApiProperty({ type: [DomainDto] })
  items!: DomainDto[];
}

export class CreateDomainDto {
  @ApiProperty({ example: 'community', description: 'Kebab-case; never changes once created.' })
  @IsString()
  @IsKebabCode()
  code!: string;

  @ApiProperty({ example: 'Stadsdorpen en buurtinitiatieven' })
  @SingleLineText({ max: 200 })
  nameNl!: string;

  @ApiProperty({ example: 'City villages and neighbourhood initiatives' })
  @SingleLineText({ max: 200 })
  nameEn!: string;
}

export class UpdateDomainDto {
  @ApiPropertyOptional()
  @SingleLineText({ max: 200, optional: true })
  nameNl?: string;

  @ApiPropertyOptional()
  @SingleLineText({ max: 200, optional: true })
  nameEn?: string;

  @ApiPropertyOptional({ description: 'false deactivates the domain; nothing is ever deleted.' })
  @Optional()
  @IsBoolean()
  active?: boolean;
}

export class ListDomainsQuery {
  @ApiPropertyOptional({ description: 'Also list deactivated domains.' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeInactive?: boolean;
}
