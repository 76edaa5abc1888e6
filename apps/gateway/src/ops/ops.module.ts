import { Module } from '@nestjs/common';
import { DeadLetterService } from '@glimmer/messaging/dead-letters/dead-letter.service';
import { DeadLettersController } from './dead-letters.controller';
import { OpsDepositsController } from './ops-deposits.controller';
import { OpsController } from './ops.controller';
import { QueueBoard } from './queue-board';
import { UnmatchedPaymentsController } from './unmatched-payments.controller';

/** Ops routes: ledger check, deposits and mark-paid, unmatched payments, dead letters; and the queue board proxy to the scheduler (mounted in bootstrap). */
@Module({
  controllers: [
    OpsController,
    OpsDepositsController,
    UnmatchedPaymentsController,
    DeadLettersController,
  ],
  providers: [DeadLetterService, QueueBoard],
  exports: [QueueBoard],
})
export class OpsModule {}
