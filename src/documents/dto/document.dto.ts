import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString } from 'class-validator';
import { RefDto } from '../../cases/dto/case.dto';
import { SingleLineText } from '../../common/text';
import { Optional } from '../../common/validators';
import {
  DOCUMENT_DIRECTIONS,
  DOCUMENT_KINDS,
  DOCUMENT_VISIBILITIES,
  type DocumentDirection,
  type DocumentKind,
  type DocumentVisibility,
} from '../entities/document.entity';

/** The metadata fields of a new document (multipart fields before the file part). */
export class NewDocumentDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Bestek energiebespaarservice' })
  @SingleLineText({ max: 200, trim: true })
  title!: string;

  @ApiProperty({ enum: DOCUMENT_KINDS })
  @IsIn(DOCUMENT_KINDS)
  kind!: DocumentKind;

  @ApiProperty({ enum: DOCUMENT_DIRECTIONS })
  @IsIn(DOCUMENT_DIRECTIONS)
  direction!: DocumentDirection;

  @ApiProperty({ enum: DOCUMENT_VISIBILITIES, description: 'Buyers may only add shared ones.' })
  @IsIn(DOCUMENT_VISIBILITIES)
  visibility!: DocumentVisibility;
}

/** The multipart body of `POST /cases/{id}/documents` (for the OpenAPI document). */
export class DocumentUploadDto extends NewDocumentDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'The file, as the last part; its name is kept (sanitised).',
  })
  file!: unknown;
}

export class VersionUploadDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'The file of the new version.' })
  file!: unknown;
}

export class WithdrawDocumentDto {
  @ApiProperty({ minLength: 1, maxLength: 1000 })
  @SingleLineText({ max: 1000, trim: true })
  reason!: string;
}

export class DocumentListQuery {
  @ApiPropertyOptional({ description: 'The `nextCursor` of the page before.' })
  @Optional()
  @IsString()
  cursor?: string;

  @ApiPropertyOptional({ description: 'Staff, auditors and admins: include withdrawn ones.' })
  @Optional()
  @IsIn(['true', 'false'])
  withdrawn?: 'true' | 'false';
}

export class ContentQuery {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 500,
    description: 'Why the content is read; required of auditors, kept in the audit event.',
  })
  @Optional()
  @SingleLineText({ max: 500, trim: true })
  reason?: string;
}

export class DocumentVersionDto {
  @ApiProperty({ example: 1 })
  number!: number;

  @ApiProperty({ example: 'bestek-v1.pdf' })
  fileName!: string;

  @ApiProperty({ example: 'application/pdf' })
  mediaType!: string;

  @ApiProperty({ example: 48213 })
  sizeBytes!: number;

  @ApiProperty({ pattern: '^[0-9a-f]{64}$' })
  sha256!: string;

  @ApiProperty({ type: RefDto })
  uploadedBy!: RefDto;

  @ApiProperty({ format: 'date-time' })
  uploadedAt!: string;
}

export class WithdrawalDto {
  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ type: RefDto })
  by!: RefDto;

  @ApiProperty()
  reason!: string;
}

export class DocumentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: DOCUMENT_KINDS })
  kind!: DocumentKind;

  @ApiProperty({ enum: DOCUMENT_DIRECTIONS })
  direction!: DocumentDirection;

  @ApiProperty({ enum: DOCUMENT_VISIBILITIES })
  visibility!: DocumentVisibility;

  @ApiProperty({ example: 2 })
  versionCount!: number;

  @ApiProperty({ type: DocumentVersionDto, description: 'The newest version.' })
  latest!: DocumentVersionDto;

  @ApiProperty({ type: RefDto })
  createdBy!: RefDto;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: WithdrawalDto, nullable: true })
  withdrawal!: WithdrawalDto | null;

  @ApiProperty({ example: 1, description: 'Counted up by every change; send it back in If-Match.' })
  version!: number;
}

export class DocumentListDto {
  @ApiProperty({ type: [DocumentDto] })
  items!: DocumentDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

export class DocumentVersionListDto {
  @ApiProperty({ type: [DocumentVersionDto] })
  items!: DocumentVersionDto[];
}

export class VerificationDto {
  @ApiProperty({ example: 1 })
  number!: number;

  @ApiProperty({ description: 'The SHA-256 recorded with the version.' })
  recordedSha256!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The SHA-256 in the audit trail.' })
  auditedSha256!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The SHA-256 of the bytes read back now; null when they are missing.',
  })
  storedSha256!: string | null;

  @ApiProperty({ description: 'All three agree.' })
  intact!: boolean;
}
