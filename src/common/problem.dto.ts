import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'domains[1].code' })
  field!: string;

  @ApiProperty({
    example: 'too_long',
    description:
      'The rule the field broke, a stable snake_case identifier (e.g. required, too_long, not_one_of, out_of_range, invalid_text): word it from this and `params`, not from `message`.',
  })
  code!: string;

  @ApiProperty({ example: 'must be shorter than or equal to 200 characters' })
  message!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { max: 200 },
    description: 'The values the rule names, e.g. { max: 200 }, { allowed: [...] }, { min, max }.',
  })
  params?: Record<string, unknown>;
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

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { rule: 'disburse_exceeds_committed', amountCents: 35000001 },
    description:
      'The values a client needs to word the problem from its `code` in its own language (amounts in cents, domain codes, statuses, limits); `detail` says it in English.',
  })
  params?: Record<string, unknown>;
}
