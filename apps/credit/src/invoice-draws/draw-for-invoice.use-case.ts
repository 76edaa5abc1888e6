import { Injectable } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type {
  DrawForInvoiceRequest,
  InvoiceDrawView,
} from '@glimmer/contracts/credit/invoice-draw.messages';
import { requestHash, runIdempotentCommand } from '@glimmer/database/idempotent-command';
import { toIso } from '@glimmer/database/sql';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import type { CostCode } from '../cost-codes/cost-code.entity';
import { CostCodeRepository } from '../cost-codes/cost-code.repository';
import { move } from '../ledger/ledger-legs';
import { LedgerGroupCommit } from '../ledger/ledger-group-commit';
import { LedgerService } from '../ledger/ledger.service';
import { InvoiceDraw } from './invoice-draw.entity';
import { InvoiceDrawRepository } from './invoice-draw.repository';

/** What "the same request" means for a payment id: everything invoicing asked for. */
function drawRequestHash(r: Omit<DrawForInvoiceRequest, 'paymentId'>): string {
  return requestHash({
    brandId: r.brandId,
    invoiceId: r.invoiceId,
    costCodeId: r.costCodeId,
    amount: r.amount,
    currency: r.currency.trim(),
  });
}

/** The recorded decision as the caller's answer: the draw, or the refusal thrown again. */
function answer(draw: InvoiceDraw): InvoiceDrawView {
  if (draw.status === 'refused') throw DomainError.fromSerialized(draw.error!);
  return {
    paymentId: draw.paymentId,
    invoiceId: draw.invoiceId,
    costCodeId: draw.costCodeId,
    amount: draw.amount,
    currency: draw.currency.trim(),
    transactionId: draw.transactionId!,
    createdAt: toIso(draw.createdAt)!,
  };
}

/**
 * Draws available credit from a cost code to pay a project invoice: available → the brand's
 * settlement account. Invoicing has checked the invoice and what is due; this checks the money.
 * One decision per payment id (the idempotency key), recorded in the same transaction as the
 * movement: a retry or a late duplicate gets the same answer, refusals included, so invoicing
 * can re-drive a payment whenever unsure.
 */
@Injectable()
export class DrawForInvoice {
  constructor(
    private readonly orm: MikroORM,
    private readonly costCodes: CostCodeRepository,
    private readonly ledger: LedgerService,
    private readonly draws: InvoiceDrawRepository,
    private readonly batches: LedgerGroupCommit,
  ) {}

  async execute(req: DrawForInvoiceRequest): Promise<InvoiceDrawView> {
    // The accounts the draw posts to, read first so the group commit locks them up front. A
    // missing or foreign code is not an error here: the draw records that refusal below.
    const readEm = this.orm.em.fork();
    const costCode = await this.costCodes.find(readEm, req.brandId, req.costCodeId);
    // Made on first use, inside the transaction (a refused first draw leaves none behind).
    const knownSettlement = await this.ledger.existingSystemAccount(
      readEm,
      req.brandId,
      'settlement',
      req.currency,
    );
    const draw = await runIdempotentCommand(this.orm, {
      lockName: `credit:invoice-draw:${req.brandId}:${req.paymentId}`,
      uniqueConstraint: 'invoice_draw_pkey',
      hash: drawRequestHash(req),
      find: async (em) => {
        const found = await this.draws.find(em, req.paymentId);
        if (!found) return undefined;
        return { requestHash: drawRequestHash(found), result: async () => found };
      },
      create: (em) => this.decide(em, req, costCode, knownSettlement),
      groupCommit: {
        via: this.batches,
        lockRows: [knownSettlement, costCode?.availableAccountId].filter((id) => id !== undefined),
      },
    });
    return answer(draw);
  }

  private async decide(
    em: EntityManager,
    req: DrawForInvoiceRequest,
    costCode: CostCode | null,
    knownSettlement: string | undefined,
  ): Promise<InvoiceDraw> {
    const draw = Object.assign(new InvoiceDraw(), {
      paymentId: req.paymentId,
      brandId: req.brandId,
      invoiceId: req.invoiceId,
      costCodeId: req.costCodeId,
      amount: req.amount,
      currency: req.currency,
    });
    // A refused posting may have applied a leg before the refused one: undo just the posting,
    // keep the transaction to record the refusal. Plain SQL: one savepoint statement, where a
    // nested em.transactional would add a release round trip to every draw.
    await em.execute('savepoint invoice_draw');
    try {
      const transactionId = await this.post(em, req, costCode, knownSettlement);
      return await this.draws.insert(em, Object.assign(draw, { status: 'drawn', transactionId }));
    } catch (err) {
      if (!(err instanceof DomainError) || err.retriable) throw err;
      await em.execute('rollback to savepoint invoice_draw');
      return this.draws.insert(
        em,
        Object.assign(draw, { status: 'refused', error: err.serialize() }),
      );
    }
  }

  /** The ledger movement; a missing or foreign cost code is a 404, too little available a 409. */
  private async post(
    em: EntityManager,
    req: DrawForInvoiceRequest,
    costCode: CostCode | null,
    knownSettlement: string | undefined,
  ): Promise<string> {
    if (!costCode) throw notFound('cost code');
    if (costCode.currency !== req.currency) {
      throw new DomainError(
        'currency_mismatch',
        `cannot pay a ${req.currency} invoice with ${costCode.currency} credit`,
      );
    }
    const settlement =
      knownSettlement ?? (await this.ledger.settlementAccount(em, req.brandId, req.currency));
    return this.ledger.post(em, {
      brandId: req.brandId,
      kind: 'invoice_payment',
      referenceId: req.paymentId,
      // Only the available account is debited: pending credit is never drawn.
      legs: move(costCode.availableAccountId, settlement, req.amount),
    });
  }
}
