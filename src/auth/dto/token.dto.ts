import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class TokenRequestDto {
  @ApiProperty({ example: 'buyer@brug.example' })
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'brug-demo-2026' })
  @IsString()
  @MaxLength(1024)
  password!: string;
}

export class TokenDto {
  @ApiProperty()
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Seconds until the token expires.', example: 3600 })
  expiresIn!: number;
}
