import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { ReceivePaymentRpc } from '@glimmer/contracts/credit/payment-notice.messages';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { Public } from '../auth/auth.decorators';
import { JSON_BODY, VIA_SERVICE } from '../http/error-sets';
import { PaymentNoticeAcceptedDto, PaymentNoticeDto } from './payment-notice.dto';
import { SignedWebhookRequest, WebhookSignatureGuard } from './webhook-signature.guard';

@ApiTags('Webhooks')
@Controller('v1/webhooks')
export class PaymentsWebhookController {
  constructor(private readonly rpc: RpcClient) {}

  /**
   * The payment provider says money arrived for a credit invoice. The credit service records
   * the payment once per `providerReference`; only the invoice's exact amount and currency
   * confirms its funds (the scheduler then clears the deposit). Any other payment — partial,
   * over, another currency, after the invoice was deleted, a second one — is recorded for ops
   * and answered 409, and clears nothing.
   */
  @Post('payments')
  @Public()
  @UseGuards(WebhookSignatureGuard)
  @HttpCode(202)
  @ApiHeader({
    name: 'Glimmer-Signature',
    required: true,
    description:
      't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with PAYMENTS_WEBHOOK_SECRET>; ' +
      't must be within PAYMENTS_WEBHOOK_TOLERANCE_SECONDS (default 300) of the gateway’s clock',
  })
  @ApiAcceptedResponse({ type: PaymentNoticeAcceptedDto })
  @ApiErrors(
    'invalid_signature',
    'signature_expired',
    ...JSON_BODY,
    'not_found',
    'payment_mismatch',
    'deposit_voided',
    'credit_invoice_already_paid',
    ...VIA_SERVICE,
  )
  async paymentReceived(
    @Body() body: PaymentNoticeDto,
    @Req() req: SignedWebhookRequest,
  ): Promise<PaymentNoticeAcceptedDto> {
    const { notice } = await this.rpc.call(ReceivePaymentRpc, {
      creditInvoiceId: body.creditInvoiceId,
      amount: body.amount,
      currency: body.currency,
      providerReference: body.providerReference,
      signedAt: req.webhookSignedAt?.toISOString(),
    });
    return {
      received: true,
      creditInvoiceId: body.creditInvoiceId,
      paymentNoticeId: notice.id,
      outcome: 'applied',
    };
  }
}
