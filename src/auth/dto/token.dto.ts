import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { Optional } from '../../common/validators';

export const GRANT_TYPES = ['password', 'client_credentials'] as const;

/**
 * Two ways to get a token (ADR 35): a person's email and password (JSON, `grant_type` left out
 * or `password`), or an API client's OAuth client credentials grant (RFC 6749 §4.4; JSON or
 * `application/x-www-form-urlencoded`, the client authenticated by HTTP Basic or by
 * `client_id` and `client_secret` in the body).
 */
export class TokenRequestDto {
  @ApiPropertyOptional({ enum: GRANT_TYPES, default: 'password' })
  @Optional()
  @IsString()
  // Checked by the route, so an unknown grant is answered `unsupported_grant_type`.
  @MaxLength(100)
  grant_type?: string;

  @ApiPropertyOptional({ example: 'buyer@brug.example', description: 'Password grant.' })
  @Optional()
  @IsString()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: 'brug-demo-2026', description: 'Password grant.' })
  @Optional()
  @IsString()
  @MaxLength(1024)
  password?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Client credentials (or HTTP Basic).' })
  @Optional()
  @IsString()
  @MaxLength(100)
  client_id?: string;

  @ApiPropertyOptional({ description: 'Client credentials (or HTTP Basic).' })
  @Optional()
  @IsString()
  @MaxLength(200)
  client_secret?: string;

  @ApiPropertyOptional({ description: 'Accepted and ignored: a client has its one role.' })
  @Optional()
  @IsString()
  @MaxLength(200)
  scope?: string;
}

export class TokenDto {
  @ApiProperty()
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Seconds until the token expires.', example: 3600 })
  expiresIn!: number;
}

/** The client credentials grant's answer, with the member names of RFC 6749 §5.1. */
export class ClientTokenDto {
  @ApiProperty()
  access_token!: string;

  @ApiProperty({ enum: ['Bearer'] })
  token_type!: 'Bearer';

  @ApiProperty({ example: 3600 })
  expires_in!: number;
}

/** The second step of a sign-in: the challenge of the password step and a code. */
export class SecondFactorSignInDto {
  @ApiProperty({ description: 'The `challenge` of the `second_factor_required` answer.' })
  @IsString()
  @MaxLength(2000)
  challenge!: string;

  @ApiProperty({
    example: '123456',
    description: 'Six digits from the authenticator app, or a recovery code.',
  })
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9 -]+$/, { context: { code: 'invalid_format' } })
  code!: string;
}
