import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ClearDepositRequest,
  ClearDepositRpc,
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
import { ConfirmFunds } from './confirm-funds.use-case';
import { CreateDeposit } from './create-deposit.use-case';
import { DepositQueries } from './deposit.queries';
import { VoidCreditInvoice } from './void-credit-invoice.use-case';

/**
 * Brand RPCs carry an actor; confirm, clear and the pending list come from the gateway's
 * webhook/ops routes and the scheduler, which act for the platform, not a brand member.
 */
@Controller()
export class DepositsHandler {
  constructor(
    private readonly createDeposit: CreateDeposit,
    private readonly confirmFundsOf: ConfirmFunds,
    private readonly clearDeposit: ClearDeposit,
    private readonly voidInvoice: VoidCreditInvoice,
    private readonly deposits: DepositQueries,
  ) {}

  @MessagePattern(CreateDepositRpc.pattern)
  create(@Payload() req: CreateDepositRequest): Promise<DepositView> {
    return this.createDeposit.execute({ actor: req.actor, request: req });
  }

  @MessagePattern(GetDepositRpc.pattern)
  get(@Payload() req: GetDepositRequest): Promise<DepositView> {
    return this.deposits.get(req.actor, req.depositId);
  }

  @MessagePattern(VoidCreditInvoiceRpc.pattern)
  voidCreditInvoice(@Payload() req: VoidCreditInvoiceRequest): Promise<VoidCreditInvoiceResult> {
    return this.voidInvoice.execute({ actor: req.actor, creditInvoiceId: req.creditInvoiceId });
  }

  @MessagePattern(ConfirmFundsRpc.pattern)
  confirmFunds(@Payload() req: ConfirmFundsRequest): Promise<DepositView> {
    return this.confirmFundsOf.execute({
      creditInvoiceId: req.creditInvoiceId,
      source: req.source,
    });
  }

  @MessagePattern(ClearDepositRpc.pattern)
  clear(@Payload() req: ClearDepositRequest): Promise<DepositView> {
    return this.clearDeposit.execute({ depositId: req.depositId });
  }

  @MessagePattern(ListPendingDepositsRpc.pattern)
  listPending(
    @Payload() req: ListPendingDepositsRequest,
  ): Promise<{ data: PendingDepositRef[]; nextAfterId: string | null }> {
    return this.deposits.listPending(req.afterId, req.limit);
  }

  @MessagePattern(ListDepositsForOpsRpc.pattern)
  listForOps(@Payload() req: ListDepositsForOpsRequest): Promise<Page<OpsDepositView>> {
    return this.deposits.listForOps(req.actor, req);
  }

  @MessagePattern(FindDepositForOpsRpc.pattern)
  findForOps(@Payload() req: FindDepositForOpsRequest): Promise<OpsDepositView> {
    return this.deposits.findForOps(req.actor, req.id);
  }
}
