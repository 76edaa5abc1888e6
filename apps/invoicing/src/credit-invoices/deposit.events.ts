import { Controller } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DepositClearedEvent,
  DepositFundsConfirmedEvent,
  DepositPendingEvent,
  DepositSnapshot,
  DepositVoidedEvent,
} from '@glimmer/contracts/credit/deposit.events';
import type { AmqpContext } from '@glimmer/messaging/amqp.context';
import { OnEvent } from '@glimmer/messaging/handlers';
import { ApplyDepositSnapshot } from './apply-deposit-snapshot.use-case';

/**
 * Every deposit event carries the whole deposit, so all four are handled alike: the inbox
 * drops a redelivered message, and the version check drops a late one.
 */
@Controller()
export class DepositEvents {
  constructor(private readonly applySnapshot: ApplyDepositSnapshot) {}

  @OnEvent(DepositPendingEvent, { consumer: 'invoicing.credit-invoice.deposit-pending' })
  onPending(p: DepositSnapshot, em: EntityManager, ctx: AmqpContext): Promise<string> {
    return this.apply(p, em, ctx);
  }

  @OnEvent(DepositFundsConfirmedEvent, {
    consumer: 'invoicing.credit-invoice.deposit-funds-confirmed',
  })
  onFundsConfirmed(p: DepositSnapshot, em: EntityManager, ctx: AmqpContext): Promise<string> {
    return this.apply(p, em, ctx);
  }

  @OnEvent(DepositClearedEvent, { consumer: 'invoicing.credit-invoice.deposit-cleared' })
  onCleared(p: DepositSnapshot, em: EntityManager, ctx: AmqpContext): Promise<string> {
    return this.apply(p, em, ctx);
  }

  @OnEvent(DepositVoidedEvent, { consumer: 'invoicing.credit-invoice.deposit-voided' })
  onVoided(p: DepositSnapshot, em: EntityManager, ctx: AmqpContext): Promise<string> {
    return this.apply(p, em, ctx);
  }

  private async apply(p: DepositSnapshot, em: EntityManager, ctx: AmqpContext): Promise<string> {
    const outcome = await this.applySnapshot.execute(em, p);
    return `${ctx.pattern} for credit invoice ${p.creditInvoiceId} (v${p.version}): ${outcome}`;
  }
}
