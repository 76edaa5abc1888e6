import { Injectable } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { Actor, BrandActor } from '@glimmer/contracts/actor';
import type {
  CreateTransferRequest,
  TransferView,
} from '@glimmer/contracts/credit/transfer.messages';
import { runIdempotentCommand } from '@glimmer/database/idempotent-command';
import { toAmount, toIso } from '@glimmer/database/sql';
import { DomainError } from '@glimmer/errors/domain-error';
import { requireBrand } from '@glimmer/contracts/actor';
import { CostCodeRepository } from '../cost-codes/cost-code.repository';
import { move } from '../ledger/ledger-legs';
import { LedgerService } from '../ledger/ledger.service';
import { transferRequestHash } from './transfer-request';

interface TransferRow {
  id: string;
  from_cost_code_id: string;
  to_cost_code_id: string;
  amount: string;
  currency: string;
  request_hash: string;
  created_at: string | Date;
}

function toView(row: TransferRow): TransferView {
  return {
    id: row.id,
    amount: toAmount(row.amount),
    currency: row.currency.trim(),
    fromCostCodeId: row.from_cost_code_id,
    toCostCodeId: row.to_cost_code_id,
    createdAt: toIso(row.created_at)!,
  };
}

/**
 * Moves available credit between two of a brand's cost codes. Pending credit is never
 * touched, and an over-draw is refused by the ledger's conditional debit, which rolls back
 * the whole transaction (including a destination created on the fly).
 */
@Injectable()
export class TransfersService {
  constructor(
    private readonly orm: MikroORM,
    private readonly costCodes: CostCodeRepository,
    private readonly ledger: LedgerService,
  ) {}

  async create(actor: Actor, req: CreateTransferRequest): Promise<TransferView> {
    const brand = requireBrand(actor);
    const hash = transferRequestHash(req);
    if (req.toCostCodeId === req.fromCostCodeId) {
      throw new DomainError(
        'same_cost_code',
        'choose a destination other than the origin cost code',
      );
    }
    return runIdempotentCommand(this.orm, {
      lockName: `credit:transfer:${brand.brandId}:${req.idempotencyKey}`,
      uniqueConstraint: 'transfer_brand_idempotency_key',
      hash,
      find: async (em) => {
        const [row] = await em.execute<TransferRow[]>(
          `select * from transfer where brand_id = ? and idempotency_key = ?`,
          [brand.brandId, req.idempotencyKey],
        );
        return row ? { requestHash: row.request_hash, result: async () => toView(row) } : undefined;
      },
      create: (em) => this.createIn(em, brand, req, hash),
    });
  }

  private async createIn(
    em: EntityManager,
    brand: BrandActor,
    req: CreateTransferRequest,
    hash: string,
  ) {
    const from = await this.costCodes.get(em, brand.brandId, req.fromCostCodeId);
    const to = req.toCostCodeId
      ? await this.costCodes.get(em, brand.brandId, req.toCostCodeId)
      : await this.costCodes.create(em, brand.brandId, brand.currency, req.toCostCode!);
    // A brand account has one currency; a code in another one means a mixed-up account, not a conversion.
    if (from.currency !== brand.currency || to.currency !== brand.currency) {
      throw new DomainError(
        'currency_mismatch',
        `cannot move ${from.currency} credit to a ${to.currency} cost code for a ${brand.currency} brand`,
      );
    }
    const id = randomUUID();
    const [row] = await em.execute<TransferRow[]>(
      `insert into transfer (id, brand_id, from_cost_code_id, to_cost_code_id, amount, currency,
         idempotency_key, request_hash)
       values (?, ?, ?, ?, ?, ?, ?, ?) returning *`,
      [id, brand.brandId, from.id, to.id, req.amount, from.currency, req.idempotencyKey, hash],
    );
    await this.ledger.post(em, {
      brandId: brand.brandId,
      kind: 'transfer',
      referenceId: id,
      legs: move(from.availableAccountId, to.availableAccountId, req.amount),
    });
    return toView(row);
  }
}
