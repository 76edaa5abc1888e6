import { Injectable } from '@nestjs/common';
import type { BrandActor } from '@glimmer/contracts/actor';
import { GetCreditOverviewRpc } from '@glimmer/contracts/credit/overview.messages';
import type { ProjectInvoiceView } from '@glimmer/contracts/invoicing/project-invoice.messages';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import type { ProjectInvoiceDto } from './dto/project-invoice.dto';

/**
 * Adds to invoices what the Apply Credit button needs: the attached cost codes' available
 * credit right now. Credit can move between this read and an application; the application
 * itself is what the ledger checks, so this is guidance, never a promise.
 */
@Injectable()
export class InvoiceCreditSources {
  constructor(private readonly rpc: RpcClient) {}

  async withCredit(
    actor: BrandActor,
    invoices: ProjectInvoiceView[],
  ): Promise<ProjectInvoiceDto[]> {
    const payable = invoices.some((i) => i.amountDue > 0 && i.status !== 'void');
    const codes = payable ? (await this.rpc.call(GetCreditOverviewRpc, { actor })).costCodes : [];
    const byId = new Map(codes.map((c) => [c.id, c]));
    return invoices.map((invoice) => {
      const creditSources = invoice.attachedCostCodeIds
        .map((id) => byId.get(id))
        .filter((c) => c !== undefined)
        .map((c) => ({ costCodeId: c.id, code: c.code, available: c.available }));
      return {
        ...invoice,
        creditSources,
        canApplyCredit:
          invoice.amountDue > 0 &&
          invoice.status !== 'void' &&
          creditSources.some((source) => source.available > 0),
      };
    });
  }
}
