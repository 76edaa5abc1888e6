import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DrawForInvoiceRequest,
  DrawForInvoiceRpc,
  InvoiceDrawView,
} from '@glimmer/contracts/credit/invoice-draw.messages';
import { InvoiceDrawsService } from './invoice-draws.service';

/** Service to service (invoicing): no actor, the brand is named in the request. */
@Controller()
export class InvoiceDrawsHandler {
  constructor(private readonly draws: InvoiceDrawsService) {}

  @MessagePattern(DrawForInvoiceRpc.pattern)
  draw(@Payload() req: DrawForInvoiceRequest): Promise<InvoiceDrawView> {
    return this.draws.draw(req);
  }
}
