import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { ORGANISATION_UNIT_KINDS } from '../../catalogue/entities/organisation-unit.entity';
import { normaliseText, SingleLineText } from '../../common/text';
import { USER_KINDS, type UserKind } from '../entities/user.entity';
import { IsKebabCode, Optional, QueryBoolean, QueryInt } from '../../common/validators';
import { NewPassword, PASSWORD_MAX, PASSWORD_MIN } from '../password-rules';
import { Role, ROLES } from '../roles';

export { PASSWORD_MAX, PASSWORD_MIN } from '../password-rules';

const NOT_COMMON = 'Any characters; refused when it is a commonly used password.';

const LowerCase = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? normaliseText(value, true).toLowerCase() : value,
  );

export class UnitRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'inkoop-duurzaamheid' })
  code!: string;

  @ApiProperty({ example: 'Inkoop Duurzaamheid' })
  name!: string;

  @ApiProperty({ enum: ORGANISATION_UNIT_KINDS })
  kind!: string;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'buyer@brug.example' })
  email!: string;

  @ApiProperty({ example: 'Bo Inkoper' })
  name!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ type: UnitRefDto, nullable: true })
  organisationUnit!: UnitRefDto | null;

  @ApiProperty({ type: [String], description: 'The domain codes a budget holder holds.' })
  domains!: string[];
}

export class UserDto extends MeDto {
  @ApiProperty({
    enum: USER_KINDS,
    description: 'A person, or the system user of an API client (an integration).',
  })
  kind!: UserKind;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ example: 1, description: 'Counted up by every change; send it back in If-Match.' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class UserListDto {
  @ApiProperty({ type: [UserDto] })
  items!: UserDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

export class DomainCodes {
  @ApiPropertyOptional({ type: [String], example: ['energy'] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @IsKebabCode({ each: true })
  domains?: string[];
}

export class CreateUserDto extends DomainCodes {
  @ApiProperty({ example: 'a.jansen@amsterdam.example' })
  @LowerCase()
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'must be an email address' })
  email!: string;

  @ApiProperty({ example: 'A. Jansen' })
  @SingleLineText({ max: 200 })
  name!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @Optional()
  @IsUUID()
  organisationUnitId?: string | null;

  @ApiPropertyOptional({
    minLength: PASSWORD_MIN,
    maxLength: PASSWORD_MAX,
    description:
      'Optional; without it the user cannot sign in until one is set. Not a common password.',
  })
  @Optional()
  @NewPassword()
  password?: string;
}

export class UpdateUserDto extends DomainCodes {
  @ApiPropertyOptional()
  @SingleLineText({ max: 200, optional: true })
  name?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @Optional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'null removes the unit.' })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsUUID()
  organisationUnitId?: string | null;

  @ApiPropertyOptional({ description: 'false deactivates the user; users are never deleted.' })
  @Optional()
  @IsBoolean()
  active?: boolean;
}

export class SetPasswordDto {
  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX, description: NOT_COMMON })
  @NewPassword()
  password!: string;
}

export class ChangeOwnPasswordDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX)
  currentPassword!: string;

  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX, description: NOT_COMMON })
  @NewPassword()
  newPassword!: string;
}

export class ListUsersQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The members of this organisation unit (a City unit or a MeentCoop team).',
  })
  @IsOptional()
  @IsUUID()
  organisationUnitId?: string;

  @ApiPropertyOptional({ description: 'The user with exactly this email address (any case).' })
  @IsOptional()
  @LowerCase()
  @IsString()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
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
