import { Module } from '@nestjs/common';
import { LedgerGroupCommit } from './ledger-group-commit';
import { LedgerRpc } from './ledger.rpc';
import { LedgerVerificationService } from './ledger-verification.service';
import { LedgerService } from './ledger.service';

/** The double-entry ledger: the one place balances change, and the proof they are right. */
@Module({
  controllers: [LedgerRpc],
  providers: [LedgerService, LedgerVerificationService, LedgerGroupCommit],
  exports: [LedgerService, LedgerGroupCommit],
})
export class LedgerModule {}
