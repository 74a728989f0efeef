import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ActorCacheMetrics } from './actor-cache-metrics';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({})
export class HealthModule {
  /**
   * The probes, with the module that provides the indicators health asks for
   * (`RelayLagIndicator`, health-indicators.ts): the composition root passes the workflow's.
   */
  static withIndicatorsFrom(indicators: Type): DynamicModule {
    return {
      module: HealthModule,
      imports: [indicators, AuthModule],
      controllers: [HealthController],
      providers: [HealthService, ActorCacheMetrics],
    };
  }
}
