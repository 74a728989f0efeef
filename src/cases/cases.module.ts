import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { FundingLedgerModule } from '../funding/funding-ledger.module';
import { CaseKoppel } from './case-koppel';
import { CasePresenter } from './case-presenter';
import { CaseReader } from './case-reader';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({
  imports: [AuthModule, CatalogueModule, FundingLedgerModule],
  controllers: [CasesController],
  providers: [CasesService, CaseReader, CasePresenter, CaseKoppel],
  exports: [CasesService, CaseReader],
})
export class CasesModule {}
