import { Module } from '@nestjs/common';
import { DeadLetterService } from '@glimmer/messaging/dead-letters/dead-letter.service';
import { DeadLettersController } from './dead-letters.controller';
import { OpsController } from './ops.controller';
import { QueueBoard } from './queue-board';

/** Ops routes: ledger check, mark-paid, dead letters; and the Bull Board (mounted in bootstrap). */
@Module({
  controllers: [OpsController, DeadLettersController],
  providers: [DeadLetterService, QueueBoard],
  exports: [QueueBoard],
})
export class OpsModule {}
