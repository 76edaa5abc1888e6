import { Injectable } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { type Actor, requireBrand } from '@glimmer/contracts/actor';
import { DepositVoidedEvent } from '@glimmer/contracts/credit/deposit.events';
import type { VoidCreditInvoiceResult } from '@glimmer/contracts/credit/deposit.messages';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { OutboxService } from '@glimmer/messaging/outbox/outbox.service';
import type { CostCode } from '../cost-codes/cost-code.entity';
import { CostCodeRepository } from '../cost-codes/cost-code.repository';
import { move } from '../ledger/ledger-legs';
import { LedgerGroupCommit } from '../ledger/ledger-group-commit';
import { LedgerService } from '../ledger/ledger.service';
import { DepositRepository } from './deposit.repository';
import { toDepositSnapshot, toVoidResult } from './deposit.views';

export interface VoidCreditInvoiceCommand {
  actor: Actor;
  creditInvoiceId: string;
}

/**
 * A brand deletes an unpaid credit invoice: the deposit is voided and its pending credit
 * leaves. Under the deposit's row lock; voiding again answers the same result, no new event.
 */
@Injectable()
export class VoidCreditInvoice {
  constructor(
    private readonly orm: MikroORM,
    private readonly deposits: DepositRepository,
    private readonly costCodes: CostCodeRepository,
    private readonly ledger: LedgerService,
    private readonly outbox: OutboxService,
    private readonly batches: LedgerGroupCommit,
  ) {}

  async execute({
    actor,
    creditInvoiceId,
  }: VoidCreditInvoiceCommand): Promise<VoidCreditInvoiceResult> {
    const brand = requireBrand(actor);
    // The accounts the void posts to, read first so the group commit locks them up front.
    const readEm = this.orm.em.fork();
    const known = await this.deposits.byCreditInvoice(readEm, creditInvoiceId);
    if (!known || known.brandId !== brand.brandId) throw notFound('credit invoice');
    const accounts = await this.costCodes.get(readEm, known.brandId, known.costCodeId);
    // The deposit's own posting made the brand's funding account: it exists.
    const funding = await this.ledger.fundingAccount(readEm, known.brandId, known.currency.trim());
    return this.batches.run({
      lockRows: [accounts.pendingAccountId, funding],
      run: (em) => this.voidIn(em, creditInvoiceId, accounts, funding),
    });
  }

  private async voidIn(
    em: EntityManager,
    creditInvoiceId: string,
    accounts: CostCode,
    funding: string,
  ): Promise<VoidCreditInvoiceResult> {
    const deposit = (await this.deposits.byCreditInvoice(em, creditInvoiceId, { lock: true }))!;
    if (deposit.status === 'voided') return toVoidResult(deposit);
    if (deposit.status === 'cleared') {
      throw new DomainError(
        'deposit_already_cleared',
        'the credit has cleared; its invoice is paid',
        {
          meta: { depositId: deposit.id },
        },
      );
    }
    if (deposit.fundsConfirmedAt) {
      throw new DomainError(
        'credit_invoice_already_paid',
        'the funds for this credit invoice have arrived',
        { meta: { depositId: deposit.id } },
      );
    }
    await this.ledger.post(em, {
      brandId: deposit.brandId,
      kind: 'deposit_voided',
      referenceId: deposit.id,
      legs: move(accounts.pendingAccountId, funding, deposit.amount),
    });
    const voided = await this.deposits.void(em, deposit);
    await this.outbox.add(em, DepositVoidedEvent, toDepositSnapshot(voided));
    return toVoidResult(voided);
  }
}
