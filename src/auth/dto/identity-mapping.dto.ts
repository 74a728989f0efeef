import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { Optional } from '../../common/validators';
import { ROLES, type Role } from '../roles';

/** A value of a provider's roles claim → what a person with it is in Brug (ADR 33). */
export class IdentityMappingDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'meentcoop', description: 'The provider id (`OIDC_PROVIDERS`).' })
  provider!: string;

  @ApiProperty({ example: 'meentcoop-energy', description: 'A value of the roles claim.' })
  claimValue!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Unit or team.' })
  organisationUnitId!: string | null;

  @ApiProperty({ type: [String], description: 'Budget domains (budget holders only).' })
  domains!: string[];

  @ApiProperty({ description: 'Counted up by every change; the ETag.' })
  version!: number;
}

export class IdentityMappingListDto {
  @ApiProperty({ type: [IdentityMappingDto] })
  items!: IdentityMappingDto[];
}

/** The list's filter: one provider's mappings, or all. */
export class ListIdentityMappingsQuery {
  @ApiPropertyOptional({ example: 'meentcoop', description: 'Only this provider’s mappings.' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,31}$/, { context: { code: 'invalid_format' } })
  provider?: string;
}

export class CreateIdentityMappingDto {
  @ApiProperty({ example: 'meentcoop' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,31}$/, { context: { code: 'invalid_format' } })
  provider!: string;

  @ApiProperty({ example: 'meentcoop-energy' })
  @IsString()
  @MaxLength(200)
  @Matches(/\S/, { context: { code: 'required' } })
  claimValue!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID()
  organisationUnitId?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  domains?: string[];
}

export class UpdateIdentityMappingDto {
  @ApiPropertyOptional({ enum: ROLES })
  @Optional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID()
  organisationUnitId?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  domains?: string[];
}

export class SignInOptionsDto {
  @ApiProperty({ description: 'Whether the email and password form is offered.' })
  passwordSignIn!: boolean;

  @ApiProperty({
    type: 'array',
    items: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        displayName: { type: 'string' },
        startUrl: { type: 'string' },
      },
      required: ['id', 'displayName', 'startUrl'],
    },
  })
  providers!: { id: string; displayName: string; startUrl: string }[];

  @ApiProperty({ type: String, nullable: true, description: 'Whom to ask for access.' })
  supportContact!: string | null;
}
