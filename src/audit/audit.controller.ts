import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '../auth/decorators';
import type { Actor } from '../auth/roles';
import { CaseReader } from '../cases/case-reader';
import { ExportLimiter } from '../common/export-limit';
import { ApiResult, ProblemResponses } from '../common/openapi-decorators';
import { AuditChecker } from './audit-checker';
import { AuditLogReader, type CaseBundle, type StoredCheckpoint } from './audit-log';
import { AuditReader } from './audit-reader';
import {
  BundleQuery,
  CaseBundleDto,
  CheckpointQuery,
  ConsistencyProofDto,
  ConsistencyQuery,
  InclusionProofDto,
  InclusionQuery,
  PublicKeyDto,
} from './dto/audit-log.dto';
import {
  AuditActionListDto,
  auditActionList,
  AuditEventListDto,
  CaseAuditQuery,
  CheckpointDto,
  ExportQuery,
  ListAuditEventsQuery,
  VerifyQuery,
  VerifyResultDto,
} from './dto/audit.dto';
import { parseHead } from './hash-chain';
import { parseExpectedCheckpoint } from './log-verify';
import { parseCheckpointText } from './signed-note';
import { type HttpResponse, setHeader, takeOverResponse } from '../common/http-exchange';

/** A stored checkpoint as JSON. */
function checkpointDto(c: StoredCheckpoint): CheckpointDto {
  const body = parseCheckpointText(c.note.slice(0, c.note.indexOf('\n\n') + 1));
  return {
    origin: body.origin,
    treeSize: c.size,
    rootHash: c.root.toString('base64'),
    note: c.note,
    createdAt: c.createdAt.toISOString(),
  };
}

/** The audit trail, for auditors and admins: read, verify, export. Nothing here changes anything. */
@ApiTags('Audit')
@Controller('audit')
@Roles('auditor', 'admin')
export class AuditController {
  constructor(
    private readonly audit: AuditReader,
    private readonly log: AuditLogReader,
    private readonly checker: AuditChecker,
    private readonly exports: ExportLimiter,
  ) {}

  @Get('events')
  @ApiOperation({ summary: 'The audit trail, filtered, in keyset pages' })
  @ApiResult(AuditEventListDto)
  events(@Query() query: ListAuditEventsQuery): Promise<AuditEventListDto> {
    return this.audit.list(query);
  }

  @Get('actions')
  @ApiOperation({
    summary: 'Every action the trail records, with the kind of subject it is about',
    description: 'The values the `action` filter accepts, for a choice in words.',
  })
  @ApiResult(AuditActionListDto)
  actions(): AuditActionListDto {
    return auditActionList();
  }

  @Get('head')
  @ApiOperation({ summary: 'The latest signed checkpoint, as JSON: write size and root down' })
  @ApiResult(CheckpointDto)
  @ProblemResponses(404)
  async head(): Promise<CheckpointDto> {
    return checkpointDto(await this.log.checkpointOrFail());
  }

  @Get('checkpoint')
  @ApiOperation({
    summary: 'The latest signed checkpoint (or the one of tree size `size`) as a signed note',
    description: 'C2SP tlog-checkpoint text signed as a C2SP signed-note with Ed25519.',
  })
  @ApiProduces('text/plain')
  @ApiResponse({ status: 200, content: { 'text/plain': { schema: { type: 'string' } } } })
  @ProblemResponses(404)
  async checkpoint(
    @Query() query: CheckpointQuery,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<string> {
    const found = await this.log.checkpointOrFail(query.size);
    setHeader(response, 'Content-Type', 'text/plain; charset=utf-8');
    return found.note;
  }

  @Get('public-key')
  @Public()
  @ApiOperation({ summary: 'The signed-note verifier key of the checkpoints' })
  @ApiResult(PublicKeyDto)
  publicKey(): PublicKeyDto {
    const verifierKey = this.log.verifierKey;
    return { verifierKey, origin: verifierKey.split('+')[0]! };
  }

  @Get('proofs/inclusion')
  @ApiOperation({ summary: 'RFC 9162 inclusion proof of a leaf in the tree of a checkpoint' })
  @ApiResult(InclusionProofDto)
  @ProblemResponses(400)
  async inclusion(@Query() query: InclusionQuery): Promise<InclusionProofDto> {
    const proof = await this.log.inclusion(query.leafIndex, query.treeSize);
    return { leafIndex: query.leafIndex, treeSize: query.treeSize, proof };
  }

  @Get('proofs/consistency')
  @ApiOperation({
    summary: 'RFC 9162 consistency proof: the tree of size `from` is a prefix of `to`',
  })
  @ApiResult(ConsistencyProofDto)
  @ProblemResponses(400)
  async consistency(@Query() query: ConsistencyQuery): Promise<ConsistencyProofDto> {
    const proof = await this.log.consistency(query.from, query.to);
    return { from: query.from, to: query.to, proof };
  }

  @Get('verify')
  @ApiOperation({
    summary: 'Recompute the tree against the latest signed checkpoint (and the old chain)',
    description:
      '`expectCheckpoint=<size>:<root>`: the tree must have had that root at that size. ' +
      '`expectHead=<seq>:<hash>`: the old hash chain (events from before the tree) must pass through it.',
  })
  @ApiResult(VerifyResultDto)
  verify(@Query() query: VerifyQuery): Promise<VerifyResultDto> {
    return this.checker.verify({
      expectHead: query.expectHead ? parseHead(query.expectHead) : undefined,
      expectCheckpoint: query.expectCheckpoint
        ? parseExpectedCheckpoint(query.expectCheckpoint)
        : undefined,
    });
  }

  @Get('export')
  @ApiOperation({ summary: 'The trail as NDJSON, oldest first, streamed (verify it offline)' })
  @ApiProduces('application/x-ndjson')
  @ApiResponse({
    status: 200,
    description: 'One event a line',
    content: { 'application/x-ndjson': { schema: { type: 'string' } } },
  })
  @ProblemResponses(429)
  async export(
    @CurrentActor() actor: Actor,
    @Query() query: ExportQuery,
    @Res() response: HttpResponse,
  ): Promise<void> {
    // One of the person's two export slots, held until the response ends (429 beyond).
    await this.exports.begin(actor.id, response);
    const date = new Date().toISOString().slice(0, 10);
    const out = takeOverResponse(response);
    out.statusCode = 200;
    out.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    out.setHeader('Content-Disposition', `attachment; filename="brug-audit-${date}.jsonl"`);
    try {
      await this.checker.export(out, query);
      out.end();
    } catch (error) {
      if (out.destroyed) return; // the client went away: nothing to answer
      // Headers are gone: the only honest signal left is a broken response.
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

@ApiTags('Audit')
@Controller('cases')
export class CaseAuditController {
  constructor(
    private readonly audit: AuditReader,
    private readonly log: AuditLogReader,
    private readonly cases: CaseReader,
  ) {}

  @Get(':id/audit')
  @Roles('auditor', 'admin')
  @ApiParam({ name: 'id', description: 'The case id or reference.' })
  @ApiOperation({ summary: 'The audit trail of one case and everything under it' })
  @ApiResult(AuditEventListDto)
  @ProblemResponses(404)
  async caseAudit(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() query: CaseAuditQuery,
  ): Promise<AuditEventListDto> {
    return this.audit.list({ ...query, caseId: await this.cases.visibleId(actor, id) });
  }

  @Get(':id/audit/bundle')
  @Roles('auditor', 'admin')
  @ApiParam({ name: 'id', description: 'The case id or reference.' })
  @ApiOperation({
    summary: 'The case’s events with inclusion proofs to a signed checkpoint: verify offline',
    description:
      'One self-contained JSON file: each event’s leaf, data (or erasure) and inclusion proof, ' +
      'the signed checkpoint and the verifier key. `since=<size>` adds the consistency proof ' +
      'from a checkpoint you kept.',
  })
  @ApiResult(CaseBundleDto)
  @ProblemResponses(400, 404)
  async bundle(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() query: BundleQuery,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<CaseBundle> {
    const caseId = await this.cases.visibleId(actor, id);
    const bundle = await this.log.caseBundle(caseId, query.since);
    setHeader(
      response,
      'Content-Disposition',
      `attachment; filename="brug-audit-bundle-${caseId}-${bundle.treeSize}.json"`,
    );
    return bundle;
  }
}
