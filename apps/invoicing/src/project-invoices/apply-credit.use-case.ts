import { Injectable } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { requireBrand } from '@glimmer/contracts/actor';
import type {
  ApplyCreditRequest,
  ProjectInvoiceView,
} from '@glimmer/contracts/invoicing/project-invoice.messages';
import { runIdempotentCommand } from '@glimmer/database/idempotent-command';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { GetProjectInvoice } from './get-project-invoice.use-case';
import { applyRequestHash } from './invoice-payment';
import type { InvoicePayment } from './invoice-payment.entity';
import { InvoicePaymentDriver } from './invoice-payment.driver';
import { InvoicePaymentRepository } from './invoice-payment.repository';
import { amountDue, isPayable, payableNow, reserve } from './project-invoice';
import { ProjectInvoiceRepository } from './project-invoice.repository';

/**
 * Pays (part of) a project invoice with credit, in two steps so nothing is lost if the process
 * dies in between: (1) under the invoice's row lock, check the request and reserve its amount
 * as a pending payment, and commit; (2) have credit draw it and record the answer
 * (InvoicePaymentDriver). Reservations make concurrent requests exact: what is due less what
 * is reserved is all a new request may take, so the invoice is never over-paid.
 */
@Injectable()
export class ApplyCredit {
  constructor(
    private readonly orm: MikroORM,
    private readonly invoices: ProjectInvoiceRepository,
    private readonly payments: InvoicePaymentRepository,
    private readonly driver: InvoicePaymentDriver,
    private readonly getInvoice: GetProjectInvoice,
  ) {}

  async execute(req: ApplyCreditRequest): Promise<ProjectInvoiceView> {
    const { brandId } = requireBrand(req.actor);
    const payment = await this.reserve(brandId, req);
    if (payment.status === 'rejected') throw DomainError.fromSerialized(payment.error!);
    if (payment.status === 'pending') {
      const result = await this.driver.drive(payment);
      if (result.outcome === 'rejected') throw result.error;
    }
    return this.getInvoice.execute({ actor: req.actor, invoiceId: req.invoiceId });
  }

  /**
   * Step 1, the keyed create: the payment this key made earlier (same request), or a new
   * pending one. The invoice's row lock, taken inside, also serialises requests with other keys.
   */
  private reserve(brandId: string, req: ApplyCreditRequest): Promise<InvoicePayment> {
    return runIdempotentCommand(this.orm, {
      lockName: `invoicing:apply-credit:${brandId}:${req.invoiceId}:${req.idempotencyKey}`,
      uniqueConstraint: 'invoice_payment_idempotency_key',
      hash: applyRequestHash(req),
      find: async (em) => {
        const earlier = await this.payments.findByKey(
          em,
          brandId,
          req.invoiceId,
          req.idempotencyKey,
        );
        return earlier
          ? { requestHash: earlier.requestHash, result: async () => earlier }
          : undefined;
      },
      create: (em) => this.reserveIn(em, brandId, req),
    });
  }

  private async reserveIn(
    em: EntityManager,
    brandId: string,
    req: ApplyCreditRequest,
  ): Promise<InvoicePayment> {
    const invoice = await this.invoices.findForBrand(em, brandId, req.invoiceId, { lock: true });
    if (!invoice) throw notFound(`project invoice ${req.invoiceId}`);

    if (!isPayable(invoice)) {
      throw new DomainError('invoice_not_payable', `the invoice is ${invoice.status}`, {
        meta: { status: invoice.status },
      });
    }
    const attached = (await this.invoices.attachedCostCodes(em, [invoice.id])).get(invoice.id)!;
    if (!attached.includes(req.costCodeId)) {
      throw new DomainError(
        'cost_code_not_attached',
        `cost code ${req.costCodeId} is not attached to the invoice; attach it first`,
        { meta: { attachedCostCodeIds: attached } },
      );
    }
    const due = amountDue(invoice);
    const payable = payableNow(invoice);
    const amount = req.amount ?? payable;
    if (amount <= 0 || amount > payable) {
      const held = invoice.amountReserved
        ? `, of which ${invoice.amountReserved} is held by payments in progress`
        : '';
      throw new DomainError(
        'amount_exceeds_due',
        `${amount > 0 ? `${amount} is more than can be paid: ` : ''}the amount due is ${due}${held}`,
        { meta: { amountDue: due, reserved: invoice.amountReserved, payable, requested: amount } },
      );
    }

    const payment = await this.payments.insertPending(em, {
      invoiceId: invoice.id,
      brandId,
      costCodeId: req.costCodeId,
      amount,
      currency: invoice.currency,
      idempotencyKey: req.idempotencyKey,
      requestHash: applyRequestHash(req),
    });
    reserve(invoice, amount);
    await em.flush();
    return payment;
  }
}
