import { Injectable } from '@nestjs/common';
import { LockMode, QueryFlag, raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  PaymentNoticeView,
  PaymentResolution,
  UnmatchedPaymentStatus,
} from '@glimmer/contracts/credit/payment-notice.messages';
import type { KeysetPosition } from '@glimmer/contracts/page';
import { toIso } from '@glimmer/database/sql';
import { PaymentNotice } from './payment-notice.entity';
import { pastPosition } from '@glimmer/database/page-cursor';

export interface NoticeResolution {
  resolution: PaymentResolution;
  note: string;
  userId: string;
  email: string | undefined;
}

export function toPaymentNoticeView(n: PaymentNotice): PaymentNoticeView {
  return {
    id: n.id,
    providerReference: n.providerReference,
    creditInvoiceId: n.creditInvoiceId,
    depositId: n.depositId,
    brandId: n.brandId,
    amount: n.amount,
    currency: n.currency.trim(),
    outcome: n.outcome,
    expected: { amount: n.depositAmount, currency: n.depositCurrency.trim() },
    depositStatus: n.depositStatus,
    signedAt: toIso(n.signedAt),
    receivedAt: toIso(n.receivedAt)!,
    status: n.resolvedAt ? 'resolved' : 'open',
    resolution: n.resolution,
    resolutionNote: n.resolutionNote,
    resolvedBy: n.resolvedBy ? { userId: n.resolvedBy, email: n.resolvedByEmail } : null,
    resolvedAt: toIso(n.resolvedAt),
  };
}

/** Payment notices: one per provider reference; only a resolution is added later. */
@Injectable()
export class PaymentNoticeRepository {
  /**
   * Records a notice unless its provider reference already is; false then (a repeat, or the
   * same payment told twice at once: the unique index makes the second wait for the first).
   */
  async insertOnce(em: EntityManager, notice: PaymentNotice): Promise<boolean> {
    const { affectedRows } = await em
      .createQueryBuilder(PaymentNotice)
      .insert({
        id: notice.id,
        providerReference: notice.providerReference,
        creditInvoiceId: notice.creditInvoiceId,
        depositId: notice.depositId,
        brandId: notice.brandId,
        amount: notice.amount,
        currency: notice.currency,
        outcome: notice.outcome,
        signedAt: notice.signedAt,
      })
      .onConflict('providerReference')
      .ignore()
      .execute('run');
    return affectedRows === 1;
  }

  byProviderReference(em: EntityManager, providerReference: string) {
    return em.findOne(PaymentNotice, { providerReference });
  }

  /** One notice by id; `lock` holds it (for update) until the transaction ends. */
  byId(
    em: EntityManager,
    id: string,
    { lock = false, refresh = false } = {},
  ): Promise<PaymentNotice | null> {
    return em.findOne(
      PaymentNotice,
      { id },
      { refresh, ...(lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {}) },
    );
  }

  /** Records ops' resolution of an unmatched notice not yet resolved; false if it was. */
  async resolve(em: EntityManager, id: string, r: NoticeResolution): Promise<boolean> {
    const affected = await em.nativeUpdate(
      PaymentNotice,
      { id, outcome: { $ne: 'applied' }, resolvedAt: null },
      {
        resolution: r.resolution,
        resolutionNote: r.note,
        resolvedBy: r.userId,
        resolvedByEmail: r.email ?? null,
        resolvedAt: raw('now()'),
      },
    );
    return affected === 1;
  }

  /** Whether a notice already paid this deposit (a further one is a second payment). */
  async appliedTo(em: EntityManager, depositId: string): Promise<boolean> {
    const found = await em.findOne(
      PaymentNotice,
      { depositId, outcome: 'applied' },
      { fields: ['id'] },
    );
    return found !== null;
  }

  /** Notices that cleared nothing, open or resolved, oldest first by (received_at, id). */
  async unmatchedPage(
    em: EntityManager,
    status: UnmatchedPaymentStatus,
    after: KeysetPosition | undefined,
    limit: number,
  ): Promise<{ notice: PaymentNotice; position: KeysetPosition }[]> {
    const qb = em
      .createQueryBuilder(PaymentNotice, 'n')
      .select('*')
      // Each list on its own partial index (payment_notice_open_idx, payment_notice_resolved_idx).
      .where(
        status === 'open'
          ? { outcome: { $ne: 'applied' }, resolvedAt: null }
          : { resolvedAt: { $ne: null } },
      )
      .orderBy({ receivedAt: 'asc', id: 'asc' })
      .limit(limit)
      .setFlag(QueryFlag.INCLUDE_LAZY_FORMULAS);
    // The keyset walks the (received_at, id) index.
    pastPosition(qb, { at: 'n.received_at', id: 'n.id' }, after);
    const notices = await qb.getResultList();
    return notices.map((notice) => ({
      notice,
      position: { createdAt: notice.cursorAt!, id: notice.id },
    }));
  }
}
