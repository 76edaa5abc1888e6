import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DepositStatus } from '@glimmer/contracts/credit/deposit.messages';
import type {
  PaymentNoticeOutcome,
  PaymentNoticeView,
  PaymentResolution,
  UnmatchedPaymentStatus,
} from '@glimmer/contracts/credit/payment-notice.messages';
import type { KeysetPosition } from '@glimmer/contracts/page';
import { positionSql } from '@glimmer/database/page-cursor';
import { toAmount, toIso } from '@glimmer/database/sql';

/** A payment notice with the amount, currency and status of its deposit. */
export interface PaymentNoticeRow {
  id: string;
  provider_reference: string;
  credit_invoice_id: string;
  deposit_id: string;
  brand_id: string;
  amount: string;
  currency: string;
  outcome: PaymentNoticeOutcome;
  signed_at: string | Date | null;
  received_at: string | Date;
  resolution: PaymentResolution | null;
  resolution_note: string | null;
  resolved_by: string | null;
  resolved_by_email: string | null;
  resolved_at: string | Date | null;
  deposit_amount: string;
  deposit_currency: string;
  deposit_status: DepositStatus;
}

export interface NewPaymentNotice {
  id: string;
  providerReference: string;
  creditInvoiceId: string;
  depositId: string;
  brandId: string;
  amount: number;
  currency: string;
  outcome: PaymentNoticeOutcome;
  signedAt: string | undefined;
}

export interface NoticeResolution {
  resolution: PaymentResolution;
  note: string;
  userId: string;
  email: string | undefined;
}

const SELECT = `select n.*, d.amount as deposit_amount, d.currency as deposit_currency,
    d.status as deposit_status
  from payment_notice n join deposit d on d.id = n.deposit_id`;

export function toPaymentNoticeView(row: PaymentNoticeRow): PaymentNoticeView {
  return {
    id: row.id,
    providerReference: row.provider_reference,
    creditInvoiceId: row.credit_invoice_id,
    depositId: row.deposit_id,
    brandId: row.brand_id,
    amount: toAmount(row.amount),
    currency: row.currency.trim(),
    outcome: row.outcome,
    expected: { amount: toAmount(row.deposit_amount), currency: row.deposit_currency.trim() },
    depositStatus: row.deposit_status,
    signedAt: toIso(row.signed_at),
    receivedAt: toIso(row.received_at)!,
    status: row.resolved_at ? 'resolved' : 'open',
    resolution: row.resolution,
    resolutionNote: row.resolution_note,
    resolvedBy: row.resolved_by ? { userId: row.resolved_by, email: row.resolved_by_email } : null,
    resolvedAt: toIso(row.resolved_at),
  };
}

/** SQL for payment notices: one row per provider reference; only a resolution is added later. */
@Injectable()
export class PaymentNoticeRepository {
  /**
   * Records a notice unless its provider reference already is; false then (a repeat, or the
   * same payment told twice at once: the unique index makes the second wait for the first).
   */
  async insertOnce(em: EntityManager, n: NewPaymentNotice): Promise<boolean> {
    const rows = await em.execute<{ id: string }[]>(
      `insert into payment_notice (id, provider_reference, credit_invoice_id, deposit_id, brand_id,
         amount, currency, outcome, signed_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (provider_reference) do nothing returning id`,
      [
        n.id,
        n.providerReference,
        n.creditInvoiceId,
        n.depositId,
        n.brandId,
        n.amount,
        n.currency,
        n.outcome,
        n.signedAt ?? null,
      ],
    );
    return rows.length === 1;
  }

  async byProviderReference(
    em: EntityManager,
    providerReference: string,
  ): Promise<PaymentNoticeRow | undefined> {
    const [row] = await em.execute<PaymentNoticeRow[]>(`${SELECT} where n.provider_reference = ?`, [
      providerReference,
    ]);
    return row;
  }

  /** One notice by id; `lock` holds it (for update) until the transaction ends. */
  async byId(
    em: EntityManager,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<PaymentNoticeRow | undefined> {
    const [row] = await em.execute<PaymentNoticeRow[]>(
      `${SELECT} where n.id = ?${options.lock ? ' for update of n' : ''}`,
      [id],
    );
    return row;
  }

  /** Records ops' resolution of an unmatched notice not yet resolved; false if it was. */
  async resolve(em: EntityManager, id: string, r: NoticeResolution): Promise<boolean> {
    const rows = await em.execute<{ id: string }[]>(
      `update payment_notice set resolution = ?, resolution_note = ?, resolved_by = ?,
         resolved_by_email = ?, resolved_at = now()
       where id = ? and outcome <> 'applied' and resolved_at is null returning id`,
      [r.resolution, r.note, r.userId, r.email ?? null, id],
    );
    return rows.length === 1;
  }

  /** Whether a notice already paid this deposit (a further one is a second payment). */
  async appliedTo(em: EntityManager, depositId: string): Promise<boolean> {
    const rows = await em.execute(
      `select 1 from payment_notice where deposit_id = ? and outcome = 'applied' limit 1`,
      [depositId],
    );
    return rows.length > 0;
  }

  /** Notices that cleared nothing, open or resolved, oldest first by (received_at, id). */
  async unmatchedPage(
    em: EntityManager,
    status: UnmatchedPaymentStatus,
    after: KeysetPosition | undefined,
    limit: number,
  ) {
    const params: unknown[] = [];
    let where =
      status === 'open'
        ? `n.outcome <> 'applied' and n.resolved_at is null`
        : `n.resolved_at is not null`;
    if (after) {
      where += ' and (n.received_at, n.id) > (?::timestamptz, ?::uuid)';
      params.push(after.createdAt, after.id);
    }
    params.push(limit);
    const rows = await em.execute<(PaymentNoticeRow & { position_at: string })[]>(
      `select n.*, d.amount as deposit_amount, d.currency as deposit_currency,
         d.status as deposit_status, ${positionSql('n.received_at')} as position_at
       from payment_notice n join deposit d on d.id = n.deposit_id
       where ${where} order by n.received_at, n.id limit ?`,
      params,
    );
    return rows.map((row) => ({ ...row, position: { createdAt: row.position_at, id: row.id } }));
  }
}
