import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
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

/** The provider's payment notices (from the gateway's signed webhook); ops' list of unmatched ones and their resolution. */
@Controller()
export class PaymentNoticesHandler {
  constructor(
    private readonly receivePayment: ReceivePayment,
    private readonly resolveUnmatched: ResolveUnmatchedPayment,
    private readonly notices: PaymentNoticeQueries,
  ) {}

  @MessagePattern(ReceivePaymentRpc.pattern)
  receive(@Payload() req: ReceivePaymentRequest): Promise<ReceivePaymentResult> {
    return this.receivePayment.execute(req);
  }

  @MessagePattern(ListUnmatchedPaymentsRpc.pattern)
  listUnmatched(@Payload() req: ListUnmatchedPaymentsRequest): Promise<Page<PaymentNoticeView>> {
    return this.notices.listUnmatched(req.actor, req);
  }

  @MessagePattern(ResolveUnmatchedPaymentRpc.pattern)
  resolve(@Payload() req: ResolveUnmatchedPaymentRequest): Promise<PaymentNoticeView> {
    return this.resolveUnmatched.execute({ actor: req.actor, request: req });
  }
}
