import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'domains[1].code' })
  field!: string;

  @ApiProperty({ example: 'unknown or inactive domain "energie"' })
  message!: string;
}

/** RFC 9457 problem details (application/problem+json). */
export class ProblemDto {
  @ApiProperty({ format: 'uri', example: 'urn:brug:problem:validation-failed' })
  type!: string;

  @ApiProperty({ example: 'The request is not valid' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: 'title: must be longer than or equal to 5 characters' })
  detail!: string;

  @ApiPropertyOptional({ example: '/api/v1/cases' })
  instance?: string;

  @ApiProperty({ example: 'validation_failed', description: 'A stable, machine-readable code.' })
  code!: string;

  @ApiPropertyOptional({ description: 'Also in the X-Request-Id header and the logs.' })
  requestId?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
}
