import { Global, Module } from '@nestjs/common';
import { MetricsService } from './metrics.service';

/** This process's Prometheus registry, for every module that measures something. */
@Global()
@Module({ providers: [MetricsService], exports: [MetricsService] })
export class MetricsModule {}
