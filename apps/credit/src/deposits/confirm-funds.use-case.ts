import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { DepositFundsConfirmedEvent } from '@glimmer/contracts/credit/deposit.events';
import type {
  DepositView,
  FundsConfirmationSource,
} from '@glimmer/contracts/credit/deposit.messages';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { OutboxService } from '@glimmer/messaging/outbox/outbox.service';
import { DepositRepository } from './deposit.repository';
import { toDepositSnapshot, toDepositView } from './deposit.views';

export interface ConfirmFundsCommand {
  creditInvoiceId: string;
  source: FundsConfirmationSource;
}

/**
 * The funds of a credit invoice have arrived (ops, the sandbox; the provider's notice goes
 * through ReceivePayment). The deposit's row lock orders it with every other change to the
 * deposit; confirming again answers the deposit as it stands, without a new event.
 */
@Injectable()
export class ConfirmFunds {
  constructor(
    private readonly orm: MikroORM,
    private readonly deposits: DepositRepository,
    private readonly outbox: OutboxService,
  ) {}

  execute({ creditInvoiceId, source }: ConfirmFundsCommand): Promise<DepositView> {
    return this.orm.em.fork().transactional(async (em) => {
      const deposit = await this.deposits.byCreditInvoice(em, creditInvoiceId, { lock: true });
      if (!deposit) throw notFound('credit invoice');
      if (deposit.fundsConfirmedAt) return toDepositView(deposit);
      if (deposit.status === 'voided')
        throw new DomainError('deposit_voided', 'the credit invoice was voided');
      const confirmed = await this.deposits.confirmFunds(em, deposit, source);
      await this.outbox.add(em, DepositFundsConfirmedEvent, toDepositSnapshot(confirmed));
      return toDepositView(confirmed);
    });
  }
}
