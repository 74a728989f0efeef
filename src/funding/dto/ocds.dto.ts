import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class OcdsPublisherDto {
  @ApiProperty({ example: 'MeentCoop Brug' })
  name!: string;

  @ApiPropertyOptional({ format: 'uri' })
  uri?: string;
}

/**
 * An OCDS 1.1 release package (https://standard.open-contracting.org/1.1/en/schema/release_package/)
 * with the Budget Breakdown extension: one release per case. The releases are documented by the
 * OCDS release schema, not repeated here.
 */
export class OcdsReleasePackageDto {
  @ApiProperty({ format: 'uri', description: 'This export’s address, with its filters.' })
  uri!: string;

  @ApiProperty({ example: '1.1' })
  version!: string;

  @ApiProperty({ type: [String], description: 'The URL of the Budget Breakdown extension.' })
  extensions!: string[];

  @ApiProperty({ format: 'date-time', description: 'The latest change of anything exported.' })
  publishedDate!: string;

  @ApiProperty({ type: OcdsPublisherDto })
  publisher!: OcdsPublisherDto;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description:
      'One OCDS release per case: `ocid` = `<OCDS_OCID_PREFIX>-<reference>`, the buyer and every ' +
      'paying domain as parties (`funder`, `sourceParty`), `planning.budget` with the estimated ' +
      'value and a `budgetBreakdown` per paying domain (committed + pledged).',
  })
  releases!: object[];
}
