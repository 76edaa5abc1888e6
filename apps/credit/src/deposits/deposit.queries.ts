import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { type Actor, requireBrand, requireOps } from '@glimmer/contracts/actor';
import type {
  DepositView,
  ListDepositsForOpsRequest,
  OpsDepositView,
  PendingDepositRef,
} from '@glimmer/contracts/credit/deposit.messages';
import type { Page } from '@glimmer/contracts/page';
import { keysetPage } from '@glimmer/database/page-cursor';
import { toIso } from '@glimmer/database/sql';
import { notFound } from '@glimmer/errors/domain-error';
import { DepositRepository } from './deposit.repository';
import { toDepositView, toOpsDepositView } from './deposit.views';

/** The reads of deposits: a brand's own, ops' lists, the scheduler's sweep (no writes). */
@Injectable()
export class DepositQueries {
  constructor(
    private readonly orm: MikroORM,
    private readonly deposits: DepositRepository,
  ) {}

  async get(actor: Actor, depositId: string): Promise<DepositView> {
    const brand = requireBrand(actor);
    const deposit = await this.deposits.byId(this.orm.em.fork(), depositId);
    if (!deposit || deposit.brandId !== brand.brandId) throw notFound('deposit');
    return toDepositView(deposit);
  }

  /** Ops: deposits across brands, e.g. pending longer than expected (oldest first). */
  listForOps(actor: Actor, req: ListDepositsForOpsRequest): Promise<Page<OpsDepositView>> {
    requireOps(actor);
    const em = this.orm.em.fork();
    const madeBefore =
      req.olderThanMinutes === undefined
        ? undefined
        : new Date(Date.now() - req.olderThanMinutes * 60_000);
    return keysetPage(
      req,
      (after, limit) =>
        this.deposits.pageForOps(em, { status: req.status, madeBefore }, after, limit),
      (row) => toOpsDepositView(row.deposit),
    );
  }

  /** Ops: a deposit by its id or its credit invoice's id. */
  async findForOps(actor: Actor, id: string): Promise<OpsDepositView> {
    requireOps(actor);
    const deposit = await this.deposits.byIdOrCreditInvoice(this.orm.em.fork(), id);
    if (!deposit) throw notFound('deposit or credit invoice');
    return toOpsDepositView(deposit);
  }

  /** The scheduler's sweep: pending deposits in id order. */
  async listPending(
    afterId: string | undefined,
    limit: number,
  ): Promise<{ data: PendingDepositRef[]; nextAfterId: string | null }> {
    const deposits = await this.deposits.pendingAfter(this.orm.em.fork(), afterId, limit);
    const data = deposits.map((d) => ({
      id: d.id,
      creditInvoiceId: d.creditInvoiceId,
      createdAt: toIso(d.createdAt)!,
      fundsConfirmedAt: toIso(d.fundsConfirmedAt),
    }));
    return {
      data,
      nextAfterId: deposits.length === limit ? deposits[deposits.length - 1].id : null,
    };
  }
}
