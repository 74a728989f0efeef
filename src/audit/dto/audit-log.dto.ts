import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { MultiLineText } from '../../common/text';
import { QueryInt } from '../../common/validators';
import { ErasedDto } from './audit.dto';

const MAX_SIZE = 2 ** 53 - 1;

export class CheckpointQuery {
  @ApiPropertyOptional({ minimum: 1, description: 'An older checkpoint, by its tree size.' })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(MAX_SIZE)
  size?: number;
}

export class InclusionQuery {
  @ApiProperty({ minimum: 0 })
  @QueryInt()
  @IsInt()
  @Min(0)
  @Max(MAX_SIZE)
  leafIndex!: number;

  @ApiProperty({ minimum: 1 })
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(MAX_SIZE)
  treeSize!: number;
}

export class ConsistencyQuery {
  @ApiProperty({ minimum: 1 })
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(MAX_SIZE)
  from!: number;

  @ApiProperty({ minimum: 1 })
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(MAX_SIZE)
  to!: number;
}

export class BundleQuery {
  @ApiPropertyOptional({
    minimum: 1,
    description: 'The tree size of a checkpoint you kept: adds the consistency proof from it.',
  })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(MAX_SIZE)
  since?: number;
}

export class ProofDto {
  @ApiProperty({ type: [String], description: 'RFC 9162 proof hashes, base64, bottom up.' })
  proof!: string[];
}

export class InclusionProofDto extends ProofDto {
  @ApiProperty()
  leafIndex!: number;

  @ApiProperty()
  treeSize!: number;
}

export class ConsistencyProofDto extends ProofDto {
  @ApiProperty()
  from!: number;

  @ApiProperty()
  to!: number;
}

export class PublicKeyDto {
  @ApiProperty({ description: 'The signed-note verifier key: <name>+<key id>+<base64 key>.' })
  verifierKey!: string;

  @ApiProperty({ example: 'brug.example/audit' })
  origin!: string;
}

export class BundleEventDto {
  @ApiProperty()
  leafIndex!: number;

  @ApiProperty({ description: 'The exact canonical envelope text that was hashed as the leaf.' })
  leaf!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  data!: Record<string, unknown> | null;

  @ApiPropertyOptional({ type: ErasedDto })
  erased?: ErasedDto;

  @ApiProperty({ type: [String], description: 'Inclusion proof to the checkpoint, base64.' })
  inclusionProof!: string[];
}

export class BundleConsistencyDto {
  @ApiProperty()
  fromSize!: number;

  @ApiProperty({ type: [String] })
  proof!: string[];
}

export class CaseBundleDto {
  @ApiProperty({ enum: ['brug-audit-bundle/1'] })
  format!: 'brug-audit-bundle/1';

  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ description: 'The signed checkpoint (signed-note text) the proofs lead to.' })
  checkpoint!: string;

  @ApiProperty()
  verifierKey!: string;

  @ApiProperty()
  treeSize!: number;

  @ApiProperty({ type: [BundleEventDto] })
  events!: BundleEventDto[];

  @ApiProperty({
    description: 'The case’s events not yet in a checkpoint (sequenced within seconds).',
  })
  pending!: number;

  @ApiPropertyOptional({ type: BundleConsistencyDto })
  consistency?: BundleConsistencyDto;
}

export const ERASURE_BASES = ['archiefwet_vernietiging', 'avg_verwijdering'] as const;
export type ErasureBasis = (typeof ERASURE_BASES)[number];

export class CreateErasureDto {
  @ApiProperty({ enum: ['case', 'user'], description: 'Whose events: a case’s or a user’s.' })
  @IsIn(['case', 'user'])
  subjectType!: 'case' | 'user';

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  subjectId!: string;

  @ApiProperty({ enum: ERASURE_BASES })
  @IsIn(ERASURE_BASES)
  basis!: ErasureBasis;

  @ApiProperty({
    minLength: 10,
    maxLength: 1000,
    example: 'Bewaartermijn verstreken (selectielijst 2026).',
  })
  @MultiLineText({ min: 10, max: 1000, trim: true })
  reason!: string;
}

export class ErasureDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['case', 'user'] })
  subjectType!: string;

  @ApiProperty({ format: 'uuid' })
  subjectId!: string;

  @ApiProperty({ enum: ERASURE_BASES })
  basis!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ description: 'How many events’ data were erased.' })
  events!: number;

  @ApiProperty({ format: 'date-time' })
  erasedAt!: string;
}
