import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { BenefitShares } from './benefit-shares';
import { BenefitSharesController } from './benefit-shares.controller';
import { CofundingProposals } from './cofunding-proposals';
import { CofundingController } from './cofunding.controller';
import { FundingAsOf } from './funding-as-of';
import { FundingLedgerModule } from './funding-ledger.module';
import { FundingMatrixReader } from './funding-matrix-reader';
import { FundingReader } from './funding-reader';
import { FundingController } from './funding.controller';
import { FundingService } from './funding.service';
import { OcdsExport } from './ocds-export';
import { PledgeTransfers } from './pledge-transfers';
import { PledgeTransfersController } from './pledge-transfers.controller';
import { FundingTotalsReader } from './funding-totals-reader';

/** The funding ledger, its views across cases, the commons share and the OCDS export. */
@Module({
  imports: [CasesModule, CatalogueModule, FundingLedgerModule],
  controllers: [
    FundingController,
    BenefitSharesController,
    CofundingController,
    PledgeTransfersController,
  ],
  providers: [
    BenefitShares,
    CofundingProposals,
    FundingService,
    FundingAsOf,
    FundingReader,
    FundingMatrixReader,
    FundingTotalsReader,
    OcdsExport,
    PledgeTransfers,
  ],
  exports: [FundingService, BenefitShares],
})
export class FundingModule {}
