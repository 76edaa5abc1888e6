import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { type Actor, requireOps } from '@glimmer/contracts/actor';
import type {
  PaymentNoticeView,
  ResolveUnmatchedPaymentRequest,
} from '@glimmer/contracts/credit/payment-notice.messages';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import type { PaymentNotice } from './payment-notice.entity';
import { PaymentNoticeRepository, toPaymentNoticeView } from './payment-notice.repository';

export interface ResolveUnmatchedPaymentCommand {
  actor: Actor;
  request: ResolveUnmatchedPaymentRequest;
}

/**
 * Ops record what they did with an unmatched payment (refunded at the provider, credited by
 * hand, reversed by the provider). Nothing else changes: no ledger entry, no deposit, no event.
 * The notice's row lock makes concurrent resolutions take turns, so one wins and the others
 * find it resolved. The same resolution again — a gateway retry after a timeout, or a request
 * the broker redelivered after a crash — is answered with the row; any other is a 409.
 */
@Injectable()
export class ResolveUnmatchedPayment {
  constructor(
    private readonly orm: MikroORM,
    private readonly notices: PaymentNoticeRepository,
  ) {}

  execute({ actor, request: req }: ResolveUnmatchedPaymentCommand): Promise<PaymentNoticeView> {
    requireOps(actor);
    const note = req.note.trim();
    return this.orm.em.fork().transactional(async (em) => {
      const notice = await this.notices.byId(em, req.paymentNoticeId, { lock: true });
      if (!notice || notice.outcome === 'applied') throw notFound('unmatched payment');
      if (notice.resolvedAt) {
        if (isSameResolution(notice, actor, req.resolution, note))
          return toPaymentNoticeView(notice);
        throw alreadyResolved(notice);
      }
      await this.notices.resolve(em, notice.id, {
        resolution: req.resolution,
        note,
        userId: actor.userId,
        email: actor.email,
      });
      return toPaymentNoticeView((await this.notices.byId(em, notice.id, { refresh: true }))!);
    });
  }
}

function isSameResolution(
  notice: PaymentNotice,
  actor: Actor,
  resolution: string,
  note: string,
): boolean {
  return (
    notice.resolvedBy === actor.userId &&
    notice.resolution === resolution &&
    notice.resolutionNote === note
  );
}

function alreadyResolved(notice: PaymentNotice): DomainError {
  const { resolution, resolvedBy, resolvedAt } = toPaymentNoticeView(notice);
  const by = resolvedBy?.email ?? resolvedBy?.userId;
  return new DomainError(
    'payment_already_resolved',
    `this payment was already resolved (${resolution}) by ${by} at ${resolvedAt}; nothing was changed`,
    { meta: { paymentNoticeId: notice.id, resolution, resolvedBy, resolvedAt } },
  );
}
