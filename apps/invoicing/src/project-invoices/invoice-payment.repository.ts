import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { InvoicePaymentView } from '@glimmer/contracts/invoicing/project-invoice.messages';
import { InvoicePayment } from './invoice-payment.entity';

export type NewInvoicePayment = Pick<
  InvoicePayment,
  'invoiceId' | 'brandId' | 'costCodeId' | 'amount' | 'currency' | 'idempotencyKey' | 'requestHash'
>;

/** Credit applications to project invoices. */
@Injectable()
export class InvoicePaymentRepository {
  /** The payment a brand's key made on an invoice, if any. */
  findByKey(
    em: EntityManager,
    brandId: string,
    invoiceId: string,
    idempotencyKey: string,
  ): Promise<InvoicePayment | null> {
    return em.findOne(InvoicePayment, { invoiceId, brandId, idempotencyKey });
  }

  async insertPending(em: EntityManager, p: NewInvoicePayment): Promise<InvoicePayment> {
    const payment = em.create(InvoicePayment, { ...p, id: randomUUID(), status: 'pending' });
    await em.flush();
    return payment;
  }

  /** Reads and row-locks a payment; lock its invoice first (the order every writer uses). */
  lock(em: EntityManager, id: string): Promise<InvoicePayment> {
    return em.findOneOrFail(
      InvoicePayment,
      { id },
      {
        lockMode: LockMode.PESSIMISTIC_WRITE,
        failHandler: () => new Error(`invoice payment ${id} does not exist`),
      },
    );
  }

  /** Pending payments created more than `olderThanMs` ago, oldest first. */
  stale(em: EntityManager, olderThanMs: number, limit: number): Promise<InvoicePayment[]> {
    return (
      em
        .createQueryBuilder(InvoicePayment, 'p')
        .where({ status: 'pending' })
        // The database's clock, the one that wrote created_at (served by invoice_payment_pending_idx).
        .andWhere(`p.created_at < now() - (? * interval '1 millisecond')`, [olderThanMs])
        .orderBy({ createdAt: 'asc' })
        .limit(limit)
        .getResultList()
    );
  }

  /** The applied payments of each invoice, in the order they were applied. */
  async appliedFor(
    em: EntityManager,
    invoiceIds: string[],
  ): Promise<Map<string, InvoicePaymentView[]>> {
    const applied = new Map<string, InvoicePaymentView[]>(invoiceIds.map((id) => [id, []]));
    if (invoiceIds.length === 0) return applied;
    const payments = await em.find(
      InvoicePayment,
      { invoiceId: { $in: invoiceIds }, status: 'applied' },
      { orderBy: { settledAt: 'asc', id: 'asc' } },
    );
    for (const p of payments) {
      applied.get(p.invoiceId)!.push({
        id: p.id,
        costCodeId: p.costCodeId,
        amount: p.amount,
        at: p.settledAt!.toISOString(),
      });
    }
    return applied;
  }
}
