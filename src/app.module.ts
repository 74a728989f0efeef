import { DynamicModule, Module, type Type } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AuditModule } from './audit/audit.module';
import { AuditSequencerModule } from './audit/audit-sequencer.module';
import { AuthModule } from './auth/auth.module';
import { BulkActionsModule } from './bulk-actions/bulk-actions.module';
import { BulkActionsWorkersModule } from './bulk-actions/bulk-actions-workers.module';
import { CasesModule } from './cases/cases.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { runsAuditSequencer, type AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DemoModule } from './demo/demo.module';
import { DocumentsModule } from './documents/documents.module';
import { DocumentsWorkersModule } from './documents/documents-workers.module';
import { FundingLedgerModule } from './funding/funding-ledger.module';
import { FundingModule } from './funding/funding.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './health/metrics.module';
import { ClockModule } from './common/clock';
import { ContentNegotiationModule } from './common/content-negotiation';
import { ExportLimitModule } from './common/export-limit';
import { ProblemFilter } from './common/problem.filter';
import { BrugValidationPipe } from './common/validation';
import { loggerOptions } from './common/logging';
import { RedisModule } from './redis/redis.module';
import { SignalsModule } from './signals/signals.module';
import { SignalsWorkersModule } from './signals/signals-workers.module';
import { ViewsModule } from './views/views.module';
import { WorkflowModule } from './workflow/workflow.module';
import { WorkersModule } from './workflow/queues/workers.module';

export type ProcessRole = 'api' | 'worker' | 'cli';

export interface AppModuleOptions {
  /** What this process does: serve HTTP (and, unless WORKERS=off, run the workers), or only work. */
  role: ProcessRole;
  /** Where logs go; stdout unless a test captures them. */
  logStream?: DestinationStream;
}

/**
 * The application, assembled from validated configuration. One module graph serves the HTTP
 * API (`main.ts`), the workers (`worker.ts`) and the operators' CLI (`cli.ts`).
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppModuleOptions): DynamicModule {
    const imports: (DynamicModule | Type)[] = [
      ConfigModule.forRoot(config),
      ClockModule,
      LoggerModule.forRoot(loggerOptions(config, options.logStream)),
      DatabaseModule.forRoot(config, options.role),
      RedisModule,
      MetricsModule,
      ExportLimitModule,
      CatalogueModule,
      AuthModule,
      // After AuthModule: its guard signs the request in before this one negotiates (401, then 406).
      ContentNegotiationModule,
      CasesModule,
      ViewsModule,
      SignalsModule,
      BulkActionsModule,
      AuditModule,
      FundingModule,
      // Global: answers the case rules' `CaseFunding` (cases does not import funding).
      FundingLedgerModule,
      WorkflowModule,
      DocumentsModule,
      DemoModule,
    ];
    if (options.role === 'api') imports.push(HealthModule.withIndicatorsFrom(WorkflowModule));
    if (options.role === 'worker' || (options.role === 'api' && config.workers)) {
      imports.push(
        WorkersModule,
        DocumentsWorkersModule,
        SignalsWorkersModule,
        BulkActionsWorkersModule,
      );
    }
    if (runsAuditSequencer(config, options.role)) imports.push(AuditSequencerModule);
    return {
      module: AppModule,
      imports,
      providers: [
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useClass: BrugValidationPipe },
      ],
    };
  }
}
