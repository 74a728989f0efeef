import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CalendarModule } from '../calendar/calendar.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { CaseFiling } from './case-filing';
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

@Module({
  // `CaseFunding` comes from the global FundingLedgerModule (case-funding.ts).
  imports: [AuthModule, CatalogueModule, CalendarModule],
  controllers: [CasesController, SuspensionsController, EuThresholdsController],
  providers: [
    CasesService,
    CaseFiling,
    CaseReader,
    CasePresenter,
    CaseKoppel,
    CaseLifecycle,
    SuspensionsService,
    EuThresholds,
  ],
  exports: [CasesService, CaseReader, CaseLifecycle],
})
export class CasesModule {}
