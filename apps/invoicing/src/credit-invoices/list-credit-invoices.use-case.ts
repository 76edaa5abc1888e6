import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { requireBrand } from '@glimmer/contracts/actor';
import type {
  CreditInvoiceView,
  ListCreditInvoicesRequest,
} from '@glimmer/contracts/invoicing/credit-invoice.messages';
import type { Page } from '@glimmer/contracts/page';
import { keysetPage } from '@glimmer/database/page-cursor';
import { toView } from './credit-invoice';
import { CreditInvoiceRepository } from './credit-invoice.repository';

/** A brand's credit invoices, newest first, optionally by status; other roles are refused. */
@Injectable()
export class ListCreditInvoices {
  constructor(
    private readonly orm: MikroORM,
    private readonly invoices: CreditInvoiceRepository,
  ) {}

  execute(req: ListCreditInvoicesRequest): Promise<Page<CreditInvoiceView>> {
    const { brandId } = requireBrand(req.actor);
    const em = this.orm.em.fork();
    return keysetPage(
      req,
      (after, limit) => this.invoices.list(em, { brandId, status: req.status, after, limit }),
      toView,
    );
  }
}
