import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** The web UI's password sign-in: a cookie session instead of a token (ADR 34). */
export class SessionSignInDto {
  @ApiProperty({ example: 'buyer@brug.example' })
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'brug-demo-2026' })
  @IsString()
  @MaxLength(1024)
  password!: string;
}

/** The current web session: what the page needs to make changes, and when it ends. */
export class SessionDto {
  @ApiProperty({
    description:
      'Send as `X-CSRF-Token` with every change signed by the session cookie (with an `Origin` of this site).',
  })
  csrfToken!: string;

  @ApiProperty({ enum: ['password', 'oidc'] })
  method!: 'password' | 'oidc';

  @ApiProperty({ type: String, nullable: true, description: 'The identity provider, for oidc.' })
  provider!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', description: 'The absolute end, however busy.' })
  expiresAt!: string;

  @ApiProperty({ format: 'date-time', description: 'The end without another request.' })
  idleExpiresAt!: string;
}

/** Where the browser goes after signing out: the provider's logout page, or nowhere. */
export class SignOutDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The identity provider’s end-session URL for an OIDC session; null otherwise.',
  })
  redirectTo!: string | null;
}

/** One open session of mine. */
export class MySessionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['password', 'oidc'] })
  method!: 'password' | 'oidc';

  @ApiProperty({ type: String, nullable: true })
  provider!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The address it began from.' })
  address!: string | null;

  @ApiProperty({ type: String, nullable: true })
  userAgent!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  lastSeenAt!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ description: 'The session this request was made in.' })
  current!: boolean;
}

export class MySessionsDto {
  @ApiProperty({ type: [MySessionDto] })
  items!: MySessionDto[];
}
