import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreditInvoiceView,
  GetCreditInvoiceRequest,
  GetCreditInvoiceRpc,
  ListCreditInvoicesRequest,
  ListCreditInvoicesRpc,
} from '@glimmer/contracts/invoicing/credit-invoice.messages';
import type { Page } from '@glimmer/contracts/page';
import { GetCreditInvoice } from './get-credit-invoice.use-case';
import { ListCreditInvoices } from './list-credit-invoices.use-case';

/** Credit invoices are a brand's own: other roles are refused, other brands' ids are not found. */
@Controller()
export class CreditInvoicesRpcController {
  constructor(
    private readonly listInvoices: ListCreditInvoices,
    private readonly getInvoice: GetCreditInvoice,
  ) {}

  @MessagePattern(ListCreditInvoicesRpc.pattern)
  list(@Payload() req: ListCreditInvoicesRequest): Promise<Page<CreditInvoiceView>> {
    return this.listInvoices.execute(req);
  }

  @MessagePattern(GetCreditInvoiceRpc.pattern)
  get(@Payload() req: GetCreditInvoiceRequest): Promise<CreditInvoiceView> {
    return this.getInvoice.execute(req);
  }
}
