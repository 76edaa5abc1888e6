import { Injectable } from '@nestjs/common';
import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { DepositFundsConfirmedEvent } from '@glimmer/contracts/credit/deposit.events';
import type {
  PaymentNoticeOutcome,
  PaymentNoticeView,
  ReceivePaymentRequest,
  ReceivePaymentResult,
} from '@glimmer/contracts/credit/payment-notice.messages';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { OutboxService } from '@glimmer/messaging/outbox/outbox.service';
import type { Deposit } from './deposit.entity';
import { DepositRepository } from './deposit.repository';
import { toDepositSnapshot, toDepositView } from './deposit.views';
import { PaymentNotice } from './payment-notice.entity';
import { PaymentNoticeRepository, toPaymentNoticeView } from './payment-notice.repository';

/**
 * A payment the provider's webhook reports. A notice clears a deposit only when it pays exactly
 * the deposit's amount in its currency, once; anything else — a partial or an over-payment,
 * another currency, late funds after a void, a second payment — is recorded and listed for ops
 * (who refund it or re-open the credit by hand) and never clears anything. The record is
 * committed before the refusal is answered, so the money is known even when the answer is 409.
 */
@Injectable()
export class ReceivePayment {
  constructor(
    private readonly orm: MikroORM,
    private readonly deposits: DepositRepository,
    private readonly notices: PaymentNoticeRepository,
    private readonly outbox: OutboxService,
  ) {}

  async execute(req: ReceivePaymentRequest): Promise<ReceivePaymentResult> {
    const result = await this.orm.em.fork().transactional(async (em) => {
      // The deposit's lock orders every notice, confirmation and void of one credit invoice.
      const deposit = await this.deposits.byCreditInvoice(em, req.creditInvoiceId, { lock: true });
      if (!deposit) throw notFound('credit invoice');
      const outcome = await this.outcomeFor(em, deposit, req);
      const recorded = await this.notices.insertOnce(
        em,
        Object.assign(new PaymentNotice(), {
          id: randomUUID(),
          providerReference: req.providerReference,
          creditInvoiceId: req.creditInvoiceId,
          depositId: deposit.id,
          brandId: deposit.brandId,
          amount: req.amount,
          currency: req.currency,
          outcome,
          signedAt: req.signedAt ? new Date(req.signedAt) : null,
        }),
      );
      // A repeated notice (same provider reference) changes nothing: recorded once, applied once.
      let current = deposit;
      if (recorded && outcome === 'applied' && !deposit.fundsConfirmedAt) {
        current = await this.deposits.confirmFunds(em, deposit, 'webhook');
        await this.outbox.add(em, DepositFundsConfirmedEvent, toDepositSnapshot(current));
      }
      const notice = await this.notices.byProviderReference(em, req.providerReference);
      return { notice: toPaymentNoticeView(notice!), deposit: toDepositView(current) };
    });
    if (result.notice.outcome !== 'applied') throw refusal(result.notice);
    return result;
  }

  private async outcomeFor(
    em: EntityManager,
    deposit: Deposit,
    req: ReceivePaymentRequest,
  ): Promise<PaymentNoticeOutcome> {
    if (deposit.status === 'voided') return 'deposit_voided';
    if (req.currency !== deposit.currency.trim()) return 'currency_mismatch';
    if (req.amount !== deposit.amount) return 'amount_mismatch';
    // Funds ops (or the sandbox) confirmed before the provider's notice came: this is that money.
    // Funds another notice already paid: this is a second payment.
    if (deposit.fundsConfirmedAt && (await this.notices.appliedTo(em, deposit.id))) {
      return 'already_paid';
    }
    return 'applied';
  }
}

/** The answer to a notice that cleared nothing; it names the recorded notice for ops. */
function refusal(notice: PaymentNoticeView): DomainError {
  const meta = {
    paymentNoticeId: notice.id,
    outcome: notice.outcome,
    expected: notice.expected,
    received: { amount: notice.amount, currency: notice.currency },
  };
  const recorded = 'the payment is recorded for ops to refund or re-open';
  switch (notice.outcome) {
    case 'deposit_voided':
      return new DomainError('deposit_voided', `the credit invoice was voided; ${recorded}`, {
        meta,
      });
    case 'already_paid':
      return new DomainError(
        'credit_invoice_already_paid',
        `another payment already paid this credit invoice; ${recorded}`,
        { meta },
      );
    default:
      return new DomainError(
        'payment_mismatch',
        `received ${notice.amount} ${notice.currency}, the credit invoice is for ` +
          `${notice.expected.amount} ${notice.expected.currency}; nothing was cleared and ${recorded}`,
        { meta },
      );
  }
}
