import { Controller } from '@nestjs/common';
import {
  ClearDepositRequest,
  ClearDepositRpc,
  ClearDepositsRequest,
  ClearDepositsResult,
  ClearDepositsRpc,
  ConfirmFundsRequest,
  ConfirmFundsRpc,
  CreateDepositRequest,
  CreateDepositRpc,
  DepositView,
  FindDepositForOpsRequest,
  FindDepositForOpsRpc,
  GetDepositRequest,
  GetDepositRpc,
  ListDepositsForOpsRequest,
  ListDepositsForOpsRpc,
  ListPendingDepositsRequest,
  ListPendingDepositsRpc,
  OpsDepositView,
  PendingDepositRef,
  VoidCreditInvoiceRequest,
  VoidCreditInvoiceResult,
  VoidCreditInvoiceRpc,
} from '@glimmer/contracts/credit/deposit.messages';
import type { Page } from '@glimmer/contracts/page';
import { ClearDeposit } from './clear-deposit.use-case';
import { ClearDeposits } from './clear-deposits.use-case';
import { ConfirmFunds } from './confirm-funds.use-case';
import { CreateDeposit } from './create-deposit.use-case';
import { DepositQueries } from './deposit.queries';
import { VoidCreditInvoice } from './void-credit-invoice.use-case';
import { OnRpc } from '@glimmer/messaging/handlers';

/**
 * Brand RPCs carry an actor; confirm, clear and the pending list come from the gateway's
 * webhook/ops routes and the scheduler, which act for the platform, not a brand member.
 */
@Controller()
export class DepositsRpc {
  constructor(
    private readonly createDeposit: CreateDeposit,
    private readonly confirmFundsOf: ConfirmFunds,
    private readonly clearDeposit: ClearDeposit,
    private readonly clearRun: ClearDeposits,
    private readonly voidInvoice: VoidCreditInvoice,
    private readonly deposits: DepositQueries,
  ) {}

  @OnRpc(CreateDepositRpc)
  create(req: CreateDepositRequest): Promise<DepositView> {
    return this.createDeposit.execute({ actor: req.actor, request: req });
  }

  @OnRpc(GetDepositRpc)
  get(req: GetDepositRequest): Promise<DepositView> {
    return this.deposits.get(req.actor, req.depositId);
  }

  @OnRpc(VoidCreditInvoiceRpc)
  voidCreditInvoice(req: VoidCreditInvoiceRequest): Promise<VoidCreditInvoiceResult> {
    return this.voidInvoice.execute({ actor: req.actor, creditInvoiceId: req.creditInvoiceId });
  }

  @OnRpc(ConfirmFundsRpc)
  confirmFunds(req: ConfirmFundsRequest): Promise<DepositView> {
    return this.confirmFundsOf.execute({
      creditInvoiceId: req.creditInvoiceId,
      source: req.source,
    });
  }

  @OnRpc(ClearDepositRpc)
  clear(req: ClearDepositRequest): Promise<DepositView> {
    return this.clearDeposit.execute({ depositId: req.depositId });
  }

  @OnRpc(ClearDepositsRpc)
  clearMany(req: ClearDepositsRequest): Promise<ClearDepositsResult> {
    return this.clearRun.execute(req.depositIds);
  }

  @OnRpc(ListPendingDepositsRpc)
  listPending(
    req: ListPendingDepositsRequest,
  ): Promise<{ data: PendingDepositRef[]; nextAfterId: string | null }> {
    return this.deposits.listPending(req.afterId, req.limit);
  }

  @OnRpc(ListDepositsForOpsRpc)
  listForOps(req: ListDepositsForOpsRequest): Promise<Page<OpsDepositView>> {
    return this.deposits.listForOps(req.actor, req);
  }

  @OnRpc(FindDepositForOpsRpc)
  findForOps(req: FindDepositForOpsRequest): Promise<OpsDepositView> {
    return this.deposits.findForOps(req.actor, req.id);
  }
}
