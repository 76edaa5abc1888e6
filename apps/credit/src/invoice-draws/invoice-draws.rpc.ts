import { Controller } from '@nestjs/common';
import {
  DrawForInvoiceRequest,
  DrawForInvoiceRpc,
  InvoiceDrawView,
} from '@glimmer/contracts/credit/invoice-draw.messages';
import { DrawForInvoice } from './draw-for-invoice.use-case';
import { OnRpc } from '@glimmer/messaging/handlers';

/** Service to service (invoicing): no actor, the brand is named in the request. */
@Controller()
export class InvoiceDrawsRpc {
  constructor(private readonly drawForInvoice: DrawForInvoice) {}

  @OnRpc(DrawForInvoiceRpc)
  draw(req: DrawForInvoiceRequest): Promise<InvoiceDrawView> {
    return this.drawForInvoice.execute(req);
  }
}
