import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { SingleLineText } from '../../common/text';
import { Optional, QueryInt } from '../../common/validators';
import { Role, ROLES } from '../roles';
import { DomainCodes, UnitRefDto } from './user.dto';

export class CreateApiClientDto extends DomainCodes {
  @ApiProperty({ example: 'Financieel systeem Energie' })
  @SingleLineText({ max: 200 })
  name!: string;

  @ApiProperty({ enum: ROLES, description: 'The one role the integration acts with.' })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @Optional()
  @IsUUID()
  organisationUnitId?: string | null;
}

export class ApiClientSecretDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The last token it got.',
  })
  lastUsedAt!: string | null;
}

/** A secret just made: the only time `clientSecret` is ever shown. */
export class NewApiClientSecretDto extends ApiClientSecretDto {
  @ApiProperty({ description: 'Shown once; Brug keeps only its argon2id hash.' })
  clientSecret!: string;
}

export class ApiClientDto {
  @ApiProperty({ format: 'uuid', description: 'The client id (`client_id`), also its user id.' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ type: UnitRefDto, nullable: true })
  organisationUnit!: UnitRefDto | null;

  @ApiProperty({ type: [String] })
  domains!: string[];

  @ApiProperty({ description: 'Deactivate it (PATCH /users/{id}) to end its tokens at once.' })
  active!: boolean;

  @ApiProperty({ description: 'The user version, for If-Match on PATCH /users/{id}.' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: [ApiClientSecretDto], description: 'The live secrets (at most two).' })
  secrets!: ApiClientSecretDto[];
}

export class CreatedApiClientDto {
  @ApiProperty({ type: ApiClientDto })
  client!: ApiClientDto;

  @ApiProperty({ type: NewApiClientSecretDto })
  secret!: NewApiClientSecretDto;
}

export class ApiClientListDto {
  @ApiProperty({ type: [ApiClientDto] })
  items!: ApiClientDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

export class ListApiClientsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  cursor?: string;
}
