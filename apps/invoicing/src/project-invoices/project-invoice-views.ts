import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ProjectInvoiceView } from '@glimmer/contracts/invoicing/project-invoice.messages';
import { InvoicePaymentRepository } from './invoice-payment.repository';
import { toView } from './project-invoice';
import type { ProjectInvoice } from './project-invoice.entity';
import { ProjectInvoiceRepository } from './project-invoice.repository';

/**
 * The views of some invoices, with their attached cost codes and applied payments: two queries
 * for a whole page, not two per invoice. Shared by the use cases that answer with invoices.
 */
@Injectable()
export class ProjectInvoiceViews {
  constructor(
    private readonly invoices: ProjectInvoiceRepository,
    private readonly payments: InvoicePaymentRepository,
  ) {}

  async of(em: EntityManager, invoices: ProjectInvoice[]): Promise<ProjectInvoiceView[]> {
    const ids = invoices.map((i) => i.id);
    const [attached, applied] = await Promise.all([
      this.invoices.attachedCostCodes(em, ids),
      this.payments.appliedFor(em, ids),
    ]);
    return invoices.map((i) => toView(i, attached.get(i.id)!, applied.get(i.id)!));
  }
}
