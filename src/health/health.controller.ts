import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ServiceUnavailable } from '../common/errors';
import { ApiResult, ProblemResponses } from '../common/openapi-decorators';
import { LiveDto, ReadinessDto } from './health.dto';
import { Public } from '../auth/decorators';
import { HealthService } from './health.service';
import { MetricsService } from './metrics.service';

/** Probes and metrics for the platform; outside /api/v1 and open, as load balancers expect. */
@ApiTags('Health')
@Controller()
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthService,
    private readonly metrics: MetricsService,
  ) {}

  @Get('health/live')
  @ApiOperation({ summary: 'Liveness: the process runs' })
  @ApiResult(LiveDto)
  live(): LiveDto {
    return { status: 'live' };
  }

  @Get('health/ready')
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Redis both answer' })
  @ApiResult(ReadinessDto)
  @ProblemResponses(503)
  async ready(): Promise<ReadinessDto> {
    const readiness = await this.health.readiness();
    if (readiness.status !== 'ready') {
      const down = Object.entries(readiness.checks)
        .filter(([, state]) => state === 'down')
        .map(([name]) => name);
      throw new ServiceUnavailable(`Not ready: ${down.join(' and ')} unavailable.`, {
        checks: readiness.checks,
        relay: readiness.relay,
      });
    }
    return readiness;
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics of this process' })
  @ApiProduces('text/plain')
  @ApiResponse({
    status: 200,
    description: 'Prometheus text format',
    content: { 'text/plain': {} },
  })
  metricsText(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
