import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  DepositClearedEvent,
  DepositFundsConfirmedEvent,
  DepositPendingEvent,
  DepositSnapshot,
  DepositVoidedEvent,
} from '@glimmer/contracts/credit/deposit.events';
import { AmqpContext } from '@glimmer/messaging/amqp.context';
import { InboxService } from '@glimmer/messaging/inbox/inbox.service';
import { ApplyDepositSnapshot } from './apply-deposit-snapshot.use-case';

/**
 * Every deposit event carries the whole deposit, so all four are handled alike: the inbox
 * drops a redelivered message, and the version check drops a late one.
 */
@Controller()
export class DepositEventsHandler {
  private readonly logger = new Logger(DepositEventsHandler.name);

  constructor(
    private readonly inbox: InboxService,
    private readonly applySnapshot: ApplyDepositSnapshot,
  ) {}

  @EventPattern(DepositPendingEvent.pattern)
  onPending(@Payload() p: DepositSnapshot, @Ctx() ctx: AmqpContext): Promise<void> {
    return this.apply('invoicing.credit-invoice.deposit-pending', p, ctx);
  }

  @EventPattern(DepositFundsConfirmedEvent.pattern)
  onFundsConfirmed(@Payload() p: DepositSnapshot, @Ctx() ctx: AmqpContext): Promise<void> {
    return this.apply('invoicing.credit-invoice.deposit-funds-confirmed', p, ctx);
  }

  @EventPattern(DepositClearedEvent.pattern)
  onCleared(@Payload() p: DepositSnapshot, @Ctx() ctx: AmqpContext): Promise<void> {
    return this.apply('invoicing.credit-invoice.deposit-cleared', p, ctx);
  }

  @EventPattern(DepositVoidedEvent.pattern)
  onVoided(@Payload() p: DepositSnapshot, @Ctx() ctx: AmqpContext): Promise<void> {
    return this.apply('invoicing.credit-invoice.deposit-voided', p, ctx);
  }

  private async apply(consumer: string, p: DepositSnapshot, ctx: AmqpContext): Promise<void> {
    const result = await this.inbox.runOnce(consumer, ctx, (em) =>
      this.applySnapshot.execute(em, p),
    );
    const outcome = result.duplicate ? 'duplicate' : result.value;
    this.logger.log(
      `${ctx.pattern} for credit invoice ${p.creditInvoiceId} (v${p.version}): ${outcome}`,
    );
  }
}
