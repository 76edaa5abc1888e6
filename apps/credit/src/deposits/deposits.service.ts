import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { CONFIG } from '@glimmer/config/config';
import type { Actor, BrandActor } from '@glimmer/contracts/actor';
import { DepositPendingEvent } from '@glimmer/contracts/credit/deposit.events';
import type {
  CreateDepositRequest,
  DepositView,
  ListDepositsForOpsRequest,
  OpsDepositView,
} from '@glimmer/contracts/credit/deposit.messages';
import type { Page } from '@glimmer/contracts/page';
import { keysetPage } from '@glimmer/database/page-cursor';
import { runIdempotentCommand } from '@glimmer/database/idempotent-command';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { OutboxService } from '@glimmer/messaging/outbox/outbox.service';
import { requireBrand, requireOps } from '@glimmer/contracts/actor';
import { CostCodeRepository } from '../cost-codes/cost-code.repository';
import type { CreditConfig } from '../credit.config';
import { move } from '../ledger/ledger-legs';
import { LedgerService } from '../ledger/ledger.service';
import { depositRequestHash } from './deposit-request';
import {
  DepositRepository,
  toDepositSnapshot,
  toDepositView,
  toOpsDepositView,
} from './deposit.repository';
import { assertUnpaidDepositRoom } from './unpaid-deposit-cap';

/** Add credit (a pending deposit and its credit invoice id) and read deposits back. */
@Injectable()
export class DepositsService {
  constructor(
    private readonly orm: MikroORM,
    private readonly deposits: DepositRepository,
    private readonly costCodes: CostCodeRepository,
    private readonly ledger: LedgerService,
    private readonly outbox: OutboxService,
    @Inject(CONFIG) private readonly config: CreditConfig,
  ) {}

  async create(actor: Actor, req: CreateDepositRequest): Promise<DepositView> {
    const brand = requireBrand(actor);
    const hash = depositRequestHash(req);
    return runIdempotentCommand(this.orm, {
      lockName: `credit:deposit:${brand.brandId}:${req.idempotencyKey}`,
      uniqueConstraint: 'deposit_brand_idempotency_key',
      hash,
      find: async (em) => {
        const existing = await this.deposits.byIdempotencyKey(
          em,
          brand.brandId,
          req.idempotencyKey,
        );
        if (!existing) return undefined;
        return { requestHash: existing.request_hash, result: async () => toDepositView(existing) };
      },
      create: (em) => this.createIn(em, brand, req, hash),
    });
  }

  private async createIn(
    em: EntityManager,
    brand: BrandActor,
    req: CreateDepositRequest,
    hash: string,
  ) {
    await assertUnpaidDepositRoom(em, brand.brandId, this.config.CREDIT_MAX_UNPAID_DEPOSITS);
    const costCode = req.costCodeId
      ? await this.costCodes.get(em, brand.brandId, req.costCodeId)
      : await this.costCodes.create(em, brand.brandId, brand.currency, req.costCode!);
    if (costCode.currency !== brand.currency) {
      throw new DomainError(
        'currency_mismatch',
        `cost code is in ${costCode.currency}, the brand in ${brand.currency}`,
      );
    }
    const id = randomUUID();
    await this.deposits.insert(em, {
      id,
      brandId: brand.brandId,
      costCodeId: costCode.id,
      amount: req.amount,
      currency: brand.currency,
      // Credit owns the id so the invoice and the deposit agree on it before invoicing sees the event.
      creditInvoiceId: randomUUID(),
      idempotencyKey: req.idempotencyKey,
      requestHash: hash,
    });
    const funding = await this.ledger.fundingAccount(em, brand.brandId, brand.currency);
    await this.ledger.post(em, {
      brandId: brand.brandId,
      kind: 'deposit_pending',
      referenceId: id,
      legs: move(funding, costCode.pendingAccountId, req.amount),
    });
    const row = (await this.deposits.byId(em, id))!;
    await this.outbox.add(em, DepositPendingEvent, toDepositSnapshot(row));
    return toDepositView(row);
  }

  async get(actor: Actor, depositId: string): Promise<DepositView> {
    const brand = requireBrand(actor);
    const row = await this.deposits.byId(this.orm.em.fork(), depositId);
    if (!row || row.brand_id !== brand.brandId) throw notFound('deposit');
    return toDepositView(row);
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
      toOpsDepositView,
    );
  }

  /** Ops: a deposit by its id or its credit invoice's id. */
  async findForOps(actor: Actor, id: string): Promise<OpsDepositView> {
    requireOps(actor);
    const row = await this.deposits.byIdOrCreditInvoice(this.orm.em.fork(), id);
    if (!row) throw notFound('deposit or credit invoice');
    return toOpsDepositView(row);
  }
}
