import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { requireBrand } from '@glimmer/contracts/actor';
import type {
  CreditInvoiceView,
  GetCreditInvoiceRequest,
} from '@glimmer/contracts/invoicing/credit-invoice.messages';
import { notFound } from '@glimmer/errors/domain-error';
import { toView } from './credit-invoice';
import { CreditInvoiceRepository } from './credit-invoice.repository';

/** One of the brand's credit invoices: another brand's id is simply not found. */
@Injectable()
export class GetCreditInvoice {
  constructor(
    private readonly orm: MikroORM,
    private readonly invoices: CreditInvoiceRepository,
  ) {}

  async execute(req: GetCreditInvoiceRequest): Promise<CreditInvoiceView> {
    const { brandId } = requireBrand(req.actor);
    const invoice = await this.invoices.findForBrand(
      this.orm.em.fork(),
      brandId,
      req.creditInvoiceId,
    );
    if (!invoice) throw notFound(`credit invoice ${req.creditInvoiceId}`);
    return toView(invoice);
  }
}
