import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CalendarModule } from '../calendar/calendar.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { CaseFiling } from './case-filing';
import { CaseLinks } from './case-links';
import { CaseLinksController } from './case-links.controller';
import { CaseKoppel } from './case-koppel';
import { CaseLifecycle } from './case-lifecycle';
import { CasePresenter } from './case-presenter';
import { CaseReader } from './case-reader';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { SuspensionsController } from './suspensions.controller';
import { SuspensionsService } from './suspensions.service';
import { EuThresholds } from './eu-thresholds';
import { EuThresholdsController } from './eu-thresholds.controller';
import { ManagementReport } from './management-report';
import { ManagementReportController } from './management-report.controller';

@Module({
  // `CaseFunding` comes from the global FundingLedgerModule (case-funding.ts).
  imports: [AuthModule, CatalogueModule, CalendarModule],
  controllers: [
    CasesController,
    CaseLinksController,
    SuspensionsController,
    EuThresholdsController,
    ManagementReportController,
  ],
  providers: [
    CasesService,
    CaseFiling,
    CaseLinks,
    CaseReader,
    CasePresenter,
    CaseKoppel,
    CaseLifecycle,
    SuspensionsService,
    EuThresholds,
    ManagementReport,
  ],
  exports: [CasesService, CaseReader, CaseLifecycle],
})
export class CasesModule {}
