import { Module } from '@nestjs/common';
import { LedgerHandler } from './ledger.handler';
import { LedgerVerificationService } from './ledger-verification.service';
import { LedgerService } from './ledger.service';

/** The double-entry ledger: the one place balances change, and the proof they are right. */
@Module({
  controllers: [LedgerHandler],
  providers: [LedgerService, LedgerVerificationService],
  exports: [LedgerService],
})
export class LedgerModule {}
