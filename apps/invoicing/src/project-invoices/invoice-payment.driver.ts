import { Inject, Injectable } from '@nestjs/common';
import { CONFIG } from '@glimmer/config/config';
import { MikroORM } from '@mikro-orm/postgresql';
import { DrawForInvoiceRpc } from '@glimmer/contracts/credit/invoice-draw.messages';
import { ProjectInvoicePaidEvent } from '@glimmer/contracts/invoicing/project-invoice.events';
import { DomainError } from '@glimmer/errors/domain-error';
import { OutboxService } from '@glimmer/messaging/outbox/outbox.service';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import type { InvoicingConfig } from '../invoicing.config';
import { settle } from './invoice-payment';
import type { InvoicePayment } from './invoice-payment.entity';
import { InvoicePaymentRepository } from './invoice-payment.repository';
import { recordPaid, release } from './project-invoice';
import { ProjectInvoiceRepository } from './project-invoice.repository';

/** Credit's final answer for a payment, and whether this call was the one that recorded it. */
export type DriveResult =
  | { outcome: 'applied'; recorded: boolean }
  | { outcome: 'rejected'; error: DomainError; recorded: boolean };

/**
 * Takes a pending payment to its end: asks credit to draw (the payment id is credit's
 * idempotency key, and credit's first answer for it is final), then records that answer on the
 * invoice. Safe to run any number of times for one payment, concurrently too — the request that
 * made it, a retry with its key, or the stale-payment sweep after a crash or a lost reply.
 * A timeout or an unreachable credit throws and leaves the payment pending (still reserved).
 */
@Injectable()
export class InvoicePaymentDriver {
  constructor(
    private readonly orm: MikroORM,
    private readonly rpc: RpcClient,
    private readonly invoices: ProjectInvoiceRepository,
    private readonly payments: InvoicePaymentRepository,
    private readonly outbox: OutboxService,
    @Inject(CONFIG) private readonly config: InvoicingConfig,
  ) {}

  async drive(payment: InvoicePayment): Promise<DriveResult> {
    try {
      await this.rpc.call(
        DrawForInvoiceRpc,
        {
          paymentId: payment.id,
          brandId: payment.brandId,
          currency: payment.currency,
          invoiceId: payment.invoiceId,
          costCodeId: payment.costCodeId,
          amount: payment.amount,
        },
        // Shorter than the gateway's own deadline, so a slow credit service is answered as a
        // timeout by this hop (payment left pending, retry re-drives it), not by the gateway.
        { timeoutMs: Math.ceil(this.config.RPC_TIMEOUT_MS * 0.6) },
      );
    } catch (err) {
      // Only a client error is credit's answer; anything else says nothing about the draw.
      if (!(err instanceof DomainError) || err.retriable) throw err;
      return { outcome: 'rejected', error: err, recorded: await this.record(payment, err) };
    }
    return { outcome: 'applied', recorded: await this.record(payment, null) };
  }

  /** Records credit's answer unless a twin already did; true when this call recorded it. */
  private record(payment: InvoicePayment, refusal: DomainError | null): Promise<boolean> {
    return this.orm.em.fork().transactional(async (em) => {
      // Invoice before payment: the lock order every writer of both uses.
      const invoice = await this.invoices.lock(em, payment.invoiceId);
      const locked = await this.payments.lock(em, payment.id);
      if (locked.status !== 'pending') return false;
      const now = new Date();
      settle(locked, refusal, now);
      if (refusal) release(invoice, payment.amount);
      else recordPaid(invoice, payment.amount, now);
      // One flush writes both locked rows' changes.
      await em.flush();
      if (refusal) return true;
      if (invoice.status === 'paid') {
        // The payout service pays the creator on this; it exists once, with the flip to paid.
        await this.outbox.add(em, ProjectInvoicePaidEvent, {
          invoiceId: invoice.id,
          projectId: invoice.projectId,
          brandId: invoice.brandId,
          creatorId: invoice.creatorId,
          title: invoice.title,
          amount: invoice.amount,
          currency: invoice.currency,
          paidAt: invoice.paidAt!.toISOString(),
        });
      }
      return true;
    });
  }
}
