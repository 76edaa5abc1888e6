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
import { PaymentNoticesService } from './payment-notices.service';

/** The provider's payment notices (from the gateway's signed webhook); ops' list of unmatched ones and their resolution. */
@Controller()
export class PaymentNoticesHandler {
  constructor(private readonly notices: PaymentNoticesService) {}

  @MessagePattern(ReceivePaymentRpc.pattern)
  receive(@Payload() req: ReceivePaymentRequest): Promise<ReceivePaymentResult> {
    return this.notices.receive(req);
  }

  @MessagePattern(ListUnmatchedPaymentsRpc.pattern)
  listUnmatched(@Payload() req: ListUnmatchedPaymentsRequest): Promise<Page<PaymentNoticeView>> {
    return this.notices.listUnmatched(req.actor, req);
  }

  @MessagePattern(ResolveUnmatchedPaymentRpc.pattern)
  resolve(@Payload() req: ResolveUnmatchedPaymentRequest): Promise<PaymentNoticeView> {
    return this.notices.resolve(req.actor, req);
  }
}
