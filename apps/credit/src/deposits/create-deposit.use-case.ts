import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { CONFIG } from '@glimmer/config/config';
import { type Actor, type BrandActor, requireBrand } from '@glimmer/contracts/actor';
import { DepositPendingEvent } from '@glimmer/contracts/credit/deposit.events';
import type { CreateDepositRequest, DepositView } from '@glimmer/contracts/credit/deposit.messages';
import { runIdempotentCommand } from '@glimmer/database/idempotent-command';
import { DomainError } from '@glimmer/errors/domain-error';
import { OutboxService } from '@glimmer/messaging/outbox/outbox.service';
import type { CostCode } from '../cost-codes/cost-code.entity';
import { CostCodeRepository } from '../cost-codes/cost-code.repository';
import type { CreditConfig } from '../credit.config';
import { move } from '../ledger/ledger-legs';
import { LedgerGroupCommit } from '../ledger/ledger-group-commit';
import { LedgerService } from '../ledger/ledger.service';
import { depositRequestHash } from './deposit-request';
import { Deposit } from './deposit.entity';
import { DepositRepository } from './deposit.repository';
import { toDepositSnapshot, toDepositView } from './deposit.views';
import { assertUnpaidDepositRoom, unpaidDepositsLock } from './unpaid-deposit-cap';

export interface CreateDepositCommand {
  actor: Actor;
  request: CreateDepositRequest;
}

/**
 * Add credit: a pending deposit on a cost code (or one created on the fly), its pending credit
 * in the ledger, and the credit invoice id invoicing issues the invoice under.
 */
@Injectable()
export class CreateDeposit {
  constructor(
    private readonly orm: MikroORM,
    private readonly deposits: DepositRepository,
    private readonly costCodes: CostCodeRepository,
    private readonly ledger: LedgerService,
    private readonly outbox: OutboxService,
    private readonly batches: LedgerGroupCommit,
    @Inject(CONFIG) private readonly config: CreditConfig,
  ) {}

  async execute({ actor, request: req }: CreateDepositCommand): Promise<DepositView> {
    const brand = requireBrand(actor);
    const hash = depositRequestHash(req);
    // The accounts the posting touches, read before the transaction so the group commit locks
    // them up front: an existing code's never change. Accounts not made yet (a code created on
    // the fly, the brand's first funding account) are made inside, where a refusal undoes them.
    const readEm = this.orm.em.fork();
    const existing = req.costCodeId
      ? await this.costCodes.get(readEm, brand.brandId, req.costCodeId)
      : undefined;
    const knownFunding = await this.ledger.existingSystemAccount(
      readEm,
      brand.brandId,
      'funding',
      brand.currency,
    );
    return runIdempotentCommand(this.orm, {
      lockName: `credit:deposit:${brand.brandId}:${req.idempotencyKey}`,
      uniqueConstraint: 'deposit_brand_idempotency_key',
      hash,
      find: async (em) => {
        const found = await this.deposits.byIdempotencyKey(em, brand.brandId, req.idempotencyKey);
        if (!found) return undefined;
        return { requestHash: found.requestHash, result: async () => toDepositView(found) };
      },
      create: (em) => this.createIn(em, brand, req, hash, existing, knownFunding),
      groupCommit: {
        via: this.batches,
        lockNames: [unpaidDepositsLock(brand.brandId)],
        lockRows: [knownFunding, existing?.pendingAccountId].filter((id) => id !== undefined),
      },
    });
  }

  private async createIn(
    em: EntityManager,
    brand: BrandActor,
    req: CreateDepositRequest,
    hash: string,
    existing: CostCode | undefined,
    knownFunding: string | undefined,
  ): Promise<DepositView> {
    await assertUnpaidDepositRoom(
      em,
      this.deposits,
      brand.brandId,
      this.config.CREDIT_MAX_UNPAID_DEPOSITS,
    );
    const costCode =
      existing ?? (await this.costCodes.create(em, brand.brandId, brand.currency, req.costCode!));
    if (costCode.currency !== brand.currency) {
      throw new DomainError(
        'currency_mismatch',
        `cost code is in ${costCode.currency}, the brand in ${brand.currency}`,
      );
    }
    const deposit = await this.deposits.insert(
      em,
      Object.assign(new Deposit(), {
        id: randomUUID(),
        brandId: brand.brandId,
        costCodeId: costCode.id,
        amount: req.amount,
        currency: brand.currency,
        status: 'pending' as const,
        // Credit owns the id so the invoice and the deposit agree on it before invoicing sees the event.
        creditInvoiceId: randomUUID(),
        idempotencyKey: req.idempotencyKey,
        requestHash: hash,
        version: 1,
        costCode: costCode.code,
        costCodeName: costCode.name,
      }),
    );
    const funding =
      knownFunding ?? (await this.ledger.fundingAccount(em, brand.brandId, brand.currency));
    await this.ledger.post(em, {
      brandId: brand.brandId,
      kind: 'deposit_pending',
      referenceId: deposit.id,
      legs: move(funding, costCode.pendingAccountId, req.amount),
    });
    await this.outbox.add(em, DepositPendingEvent, toDepositSnapshot(deposit));
    return toDepositView(deposit);
  }
}
