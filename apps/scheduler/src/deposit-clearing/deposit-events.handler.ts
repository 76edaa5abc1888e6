import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  DepositFundsConfirmedEvent,
  DepositPendingEvent,
  DepositSnapshot,
} from '@glimmer/contracts/credit/deposit.events';
import { DomainError } from '@glimmer/errors/domain-error';
import { AmqpContext } from '@glimmer/messaging/amqp.context';
import { DepositClearingScheduler } from './deposit-clearing.scheduler';

/**
 * Turns deposit events into delayed jobs. The scheduler has no database, so no inbox: the
 * deterministic job id is what makes a redelivered event add nothing. The message is
 * acknowledged only after Redis has the job; if Redis fails, the transport retries it.
 */
@Controller()
export class DepositEventsHandler {
  private readonly logger = new Logger(DepositEventsHandler.name);

  constructor(private readonly clearing: DepositClearingScheduler) {}

  @EventPattern(DepositPendingEvent.pattern)
  async onPending(@Payload() p: DepositSnapshot, @Ctx() ctx: AmqpContext): Promise<void> {
    const result = await this.clearing.scheduleSandboxConfirm(p);
    this.logger.log(`${ctx.pattern} ${p.depositId}: sandbox confirmation ${result}`);
  }

  @EventPattern(DepositFundsConfirmedEvent.pattern)
  async onFundsConfirmed(@Payload() p: DepositSnapshot, @Ctx() ctx: AmqpContext): Promise<void> {
    if (!p.fundsConfirmedAt) {
      throw new DomainError(
        'validation_failed',
        `${ctx.pattern} for deposit ${p.depositId} has no fundsConfirmedAt`,
      );
    }
    const result = await this.clearing.scheduleClearing({
      depositId: p.depositId,
      fundsConfirmedAt: p.fundsConfirmedAt,
    });
    this.logger.log(`${ctx.pattern} ${p.depositId}: clearing ${result}`);
  }
}
