import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../auth/decorators';
import type { Actor } from '../../auth/roles';
import { ApiResult, ProblemResponses } from '../../common/openapi-decorators';
import { refOf } from '../../database/unit-of-work';
import { FailedJobListDto } from './failed-job.dto';
import { FailedJobsService } from './failed-jobs.service';

/** Queue jobs that failed their last attempt (admin): listed, and run again (audited). */
@ApiTags('Administration')
@Controller('admin/failed-jobs')
@Roles('admin')
export class FailedJobsController {
  constructor(private readonly failed: FailedJobsService) {}

  @Get()
  @ApiOperation({ summary: 'Queue jobs that failed their last attempt' })
  @ApiResult(FailedJobListDto)
  async list(): Promise<FailedJobListDto> {
    return { items: await this.failed.list() };
  }

  @Post(':id/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Run a failed job again' })
  @ApiResult(undefined, 202)
  @ProblemResponses(404)
  async retry(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    await this.failed.retry(refOf(actor), id);
  }
}
