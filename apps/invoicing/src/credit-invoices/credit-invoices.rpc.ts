import { Controller } from '@nestjs/common';
import {
  CreditInvoiceView,
  GetCreditInvoiceRequest,
  GetCreditInvoiceRpc,
  ListCreditInvoicesRequest,
  ListCreditInvoicesRpc,
} from '@glimmer/contracts/invoicing/credit-invoice.messages';
import type { Page } from '@glimmer/contracts/page';
import { OnRpc } from '@glimmer/messaging/handlers';
import { GetCreditInvoice } from './get-credit-invoice.use-case';
import { ListCreditInvoices } from './list-credit-invoices.use-case';

/** Credit invoices are a brand's own: other roles are refused, other brands' ids are not found. */
@Controller()
export class CreditInvoicesRpc {
  constructor(
    private readonly listInvoices: ListCreditInvoices,
    private readonly getInvoice: GetCreditInvoice,
  ) {}

  @OnRpc(ListCreditInvoicesRpc)
  list(req: ListCreditInvoicesRequest): Promise<Page<CreditInvoiceView>> {
    return this.listInvoices.execute(req);
  }

  @OnRpc(GetCreditInvoiceRpc)
  get(req: GetCreditInvoiceRequest): Promise<CreditInvoiceView> {
    return this.getInvoice.execute(req);
  }
}
