import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DrawForInvoiceRequest,
  DrawForInvoiceRpc,
  InvoiceDrawView,
} from '@glimmer/contracts/credit/invoice-draw.messages';
import { DrawForInvoice } from './draw-for-invoice.use-case';

/** Service to service (invoicing): no actor, the brand is named in the request. */
@Controller()
export class InvoiceDrawsHandler {
  constructor(private readonly drawForInvoice: DrawForInvoice) {}

  @MessagePattern(DrawForInvoiceRpc.pattern)
  draw(@Payload() req: DrawForInvoiceRequest): Promise<InvoiceDrawView> {
    return this.drawForInvoice.execute(req);
  }
}
