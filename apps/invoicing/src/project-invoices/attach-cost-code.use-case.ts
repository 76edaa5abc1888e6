import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { requireBrand } from '@glimmer/contracts/actor';
import { GetCostCodeRpc } from '@glimmer/contracts/credit/cost-code.messages';
import type {
  AttachCostCodeRequest,
  ProjectInvoiceView,
} from '@glimmer/contracts/invoicing/project-invoice.messages';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { GetProjectInvoice } from './get-project-invoice.use-case';
import { isPayable } from './project-invoice';
import type { ProjectInvoice } from './project-invoice.entity';
import { ProjectInvoiceRepository } from './project-invoice.repository';

const notPayable = (invoice: ProjectInvoice) =>
  new DomainError('invoice_not_payable', `the invoice is ${invoice.status}`, {
    meta: { status: invoice.status },
  });

/**
 * Lets credit from another of the brand's cost codes pay an invoice. Credit owns cost codes, so
 * it is asked (as the brand) whether the code is the brand's: a foreign or unknown one is its
 * 404. Attaching an attached code again changes nothing.
 */
@Injectable()
export class AttachCostCode {
  constructor(
    private readonly orm: MikroORM,
    private readonly rpc: RpcClient,
    private readonly invoices: ProjectInvoiceRepository,
    private readonly getInvoice: GetProjectInvoice,
  ) {}

  async execute(req: AttachCostCodeRequest): Promise<ProjectInvoiceView> {
    const { brandId } = requireBrand(req.actor);
    const em = this.orm.em.fork();
    const invoice = await this.invoices.findForBrand(em, brandId, req.invoiceId);
    if (!invoice) throw notFound(`project invoice ${req.invoiceId}`);
    const attached = (await this.invoices.attachedCostCodes(em, [invoice.id])).get(invoice.id)!;
    if (attached.includes(req.costCodeId)) return this.view(req);
    if (!isPayable(invoice)) throw notPayable(invoice);

    // Outside any transaction: no row lock is held while waiting on another service.
    const costCode = await this.rpc.call(GetCostCodeRpc, {
      actor: req.actor,
      costCodeId: req.costCodeId,
    });
    if (costCode.currency !== invoice.currency) {
      throw new DomainError(
        'currency_mismatch',
        `a ${costCode.currency} cost code cannot pay a ${invoice.currency} invoice`,
      );
    }
    await em.fork().transactional(async (tx) => {
      const locked = await this.invoices.lock(tx, invoice.id);
      if (!isPayable(locked)) throw notPayable(locked);
      await this.invoices.attach(tx, invoice.id, req.costCodeId);
    });
    return this.view(req);
  }

  private view(req: AttachCostCodeRequest): Promise<ProjectInvoiceView> {
    return this.getInvoice.execute({ actor: req.actor, invoiceId: req.invoiceId });
  }
}
