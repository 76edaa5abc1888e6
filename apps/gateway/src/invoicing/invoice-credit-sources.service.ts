import { Injectable } from '@nestjs/common';
import type { BrandActor } from '@glimmer/contracts/actor';
import { CostCodeView, GetCostCodeRpc } from '@glimmer/contracts/credit/cost-code.messages';
import { DomainError } from '@glimmer/errors/domain-error';
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
    // Only the codes attached to payable invoices, each asked for once: a page's worth, however
    // many cost codes the brand has (the whole overview would grow with the brand).
    const wanted = new Set(
      invoices
        .filter((i) => i.amountDue > 0 && i.status !== 'void')
        .flatMap((i) => i.attachedCostCodeIds),
    );
    const codes = await Promise.all([...wanted].map((id) => this.costCode(actor, id)));
    const byId = new Map(codes.filter((c) => c !== undefined).map((c) => [c.id, c]));
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

  /** A code the brand no longer sees (not found) is simply not offered as a source. */
  private async costCode(actor: BrandActor, costCodeId: string): Promise<CostCodeView | undefined> {
    try {
      return await this.rpc.call(GetCostCodeRpc, { actor, costCodeId });
    } catch (err) {
      if (err instanceof DomainError && err.code === 'not_found') return undefined;
      throw err;
    }
  }
}
