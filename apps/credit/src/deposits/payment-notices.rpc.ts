import { Controller } from '@nestjs/common';
import {
  ListUnmatchedPaymentsRequest,
  ListUnmatchedPaymentsRpc,
  PaymentNoticeView,
  ReceivePaymentRequest,
  ReceivePaymentResult,
  ReceivePaymentRpc,
  ResolveUnmatchedPaymentRequest,
  ResolveUnmatchedPaymentRpc,
} from '@glimmer/contracts/credit/payment-notice.messages';
import type { Page } from '@glimmer/contracts/page';
import { PaymentNoticeQueries } from './payment-notice.queries';
import { ReceivePayment } from './receive-payment.use-case';
import { ResolveUnmatchedPayment } from './resolve-unmatched-payment.use-case';
import { OnRpc } from '@glimmer/messaging/handlers';

/** The provider's payment notices (from the gateway's signed webhook); ops' list of unmatched ones and their resolution. */
@Controller()
export class PaymentNoticesRpc {
  constructor(
    private readonly receivePayment: ReceivePayment,
    private readonly resolveUnmatched: ResolveUnmatchedPayment,
    private readonly notices: PaymentNoticeQueries,
  ) {}

  @OnRpc(ReceivePaymentRpc)
  receive(req: ReceivePaymentRequest): Promise<ReceivePaymentResult> {
    return this.receivePayment.execute(req);
  }

  @OnRpc(ListUnmatchedPaymentsRpc)
  listUnmatched(req: ListUnmatchedPaymentsRequest): Promise<Page<PaymentNoticeView>> {
    return this.notices.listUnmatched(req.actor, req);
  }

  @OnRpc(ResolveUnmatchedPaymentRpc)
  resolve(req: ResolveUnmatchedPaymentRequest): Promise<PaymentNoticeView> {
    return this.resolveUnmatched.execute({ actor: req.actor, request: req });
  }
}
