import { Injectable } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { type Actor, type BrandActor, requireBrand } from '@glimmer/contracts/actor';
import type {
  CreateTransferRequest,
  TransferView,
} from '@glimmer/contracts/credit/transfer.messages';
import { runIdempotentCommand } from '@glimmer/database/idempotent-command';
import { toIso } from '@glimmer/database/sql';
import { DomainError } from '@glimmer/errors/domain-error';
import { CostCodeRepository } from '../cost-codes/cost-code.repository';
import { move } from '../ledger/ledger-legs';
import { LedgerGroupCommit } from '../ledger/ledger-group-commit';
import { LedgerService } from '../ledger/ledger.service';
import type { CostCode } from '../cost-codes/cost-code.entity';
import { transferRequestHash } from './transfer-request';
import { Transfer } from './transfer.entity';
import { TransferRepository } from './transfer.repository';

export interface CreateTransferCommand {
  actor: Actor;
  request: CreateTransferRequest;
}

function toTransferView(t: Transfer): TransferView {
  return {
    id: t.id,
    amount: t.amount,
    currency: t.currency.trim(),
    fromCostCodeId: t.fromCostCodeId,
    toCostCodeId: t.toCostCodeId,
    createdAt: toIso(t.createdAt)!,
  };
}

/**
 * Moves available credit between two of a brand's cost codes. Pending credit is never
 * touched, and an over-draw is refused by the ledger's conditional debit, which rolls back
 * the whole transaction (including a destination created on the fly).
 */
@Injectable()
export class CreateTransfer {
  constructor(
    private readonly orm: MikroORM,
    private readonly costCodes: CostCodeRepository,
    private readonly transfers: TransferRepository,
    private readonly ledger: LedgerService,
    private readonly batches: LedgerGroupCommit,
  ) {}

  async execute({ actor, request: req }: CreateTransferCommand): Promise<TransferView> {
    const brand = requireBrand(actor);
    const hash = transferRequestHash(req);
    if (req.toCostCodeId === req.fromCostCodeId) {
      throw new DomainError(
        'same_cost_code',
        'choose a destination other than the origin cost code',
      );
    }
    // Origin and an existing destination in one select, before the transaction: a code's
    // accounts never change, and the group commit locks them up front with its neighbours'.
    const known = await this.costCodes.getMany(
      this.orm.em.fork(),
      brand.brandId,
      req.toCostCodeId ? [req.fromCostCodeId, req.toCostCodeId] : [req.fromCostCodeId],
    );
    const from = known.get(req.fromCostCodeId)!;
    const to = req.toCostCodeId ? known.get(req.toCostCodeId) : undefined;
    return runIdempotentCommand(this.orm, {
      lockName: `credit:transfer:${brand.brandId}:${req.idempotencyKey}`,
      uniqueConstraint: 'transfer_brand_idempotency_key',
      hash,
      find: async (em) => {
        const found = await this.transfers.byIdempotencyKey(em, brand.brandId, req.idempotencyKey);
        if (!found) return undefined;
        return { requestHash: found.requestHash, result: async () => toTransferView(found) };
      },
      create: (em) => this.createIn(em, brand, req, hash, from, to),
      groupCommit: {
        via: this.batches,
        lockRows: [from.availableAccountId, ...(to ? [to.availableAccountId] : [])],
      },
    });
  }

  private async createIn(
    em: EntityManager,
    brand: BrandActor,
    req: CreateTransferRequest,
    hash: string,
    from: CostCode,
    existingTo: CostCode | undefined,
  ): Promise<TransferView> {
    const to =
      existingTo ??
      (await this.costCodes.create(em, brand.brandId, brand.currency, req.toCostCode!));
    // A brand account has one currency; a code in another one means a mixed-up account, not a conversion.
    if (from.currency !== brand.currency || to.currency !== brand.currency) {
      throw new DomainError(
        'currency_mismatch',
        `cannot move ${from.currency} credit to a ${to.currency} cost code for a ${brand.currency} brand`,
      );
    }
    const transfer = await this.transfers.insert(
      em,
      Object.assign(new Transfer(), {
        id: randomUUID(),
        brandId: brand.brandId,
        fromCostCodeId: from.id,
        toCostCodeId: to.id,
        amount: req.amount,
        currency: from.currency,
        idempotencyKey: req.idempotencyKey,
        requestHash: hash,
      }),
    );
    await this.ledger.post(em, {
      brandId: brand.brandId,
      kind: 'transfer',
      referenceId: transfer.id,
      legs: move(from.availableAccountId, to.availableAccountId, req.amount),
    });
    return toTransferView(transfer);
  }
}
