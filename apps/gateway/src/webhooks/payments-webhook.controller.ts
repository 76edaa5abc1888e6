import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { ConfirmFundsRpc } from '@glimmer/contracts/credit/deposit.messages';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { Public } from '../auth/auth.decorators';
import { JSON_BODY, VIA_SERVICE } from '../http/error-sets';
import { PaymentNoticeAcceptedDto, PaymentNoticeDto } from './payment-notice.dto';
import { WebhookSignatureGuard } from './webhook-signature.guard';

@ApiTags('Webhooks')
@Controller('v1/webhooks')
export class PaymentsWebhookController {
  constructor(private readonly rpc: RpcClient) {}

  /**
   * The payment provider says a credit invoice's funds arrived. The credit service records the
   * confirmation (idempotently) and the scheduler clears the deposit.
   */
  @Post('payments')
  @Public()
  @UseGuards(WebhookSignatureGuard)
  @HttpCode(202)
  @ApiHeader({
    name: 'Glimmer-Signature',
    required: true,
    description: 'sha256=<hex HMAC-SHA256 of the raw body>',
  })
  @ApiAcceptedResponse({ type: PaymentNoticeAcceptedDto })
  @ApiErrors('invalid_signature', ...JSON_BODY, 'not_found', 'deposit_voided', ...VIA_SERVICE)
  async paymentReceived(@Body() body: PaymentNoticeDto): Promise<PaymentNoticeAcceptedDto> {
    await this.rpc.call(ConfirmFundsRpc, {
      creditInvoiceId: body.creditInvoiceId,
      source: 'webhook',
    });
    return { received: true, creditInvoiceId: body.creditInvoiceId };
  }
}
