import { Module } from '@nestjs/common';
import { FundingLedger } from './funding-ledger';

/**
 * The ledger writer alone, so that case filing (`initialFunding`) can use it without the
 * funding module, which itself reads cases, becoming a circular import.
 */
@Module({
  providers: [FundingLedger],
  exports: [FundingLedger],
})
export class FundingLedgerModule {}
