import { Controller, Delete, Head, Inject, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/decorators';
import type { Actor } from '../auth/roles';
import { CaseReader } from '../cases/case-reader';
import { ValidationFailed } from '../common/errors';
import { checkIfMatch, parseIfMatch } from '../common/etag';
import type { HttpRequest, HttpResponse } from '../common/http-exchange';
import { ProblemResponses } from '../common/openapi-decorators';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { findDocument } from './document-rows';
import { checkNewDocument } from './documents.service';
import {
  DocumentNotFound,
  DocumentTooLarge,
  DocumentTypeNotAllowed,
  DocumentWithdrawn,
} from './documents.errors';
import { sanitiseFileName } from './file-name';
import { extensionOf } from './media-types';
import { TusUploads, type UploadOwner } from './tus-uploads';

/** `key base64,key base64` (tus Upload-Metadata), or a 400 naming the header. */
export function parseUploadMetadata(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (header ?? '').split(',')) {
    if (pair.trim() === '') continue;
    const [key, value = '', ...rest] = pair.trim().split(' ');
    if (!key || rest.length || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) {
      throw new ValidationFailed([
        { field: 'Upload-Metadata', code: 'invalid_format', message: 'is not tus metadata' },
      ]);
    }
    out[key] = Buffer.from(value, 'base64').toString('utf8');
  }
  return out;
}

/**
 * Resumable uploads (tus 1.0, ADR 32) under `/cases/{id}/documents/uploads`: creation (the
 * document's fields and the file name in `Upload-Metadata`, `documentId` and `If-Match` for a
 * new version), then `HEAD` for the offset and `PATCH` for the bytes. Every request passes the
 * guard and the role rule, and the case and the upload must be the caller's.
 */
@ApiTags('Documents')
@Controller('cases/:id/documents/uploads')
@ApiParam({ name: 'id', description: 'The case id (UUID) or its reference.' })
export class DocumentUploadsController {
  constructor(
    private readonly tus: TusUploads,
    private readonly cases: CaseReader,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @Roles('buyer', 'staff', 'admin')
  @ApiOperation({
    summary:
      'Start a resumable (tus) upload: Upload-Length, and in Upload-Metadata filename, title, kind, direction, visibility (or documentId with If-Match for a new version)',
  })
  @ApiHeader({ name: 'Upload-Length', required: true })
  @ApiHeader({ name: 'Upload-Metadata', required: true })
  @ApiResponse({ status: 201, description: 'Created; Location names the upload' })
  @ProblemResponses(404, 413, 415)
  async create(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Req() req: HttpRequest,
    @Res() res: HttpResponse,
  ): Promise<void> {
    const caseId = await this.cases.visibleId(actor, id);
    const length = req.headers['upload-length'];
    if (typeof length !== 'string' || !/^\d{1,16}$/.test(length)) {
      throw new ValidationFailed([
        { field: 'Upload-Length', code: 'required', message: 'the length must be known' },
      ]);
    }
    if (Number(length) > this.config.documentMaxBytes) {
      throw new DocumentTooLarge(this.config.documentMaxBytes);
    }
    const meta = parseUploadMetadata(req.headers['upload-metadata'] as string | undefined);
    const fileName = sanitiseFileName(meta.filename);
    if (!this.config.documentExtensions.includes(extensionOf(fileName))) {
      throw new DocumentTypeNotAllowed(extensionOf(fileName), null, this.config.documentExtensions);
    }
    const owner: UploadOwner = { caseId, userId: actor.id };
    if (meta.documentId) {
      const document = await findDocument(this.db.manager, actor, caseId, meta.documentId);
      if (document.withdrawn_at) throw new DocumentWithdrawn();
      checkIfMatch(parseIfMatch(req.headers['if-match']), document.version);
      owner.documentId = document.id;
      owner.documentVersion = String(document.version);
    } else {
      checkNewDocument(actor, {
        title: meta.title,
        kind: meta.kind,
        direction: meta.direction,
        visibility: meta.visibility,
      });
    }
    await this.tus.handle(req, res, owner);
  }

  @Head(':uploadId')
  @Roles('buyer', 'staff', 'admin')
  @ApiOperation({ summary: 'How much of an upload has arrived (Upload-Offset)' })
  @ApiParam({ name: 'uploadId' })
  @ApiResponse({ status: 200, description: 'Upload-Offset and Upload-Length' })
  @ProblemResponses(404)
  async offset(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('uploadId') uploadId: string,
    @Req() req: HttpRequest,
    @Res() res: HttpResponse,
  ): Promise<void> {
    await this.checkOwner(actor, id, uploadId);
    await this.tus.handle(req, res);
  }

  @Patch(':uploadId')
  @Roles('buyer', 'staff', 'admin')
  @ApiOperation({
    summary:
      'Send bytes from Upload-Offset (application/offset+octet-stream); the last part answers with the document, or the problem',
  })
  @ApiParam({ name: 'uploadId' })
  @ApiHeader({
    name: 'Upload-Offset',
    required: true,
    description:
      'tus: where these bytes start; the concurrency check of an upload (409 when stale)',
  })
  @ApiResponse({ status: 204, description: 'Received; Upload-Offset says how far' })
  @ApiResponse({ status: 200, description: 'The last part: the document or version recorded' })
  @ProblemResponses(404, 409, 413, 415, 503)
  async append(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('uploadId') uploadId: string,
    @Req() req: HttpRequest,
    @Res() res: HttpResponse,
  ): Promise<void> {
    await this.checkOwner(actor, id, uploadId);
    await this.tus.handle(req, res);
  }

  @Delete(':uploadId')
  @Roles('buyer', 'staff', 'admin')
  @ApiOperation({ summary: 'Give up an upload: its parts are removed' })
  @ApiParam({ name: 'uploadId' })
  @ApiResponse({ status: 204, description: 'Removed' })
  @ProblemResponses(404)
  async cancel(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('uploadId') uploadId: string,
    @Req() req: HttpRequest,
    @Res() res: HttpResponse,
  ): Promise<void> {
    await this.checkOwner(actor, id, uploadId);
    await this.tus.handle(req, res);
  }

  /** The case is visible to the caller and the upload is theirs, on this case; else 404. */
  private async checkOwner(actor: Actor, caseRef: string, uploadId: string): Promise<void> {
    const caseId = await this.cases.visibleId(actor, caseRef);
    const meta = await this.tus.metadataOf(uploadId);
    if (!meta || meta.userId !== actor.id || meta.caseId !== caseId) {
      throw new DocumentNotFound('such upload');
    }
  }
}
