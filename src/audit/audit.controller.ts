import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../auth/decorators';
import type { Actor } from '../auth/roles';
import { CaseReader } from '../cases/case-reader';
import { ExportLimiter } from '../common/export-limit';
import { ApiResult, ProblemResponses } from '../common/openapi-decorators';
import { AuditReader } from './audit-reader';
import {
  AuditActionListDto,
  auditActionList,
  AuditEventListDto,
  CaseAuditQuery,
  ExportQuery,
  HeadDto,
  ListAuditEventsQuery,
  VerifyQuery,
  VerifyResultDto,
} from './dto/audit.dto';
import { parseHead } from './hash-chain';

/** The audit trail, for auditors and admins: read, verify, export. Nothing here changes anything. */
@ApiTags('Audit')
@Controller('audit')
@Roles('auditor', 'admin')
export class AuditController {
  constructor(
    private readonly audit: AuditReader,
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
  @ApiOperation({ summary: 'The newest event: write its seq and hash down to verify later' })
  @ApiResult(HeadDto)
  head(): Promise<HeadDto> {
    return this.audit.head();
  }

  @Get('verify')
  @ApiOperation({ summary: 'Recompute the chain; optionally check it passes through a head' })
  @ApiResult(VerifyResultDto)
  verify(@Query() query: VerifyQuery): Promise<VerifyResultDto> {
    return this.audit.verify(query.expectHead ? parseHead(query.expectHead) : undefined);
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
    @Res() response: Response,
  ): Promise<void> {
    // One of the person's two export slots, held until the response ends (429 beyond).
    await this.exports.begin(actor.id, response);
    const date = new Date().toISOString().slice(0, 10);
    response.status(200);
    response.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="brug-audit-${date}.jsonl"`);
    try {
      await this.audit.export(response, query);
      response.end();
    } catch (error) {
      if (response.destroyed) return; // the client went away: nothing to answer
      // Headers are gone: the only honest signal left is a broken response.
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

@ApiTags('Audit')
@Controller('cases')
export class CaseAuditController {
  constructor(
    private readonly audit: AuditReader,
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
}
