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
  ResolveUnmatchedPaymentRequest,
} from '@glimmer/contracts/credit/payment-notice.messages';
import type { Page } from '@glimmer/contracts/page';
import { keysetPage } from '@glimmer/database/page-cursor';
import { toAmount } from '@glimmer/database/sql';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { requireOps } from '@glimmer/contracts/actor';
import { DepositLifecycleService } from './deposit-lifecycle.service';
import { DepositRepository, DepositRow, toDepositView } from './deposit.repository';
import {
  PaymentNoticeRepository,
  PaymentNoticeRow,
  toPaymentNoticeView,
} from './payment-notice.repository';

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
    const status = req.status ?? 'open';
    return keysetPage(
      req,
      (after, limit) => this.notices.unmatchedPage(em, status, after, limit),
      toPaymentNoticeView,
    );
  }

  /**
   * Ops record what they did with an unmatched payment (refunded at the provider, credited by
   * hand, reversed by the provider). Nothing else changes: no ledger entry, no deposit, no event.
   * The notice's row lock makes concurrent resolutions take turns, so one wins and the others
   * find it resolved. The same resolution again — a gateway retry after a timeout, or a request
   * the broker redelivered after a crash — is answered with the row; any other is a 409.
   */
  resolve(actor: Actor, req: ResolveUnmatchedPaymentRequest): Promise<PaymentNoticeView> {
    requireOps(actor);
    const note = req.note.trim();
    return this.orm.em.fork().transactional(async (em) => {
      const row = await this.notices.byId(em, req.paymentNoticeId, { lock: true });
      if (!row || row.outcome === 'applied') throw notFound('unmatched payment');
      if (row.resolved_at) {
        if (isSameResolution(row, actor, req.resolution, note)) return toPaymentNoticeView(row);
        throw alreadyResolved(row);
      }
      await this.notices.resolve(em, row.id, {
        resolution: req.resolution,
        note,
        userId: actor.userId,
        email: actor.email,
      });
      return toPaymentNoticeView((await this.notices.byId(em, row.id))!);
    });
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

function isSameResolution(
  row: PaymentNoticeRow,
  actor: Actor,
  resolution: string,
  note: string,
): boolean {
  return (
    row.resolved_by === actor.userId &&
    row.resolution === resolution &&
    row.resolution_note === note
  );
}

function alreadyResolved(row: PaymentNoticeRow): DomainError {
  const { resolution, resolvedBy, resolvedAt } = toPaymentNoticeView(row);
  const by = resolvedBy?.email ?? resolvedBy?.userId;
  return new DomainError(
    'payment_already_resolved',
    `this payment was already resolved (${resolution}) by ${by} at ${resolvedAt}; nothing was changed`,
    { meta: { paymentNoticeId: row.id, resolution, resolvedBy, resolvedAt } },
  );
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
