import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';

/** One payer → beneficiary pair of `GET /funding/flows`. */
export class FundingFlowDto {
  @ApiProperty({ example: 'energy', description: 'The domain whose money it is.' })
  payer!: string;

  @ApiProperty({ example: 'energy-poverty', description: 'The domain whose goals it serves.' })
  beneficiary!: string;

  @ApiProperty({
    example: 36000000,
    description:
      'The payer’s committed money on the selected cases, each case’s spread over its domains ' +
      'by their benefit shares (largest remainder, whole cents).',
  })
  committedCents!: number;

  @ApiProperty({ description: 'The same for the money disbursed.' })
  disbursedCents!: number;
}

/** What one domain pays and receives over the selected cases. */
export class FundingFlowTotalsDto {
  @ApiProperty({ description: 'Committed money of this domain, to every beneficiary.' })
  paidCommittedCents!: number;

  @ApiProperty()
  paidDisbursedCents!: number;

  @ApiProperty({
    description:
      'Committed money serving this domain’s goals, from every payer (its benefit-weighted total).',
  })
  receivedCommittedCents!: number;

  @ApiProperty()
  receivedDisbursedCents!: number;
}

/** `GET /funding/flows`. */
@ApiExtraModels(FundingFlowTotalsDto)
export class FundingFlowsDto {
  @ApiProperty({ type: [String], description: 'Every payer and beneficiary, by code.' })
  domains!: string[];

  @ApiProperty({
    type: [FundingFlowDto],
    description: 'Every pair with money, by payer then beneficiary (a domain may pay for itself).',
  })
  flows!: FundingFlowDto[];

  @ApiProperty({
    type: 'object',
    description: 'Per domain: what it pays (row sums) and what serves it (column sums).',
    additionalProperties: { $ref: getSchemaPath(FundingFlowTotalsDto) },
  })
  byDomain!: Record<string, FundingFlowTotalsDto>;

  @ApiProperty({ description: 'Committed money of the selected cases, all pairs together.' })
  committedCents!: number;

  @ApiProperty()
  disbursedCents!: number;

  @ApiProperty({ description: 'How many cases the filters select.', example: 1234 })
  caseCount!: number;
}
