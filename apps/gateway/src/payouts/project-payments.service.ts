import { Injectable } from '@nestjs/common';
import type { Actor } from '@glimmer/contracts/actor';
import { InvoicesForProjectsRpc } from '@glimmer/contracts/invoicing/project-invoice.messages';
import type { ProjectView } from '@glimmer/contracts/network/offer.messages';
import { PayoutsForProjectsRpc } from '@glimmer/contracts/payout/payout.messages';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import type { ProjectPaymentStatus } from './dto/payout.dto';

export interface ProjectPayment {
  invoiceId: string | null;
  expectedPaymentDate: string | null;
  payoutStatus: ProjectPaymentStatus;
}

/**
 * Joins projects (creator-network) with their invoice (invoicing) and payout (payout): the
 * project page's expected payment date and the creator dashboard's rows. Only completed
 * projects are looked up; the two calls run in parallel, on behalf of the same actor.
 */
@Injectable()
export class ProjectPayments {
  constructor(private readonly rpc: RpcClient) {}

  async of(actor: Actor, projects: ProjectView[]): Promise<Map<string, ProjectPayment>> {
    const completed = projects.filter((p) => p.status === 'completed').map((p) => p.id);
    const [invoices, payouts] = completed.length
      ? await Promise.all([
          this.rpc.call(InvoicesForProjectsRpc, { actor, projectIds: completed }),
          this.rpc.call(PayoutsForProjectsRpc, { actor, projectIds: completed }),
        ])
      : [{ data: [] }, { data: [] }];
    const invoiceOf = new Map(invoices.data.map((i) => [i.projectId, i]));
    const payoutOf = new Map(payouts.data.map((p) => [p.projectId, p]));
    return new Map(
      projects.map((project) => {
        const invoice = invoiceOf.get(project.id);
        const payout = payoutOf.get(project.id);
        const payoutStatus: ProjectPaymentStatus = payout
          ? payout.status
          : project.status === 'completed'
            ? 'awaiting_invoice_payment'
            : 'in_progress';
        return [
          project.id,
          {
            invoiceId: invoice?.invoiceId ?? null,
            expectedPaymentDate: payout?.expectedDate ?? null,
            payoutStatus,
          },
        ];
      }),
    );
  }

  async enrich<P extends ProjectView>(actor: Actor, projects: P[]): Promise<P[]> {
    const payments = await this.of(actor, projects);
    return projects.map((project) => {
      const payment = payments.get(project.id)!;
      return {
        ...project,
        invoiceId: payment.invoiceId,
        expectedPaymentDate: payment.expectedPaymentDate,
      };
    });
  }
}
