import { Readable } from 'node:stream';
import {
  Body,
  Controller,
  Get,
  NotAcceptableException,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, SignedIn } from '../auth/decorators';
import type { Actor } from '../auth/roles';
import { API_BASE_PATH } from '../common/api-version';
import { ExportLimiter } from '../common/export-limit';
import { ApiResult, ProblemResponses } from '../common/openapi-decorators';
import { uuidParam } from '../common/validators';
import {
  FundingEntryDto,
  FundingEntryListDto,
  RecordFundingEntryDto,
} from './dto/funding-entry.dto';
import {
  CaseFundingQuery,
  CommonsShareQuery,
  FundingDomainMatrixQuery,
  FundingFlowsQuery,
  FundingGapsQuery,
  FundingMatrixQuery,
  OcdsExportQuery,
} from './dto/funding-queries.dto';
import {
  CaseFundingDto,
  CommonsShareDto,
  FundingDomainMatrixDto,
  FundingGapListDto,
  FundingMatrixDto,
} from './dto/funding-views.dto';
import { OcdsReleasePackageDto } from './dto/ocds.dto';
import { FundingFlowsDto } from './dto/funding-flows.dto';
import { FundingTotalsReader } from './funding-totals-reader';
import { FundingMatrixReader } from './funding-matrix-reader';
import { FundingReader } from './funding-reader';
import { FundingService } from './funding.service';
import { OcdsExport } from './ocds-export';
import { CSV_CONTENT_TYPE } from '../common/csv';
import { type HttpRequest, type HttpResponse, setHeader, negotiate } from '../common/http-exchange';

const CaseIdParam = () =>
  ApiParam({ name: 'id', description: 'The case id (UUID) or its reference (BRUG-2026-000042).' });

/**
 * The funding ledger of a case, the views across cases, the commons share and the OCDS export.
 * Every signed-in role reads, over the cases it may see; auditors never write.
 */
@Controller()
export class FundingController {
  constructor(
    private readonly funding: FundingService,
    private readonly reader: FundingReader,
    private readonly matrices: FundingMatrixReader,
    private readonly totals: FundingTotalsReader,
    private readonly exporter: OcdsExport,
    private readonly exports: ExportLimiter,
  ) {}

  @Post('cases/:id/funding-entries')
  @Roles('buyer', 'staff', 'budget_holder', 'admin')
  @ApiTags('Funding')
  @CaseIdParam()
  @ApiOperation({
    summary: 'Record a pledge, commitment, disbursement or release of a domain’s money',
    description:
      'Budget holders for the domains they hold; staff pledge and release pledges; buyers pledge; admins all.',
  })
  @ApiResult(FundingEntryDto, 201)
  @ProblemResponses(404, 422)
  async record(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: RecordFundingEntryDto,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<FundingEntryDto> {
    const entry = await this.funding.record(actor, id, body);
    setHeader(
      response,
      'Location',
      `${API_BASE_PATH}/cases/${entry.caseId}/funding-entries/${entry.id}`,
    );
    return entry;
  }

  @Get('cases/:id/funding-entries')
  @SignedIn()
  @ApiTags('Funding')
  @CaseIdParam()
  @ApiOperation({ summary: 'The funding log of a case, oldest first' })
  @ApiResult(FundingEntryListDto)
  @ProblemResponses(404)
  entries(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<FundingEntryListDto> {
    return this.reader.entries(actor, id);
  }

  @Get('cases/:id/funding-entries/:entryId')
  @SignedIn()
  @ApiTags('Funding')
  @CaseIdParam()
  @ApiParam({ name: 'entryId', format: 'uuid' })
  @ApiOperation({ summary: 'One entry of the funding log' })
  @ApiResult(FundingEntryDto)
  @ProblemResponses(404)
  entry(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('entryId', uuidParam('entryId')) entryId: string,
  ): Promise<FundingEntryDto> {
    return this.reader.entry(actor, id, entryId);
  }

  @Get('cases/:id/funding')
  @SignedIn()
  @ApiTags('Funding')
  @CaseIdParam()
  @ApiOperation({
    summary: 'Per domain: pledged, committed, disbursed; the gap and the non-paying domains',
    description:
      'With `asOf`, as the ledger stood then: the entries recorded and the benefit shares set by ' +
      'that moment (or the end of that day, Amsterdam), and the case’s status then.',
  })
  @ApiResult(CaseFundingDto)
  @ProblemResponses(400, 404)
  caseFunding(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() query: CaseFundingQuery,
  ): Promise<CaseFundingDto> {
    return this.reader.caseFunding(actor, id, query.asOf);
  }

  @Get('funding/matrix')
  @SignedIn()
  @ApiTags('Funding')
  @ApiOperation({
    summary: 'Cases × domains: who funds what (JSON, or CSV with Accept: text/csv)',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiResult(FundingMatrixDto)
  @ProblemResponses(406, 429)
  async matrix(
    @CurrentActor() actor: Actor,
    @Query() query: FundingMatrixQuery,
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<FundingMatrixDto | StreamableFile> {
    setHeader(response, 'Vary', 'Accept');
    const format = negotiate(request).type(['application/json', 'text/csv']);
    if (format === false) {
      throw new NotAcceptableException('The matrix is available as application/json or text/csv.');
    }
    if (format === 'text/csv') {
      // Every case, streamed a page at a time. The header line is read first, so a failure up
      // to there is still answered as a problem; a later one breaks the download (Nest destroys
      // the response), never a shorter CSV that looks complete. One of the person's two export
      // slots is held until the response ends.
      await this.exports.begin(actor.id, response);
      const body = await startedStream(this.matrices.matrixCsv(actor, query));
      setHeader(response, 'Content-Type', CSV_CONTENT_TYPE);
      return new StreamableFile(body);
    }
    return this.matrices.matrix(actor, query);
  }

  @Get('funding/matrix/by-domain')
  @SignedIn()
  @ApiTags('Funding')
  @ApiOperation({
    summary: 'Domains × domains: per lead domain of the cases, what each domain funds',
    description:
      'Over every selected case, however many: per (lead domain, domain) the money committed, ' +
      'pledged and disbursed, and the cases touched, paid for and not paid for.',
  })
  @ApiResult(FundingDomainMatrixDto)
  domainMatrix(
    @CurrentActor() actor: Actor,
    @Query() query: FundingDomainMatrixQuery,
  ): Promise<FundingDomainMatrixDto> {
    return this.matrices.domainMatrix(actor, query);
  }

  @Get('funding/flows')
  @SignedIn()
  @ApiTags('Funding')
  @ApiOperation({
    summary: 'Payer × beneficiary: whose money pays for whose goals (JSON, or CSV)',
    description:
      'Over every selected case: each paying domain’s committed (and, apart, disbursed) money ' +
      'on a case spread over the case’s domains by their benefit shares, in whole cents ' +
      '(largest remainder), summed per payer and beneficiary, with the sums per domain. ' +
      '`Accept: text/csv` gives the pairs as CSV.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiResult(FundingFlowsDto)
  @ProblemResponses(406, 429)
  async flows(
    @CurrentActor() actor: Actor,
    @Query() query: FundingFlowsQuery,
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<FundingFlowsDto | StreamableFile> {
    setHeader(response, 'Vary', 'Accept');
    const format = negotiate(request).type(['application/json', 'text/csv']);
    if (format === false) {
      throw new NotAcceptableException('The flows are available as application/json or text/csv.');
    }
    if (format === 'text/csv') {
      // An export like the matrix CSV: one of the person's two export slots while it lasts.
      await this.exports.begin(actor.id, response);
      const body = await startedStream(this.totals.flowsCsv(actor, query));
      setHeader(response, 'Content-Type', CSV_CONTENT_TYPE);
      return new StreamableFile(body);
    }
    return this.totals.flows(actor, query);
  }

  @Get('funding/gaps')
  @SignedIn()
  @ApiTags('Funding')
  @ApiOperation({
    summary: 'Open cases with non-paying domains or a funding gap, largest gap first',
  })
  @ApiResult(FundingGapListDto)
  gaps(@CurrentActor() actor: Actor, @Query() query: FundingGapsQuery): Promise<FundingGapListDto> {
    return this.reader.gaps(actor, query);
  }

  @Get('reports/commons-share')
  @SignedIn()
  @ApiTags('Reports')
  @ApiOperation({
    summary: 'The share of awarded value that went to commons-type suppliers, against 35% by 2035',
  })
  @ApiResult(CommonsShareDto)
  commonsShare(
    @CurrentActor() actor: Actor,
    @Query() query: CommonsShareQuery,
  ): Promise<CommonsShareDto> {
    return this.reader.commonsShare(actor, query.year);
  }

  @Get('exports/ocds')
  @SignedIn()
  @ApiTags('Exports')
  @ApiOperation({
    summary: 'An OCDS 1.1 release package with the budget broken down by funding domain',
  })
  @ApiResult(OcdsReleasePackageDto)
  @ProblemResponses(429)
  async ocds(
    @CurrentActor() actor: Actor,
    @Query() query: OcdsExportQuery,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<StreamableFile> {
    // Streamed a page of cases at a time; the first page is read before the answer starts, so a
    // failure up to there is still a problem, and a later one breaks the download.
    await this.exports.begin(actor.id, response);
    setHeader(response, 'Content-Type', 'application/json; charset=utf-8');
    return new StreamableFile(await startedStream(this.exporter.releasePackageJson(actor, query)));
  }
}

/**
 * A stream of `chunks` whose first chunk has already been made: an error until then is thrown
 * here (and answered as a problem), not in the middle of a response.
 */
async function startedStream(chunks: AsyncGenerator<string>): Promise<Readable> {
  const first = await chunks.next();
  return Readable.from(
    (async function* () {
      if (!first.done) yield first.value;
      yield* chunks;
    })(),
  );
}
