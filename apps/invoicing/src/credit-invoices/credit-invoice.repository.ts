import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CreditInvoiceStatus } from '@glimmer/contracts/invoicing/credit-invoice.messages';
import type { KeysetPosition } from '@glimmer/contracts/page';
import type { CreditInvoiceState } from './credit-invoice';
import { CreditInvoice } from './credit-invoice.entity';
import { pastPosition } from '@glimmer/database/page-cursor';

export interface CreditInvoiceFilter {
  brandId: string;
  status?: CreditInvoiceStatus;
  after?: KeysetPosition;
  limit: number;
}

@Injectable()
export class CreditInvoiceRepository {
  /**
   * Inserts the invoice unless one with its id exists; true when this call created it. A
   * concurrent insert of the same id waits for the other transaction, then reports false.
   */
  async insertIfAbsent(em: EntityManager, invoice: CreditInvoiceState): Promise<boolean> {
    const result = await em
      .createQueryBuilder(CreditInvoice)
      .insert(invoice)
      .onConflict('id')
      .ignore()
      .execute('run');
    return result.affectedRows === 1;
  }

  /**
   * Reads and row-locks an invoice for the rest of the transaction. Outside the identity map:
   * changes go through `updateState`, so the commit has nothing to compare.
   */
  lock(em: EntityManager, id: string): Promise<CreditInvoice | null> {
    return em.findOne(
      CreditInvoice,
      { id },
      { lockMode: LockMode.PESSIMISTIC_WRITE, disableIdentityMap: true },
    );
  }

  /**
   * Replaces the mutable state; the caller holds the row lock (`lock`) and checked the version.
   * `invoice` is the locked read, left as it was (the caller decided on it).
   */
  async updateState(
    em: EntityManager,
    invoice: CreditInvoice,
    next: CreditInvoiceState,
  ): Promise<void> {
    const state = {
      status: next.status,
      version: next.version,
      paidAt: next.paidAt,
      voidedAt: next.voidedAt,
      costCode: next.costCode,
    };
    // One update, no unit-of-work flush: every deposit event runs this, and computing change
    // sets over the consumer's whole EntityManager cost more than the statement itself.
    await em.nativeUpdate(CreditInvoice, { id: invoice.id }, state);
  }

  findForBrand(em: EntityManager, brandId: string, id: string): Promise<CreditInvoice | null> {
    return em.findOne(CreditInvoice, { id, brandId });
  }

  /** Newest first by (issued_at, id); `after` is the last row of the previous page. */
  list(em: EntityManager, filter: CreditInvoiceFilter): Promise<CreditInvoice[]> {
    const qb = em
      .createQueryBuilder(CreditInvoice)
      .where({ brandId: filter.brandId, ...(filter.status && { status: filter.status }) })
      .orderBy({ issuedAt: 'desc', id: 'desc' })
      .limit(filter.limit);
    // The (brand_id, issued_at desc, id desc) index serves the page.
    pastPosition(qb, { at: 'issued_at', id: 'id', order: 'desc' }, filter.after);
    return qb.getResultList();
  }
}
