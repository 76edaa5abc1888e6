import { Controller } from '@nestjs/common';
import {
  DepositFundsConfirmedEvent,
  DepositPendingEvent,
  DepositSnapshot,
} from '@glimmer/contracts/credit/deposit.events';
import { DomainError } from '@glimmer/errors/domain-error';
import { AmqpContext } from '@glimmer/messaging/amqp.context';
import { OnEvent } from '@glimmer/messaging/handlers';
import { DepositClearingScheduler } from './deposit-clearing.scheduler';

/** The scheduler has no database, so no inbox: the job id makes a repeat add nothing. */
const JOB_ID_DEDUPES = 'the deterministic job id per deposit makes a repeated event add nothing';

/**
 * Turns deposit events into delayed jobs. The message is acknowledged only after Redis has the
 * job; if Redis fails, the transport retries it.
 */
@Controller()
export class DepositClearingEvents {
  constructor(private readonly clearing: DepositClearingScheduler) {}

  @OnEvent(DepositPendingEvent, {
    consumer: 'scheduler.deposit-clearing.deposit-pending',
    withoutInbox: JOB_ID_DEDUPES,
  })
  async onPending(p: DepositSnapshot, ctx: AmqpContext): Promise<string> {
    const result = await this.clearing.scheduleSandboxConfirm(p);
    return `${ctx.pattern} ${p.depositId}: sandbox confirmation ${result}`;
  }

  @OnEvent(DepositFundsConfirmedEvent, {
    consumer: 'scheduler.deposit-clearing.deposit-funds-confirmed',
    withoutInbox: JOB_ID_DEDUPES,
  })
  async onFundsConfirmed(p: DepositSnapshot, ctx: AmqpContext): Promise<string> {
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
    return `${ctx.pattern} ${p.depositId}: clearing ${result}`;
  }
}
