import { Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@glimmer/contracts/actor';
import type {
  ListUnmatchedPaymentsRequest,
  PaymentNoticeOutcome,
  PaymentNoticeView,
  ReceivePaymentRequest,
  ReceivePaymentResult,
} from '@glimmer/contracts/credit/payment-notice.messages';
import type { Page } from '@glimmer/contracts/page';
import { keysetPage } from '@glimmer/database/page-cursor';
import { toAmount } from '@glimmer/database/sql';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { requireOps } from '../common/brand-actor';
import { DepositLifecycleService } from './deposit-lifecycle.service';
import { DepositRepository, DepositRow, toDepositView } from './deposit.repository';
import { PaymentNoticeRepository, toPaymentNoticeView } from './payment-notice.repository';

/**
 * Payments the provider's webhook reports. A notice clears a deposit only when it pays exactly
 * the deposit's amount in its currency, once; anything else — a partial or an over-payment,
 * another currency, late funds after a void, a second payment — is recorded and listed for ops
 * (who refund it or re-open the credit by hand) and never clears anything. The record is
 * committed before the refusal is answered, so the money is known even when the answer is 409.
 */
@Injectable()
export class PaymentNoticesService {
  constructor(
    private readonly orm: MikroORM,
    private readonly deposits: DepositRepository,
    private readonly notices: PaymentNoticeRepository,
    private readonly lifecycle: DepositLifecycleService,
  ) {}

  async receive(req: ReceivePaymentRequest): Promise<ReceivePaymentResult> {
    const result = await this.orm.em.fork().transactional(async (em) => {
      // The deposit's lock orders every notice, confirmation and void of one credit invoice.
      const deposit = await this.deposits.byCreditInvoice(em, req.creditInvoiceId, { lock: true });
      if (!deposit) throw notFound('credit invoice');
      const outcome = await this.outcomeFor(em, deposit, req);
      const recorded = await this.notices.insertOnce(em, {
        id: randomUUID(),
        providerReference: req.providerReference,
        creditInvoiceId: req.creditInvoiceId,
        depositId: deposit.id,
        brandId: deposit.brand_id,
        amount: req.amount,
        currency: req.currency,
        outcome,
        signedAt: req.signedAt,
      });
      // A repeated notice (same provider reference) changes nothing: recorded once, applied once.
      const current =
        recorded && outcome === 'applied' && !deposit.funds_confirmed_at
          ? await this.lifecycle.confirmLocked(em, deposit, 'webhook')
          : deposit;
      const notice = await this.notices.byProviderReference(em, req.providerReference);
      return { notice: toPaymentNoticeView(notice!), deposit: toDepositView(current) };
    });
    if (result.notice.outcome !== 'applied') throw refusal(result.notice);
    return result;
  }

  listUnmatched(actor: Actor, req: ListUnmatchedPaymentsRequest): Promise<Page<PaymentNoticeView>> {
    requireOps(actor);
    const em = this.orm.em.fork();
    return keysetPage(
      req,
      (after, limit) => this.notices.unmatchedPage(em, after, limit),
      toPaymentNoticeView,
    );
  }

  private async outcomeFor(
    em: EntityManager,
    deposit: DepositRow,
    req: ReceivePaymentRequest,
  ): Promise<PaymentNoticeOutcome> {
    if (deposit.status === 'voided') return 'deposit_voided';
    if (req.currency !== deposit.currency.trim()) return 'currency_mismatch';
    if (req.amount !== toAmount(deposit.amount)) return 'amount_mismatch';
    // Funds ops (or the sandbox) confirmed before the provider's notice came: this is that money.
    // Funds another notice already paid: this is a second payment.
    if (deposit.funds_confirmed_at && (await this.notices.appliedTo(em, deposit.id))) {
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
