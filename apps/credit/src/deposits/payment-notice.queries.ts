import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { type Actor, requireOps } from '@glimmer/contracts/actor';
import type {
  ListUnmatchedPaymentsRequest,
  PaymentNoticeView,
} from '@glimmer/contracts/credit/payment-notice.messages';
import type { Page } from '@glimmer/contracts/page';
import { keysetPage } from '@glimmer/database/page-cursor';
import { PaymentNoticeRepository, toPaymentNoticeView } from './payment-notice.repository';

/** Ops' lists of payments that cleared nothing, open or resolved (a read only). */
@Injectable()
export class PaymentNoticeQueries {
  constructor(
    private readonly orm: MikroORM,
    private readonly notices: PaymentNoticeRepository,
  ) {}

  listUnmatched(actor: Actor, req: ListUnmatchedPaymentsRequest): Promise<Page<PaymentNoticeView>> {
    requireOps(actor);
    const em = this.orm.em.fork();
    const status = req.status ?? 'open';
    return keysetPage(
      req,
      (after, limit) => this.notices.unmatchedPage(em, status, after, limit),
      (row) => toPaymentNoticeView(row.notice),
    );
  }
}
