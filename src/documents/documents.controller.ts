import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles, SignedIn } from '../auth/decorators';
import type { Actor } from '../auth/roles';
import { API_BASE_PATH } from '../common/api-version';
import { etagOf, IfMatchHeader, type IfMatch } from '../common/etag';
import {
  setHeader,
  takeOverResponse,
  type HttpRequest,
  type HttpResponse,
} from '../common/http-exchange';
import { ApiResult, IfMatchRequired, ProblemResponses } from '../common/openapi-decorators';
import { DocumentReader } from './document-reader';
import { DocumentsService } from './documents.service';
import {
  ContentQuery,
  DocumentDto,
  DocumentListDto,
  DocumentListQuery,
  DocumentUploadDto,
  DocumentVersionListDto,
  VerificationDto,
  VersionUploadDto,
  WithdrawDocumentDto,
} from './dto/document.dto';
import { attachmentDisposition } from './file-name';

const CaseIdParam = () =>
  ApiParam({ name: 'id', description: 'The case id (UUID) or its reference (BRUG-2026-000042).' });

@ApiTags('Documents')
@Controller('cases/:id/documents')
@CaseIdParam()
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly reader: DocumentReader,
  ) {}

  @Post()
  @Roles('buyer', 'staff', 'admin')
  @ApiOperation({
    summary:
      'Add a document: its fields, then the file, as multipart/form-data (buyers: shared only)',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: DocumentUploadDto })
  @ApiResult(DocumentDto, 201)
  @ProblemResponses(404, 413, 415, 503)
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Req() req: HttpRequest,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<DocumentDto> {
    const created = await this.documents.upload(actor, id, req, res);
    setHeader(res, 'Location', `${API_BASE_PATH}/cases/${created.caseId}/documents/${created.id}`);
    setHeader(res, 'ETag', etagOf(created.version));
    return created;
  }

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'The documents of a case, oldest first (withdrawn ones left out)' })
  @ApiResult(DocumentListDto)
  @ProblemResponses(404)
  list(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() query: DocumentListQuery,
  ): Promise<DocumentListDto> {
    return this.reader.list(actor, id, query);
  }

  @Get(':docId')
  @SignedIn()
  @ApiOperation({ summary: 'One document with its newest version' })
  @ApiResult(DocumentDto)
  @ProblemResponses(404)
  async get(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('docId') docId: string,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<DocumentDto> {
    const found = await this.reader.get(actor, id, docId);
    setHeader(res, 'ETag', etagOf(found.version));
    return found;
  }

  @Post(':docId/versions')
  @Roles('buyer', 'staff', 'admin')
  @IfMatchRequired()
  @ApiOperation({ summary: 'Add a version (the file as multipart/form-data); earlier ones stay' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: VersionUploadDto })
  @ApiResult(DocumentDto, 201)
  @ProblemResponses(404, 409, 413, 415, 503)
  async addVersion(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('docId') docId: string,
    @IfMatchHeader() ifMatch: IfMatch | undefined,
    @Req() req: HttpRequest,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<DocumentDto> {
    const updated = await this.documents.uploadVersion(actor, id, docId, ifMatch, req, res);
    setHeader(res, 'ETag', etagOf(updated.version));
    return updated;
  }

  @Get(':docId/versions')
  @SignedIn()
  @ApiOperation({ summary: 'Every version of a document, newest first' })
  @ApiResult(DocumentVersionListDto)
  @ProblemResponses(404)
  versions(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('docId') docId: string,
  ): Promise<DocumentVersionListDto> {
    return this.reader.versions(actor, id, docId);
  }

  @Get(':docId/versions/:n/content')
  @SignedIn()
  @ApiOperation({
    summary:
      'The bytes of a version, as an attachment; one byte range with `Range`; every read is audited (auditors give `reason`)',
  })
  @ApiHeader({ name: 'Range', required: false, description: 'One range, e.g. `bytes=0-1023`.' })
  @ApiProduces('application/octet-stream')
  @ApiResponse({ status: 200, description: 'The content' })
  @ApiResponse({ status: 206, description: 'The range asked for' })
  @ProblemResponses(404, 416, 503)
  async content(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('docId') docId: string,
    @Param('n') n: string,
    @Query() query: ContentQuery,
    @Headers('range') range: string | undefined,
    @Res() res: HttpResponse,
  ): Promise<void> {
    const opened = await this.reader.open(actor, id, docId, n, range, query.reason);
    const { version } = opened;
    const size = Number(version.size_bytes);
    const out = takeOverResponse(res);
    out.statusCode = opened.range ? 206 : 200;
    out.setHeader('Content-Type', version.media_type);
    out.setHeader('Content-Disposition', attachmentDisposition(version.file_name));
    out.setHeader('ETag', `"${version.sha256}"`);
    out.setHeader('Accept-Ranges', 'bytes');
    out.setHeader('X-Content-Type-Options', 'nosniff');
    if (opened.range) {
      out.setHeader('Content-Range', `bytes ${opened.range.start}-${opened.range.end}/${size}`);
      out.setHeader('Content-Length', String(opened.range.end - opened.range.start + 1));
    } else {
      out.setHeader('Content-Length', String(size));
    }
    opened.stream.on('error', (error) => out.destroy(error));
    out.on('close', () => opened.stream.destroy());
    opened.stream.pipe(out);
  }

  @Get(':docId/versions/:n/verify')
  @SignedIn()
  @ApiOperation({
    summary:
      'Read the stored bytes back and compare their SHA-256 with the recorded and audited one',
  })
  @ApiResult(VerificationDto)
  @ProblemResponses(404, 503)
  verify(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('docId') docId: string,
    @Param('n') n: string,
  ): Promise<VerificationDto> {
    return this.reader.verify(actor, id, docId, n);
  }

  @Post(':docId/withdrawal')
  @HttpCode(200)
  @Roles('staff', 'admin')
  @IfMatchRequired()
  @ApiOperation({ summary: 'Withdraw a document with a reason: hidden from lists, kept, audited' })
  @ApiResult(DocumentDto)
  @ProblemResponses(404, 409)
  async withdraw(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('docId') docId: string,
    @IfMatchHeader() ifMatch: IfMatch | undefined,
    @Body() body: WithdrawDocumentDto,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<DocumentDto> {
    const updated = await this.documents.withdraw(actor, id, docId, ifMatch, body.reason);
    setHeader(res, 'ETag', etagOf(updated.version));
    return updated;
  }
}
