import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class SecondFactorStatusDto {
  @ApiProperty({ description: 'A confirmed second factor is asked for at every sign-in.' })
  enabled!: boolean;

  @ApiProperty({ description: 'Your role needs one (MFA_REQUIRED_ROLES).' })
  required!: boolean;

  @ApiProperty({ description: 'Unused recovery codes.' })
  recoveryCodesLeft!: number;
}

export class SecondFactorEnrolmentDto {
  @ApiProperty({ description: 'The secret in base32, to type into an app; shown this once.' })
  secret!: string;

  @ApiProperty({ description: 'The same as an otpauth:// URI (what a QR code would hold).' })
  uri!: string;
}

export class SecondFactorCodeDto {
  @ApiProperty({ example: '123456' })
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9 -]+$/, { context: { code: 'invalid_format' } })
  code!: string;
}

export class RecoveryCodesDto {
  @ApiProperty({
    type: [String],
    description: 'Shown this once; each signs in once instead of a code from the app.',
  })
  recoveryCodes!: string[];
}
