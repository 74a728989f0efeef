import { Global, Module } from '@nestjs/common';
import { CaseFunding } from '../cases/case-funding';
import { FundingLedger } from './funding-ledger';
import { LedgerCaseFunding } from './ledger-case-funding';
import { PledgeExpiries } from './pledge-expiries';

/**
 * The ledger writer alone, and its answers to case filing and transitions (`CaseFunding`).
 * Global, imported once by the composition root: the cases module asks for `CaseFunding`
 * without importing funding, which itself reads cases.
 */
@Global()
@Module({
  providers: [FundingLedger, PledgeExpiries, { provide: CaseFunding, useClass: LedgerCaseFunding }],
  exports: [FundingLedger, PledgeExpiries, CaseFunding],
})
export class FundingLedgerModule {}
