import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/decorators';
import type { Actor } from '../auth/roles';
import { CSV_CONTENT_TYPE } from '../common/csv';
import { NotAcceptable } from '../common/content-negotiation';
import { ApiResult, ProblemResponses } from '../common/openapi-decorators';
import {
  ManagementReportDto,
  ManagementReportQuery,
  REPORT_MAX_DAYS,
} from './dto/management-report.dto';
import { ManagementReport } from './management-report';
import { type HttpRequest, type HttpResponse, setHeader, negotiate } from '../common/http-exchange';

/**
 * The management dashboard's numbers (issue 19, item 5; docs/reports.md). Every role reads it
 * over the cases it may see, as in the case list: MeentCoop staff (team leads), auditors and
 * admins every case; a buyer (the municipality's contract manager) their own unit's cases; a
 * budget holder the cases touching a domain they hold.
 */
@Controller('reports')
export class ManagementReportController {
  constructor(private readonly reports: ManagementReport) {}

  @Get('management')
  @Roles('staff', 'auditor', 'admin', 'buyer', 'budget_holder')
  @ApiTags('Reports')
  @ApiOperation({
    summary:
      'Cases incoming, resolved, open, overdue and suspended per team, handler, domain, week',
    description:
      `Over a period of at most ${REPORT_MAX_DAYS} days (Amsterdam calendar days, default the ` +
      'last 91): the counts per team, handler, lead domain and ISO week, the median time per ' +
      'stage (filed → accepted → proposed → resolved) and SLA compliance per team, over the ' +
      'cases the caller may see. Counted in SQL. `Accept: text/csv` or `format=csv` answers ' +
      'one table (`table`) as CSV.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiResult(ManagementReportDto)
  @ProblemResponses(400, 406)
  async management(
    @CurrentActor() actor: Actor,
    @Query() query: ManagementReportQuery,
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<ManagementReportDto | string> {
    setHeader(response, 'Vary', 'Accept');
    const format =
      query.format === 'csv'
        ? 'text/csv'
        : negotiate(request).type(['application/json', 'text/csv']);
    if (format === false) throw new NotAcceptable(['application/json', 'text/csv']);
    if (format === 'text/csv') {
      const table = query.table ?? 'teams';
      const csv = await this.reports.csv(actor, query, table);
      setHeader(response, 'Content-Type', CSV_CONTENT_TYPE);
      const { from, to } = this.reports.period(query);
      setHeader(
        response,
        'Content-Disposition',
        `attachment; filename="brug-management-${table}-${from}-${to}.csv"`,
      );
      return csv;
    }
    return this.reports.report(actor, query);
  }
}
