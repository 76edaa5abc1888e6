import { Injectable } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type {
  DrawForInvoiceRequest,
  InvoiceDrawView,
} from '@glimmer/contracts/credit/invoice-draw.messages';
import { isUniqueViolation } from '@glimmer/database/sql';
import { DomainError } from '@glimmer/errors/domain-error';
import { lockIdempotencyKey } from '../common/idempotency';
import { CostCodeRepository } from '../cost-codes/cost-code.repository';
import { move } from '../ledger/ledger-legs';
import { LedgerService } from '../ledger/ledger.service';
import { InvoiceDraw, InvoiceDrawRepository } from './invoice-draw.repository';

/**
 * Draws available credit from a cost code to pay a project invoice: available → the brand's
 * settlement account. Invoicing has checked the invoice and what is due; this checks the money.
 * One decision per payment id, recorded in the same transaction as the movement: a retry or a
 * late duplicate gets the same answer, so invoicing can re-drive a payment whenever unsure.
 */
@Injectable()
export class InvoiceDrawsService {
  constructor(
    private readonly orm: MikroORM,
    private readonly costCodes: CostCodeRepository,
    private readonly ledger: LedgerService,
    private readonly draws: InvoiceDrawRepository,
  ) {}

  async draw(req: DrawForInvoiceRequest): Promise<InvoiceDrawView> {
    let draw: InvoiceDraw;
    try {
      draw = await this.orm.em.fork().transactional((em) => this.decide(em, req));
    } catch (err) {
      // Backstop for the advisory lock (a twin under another brand id takes another lock).
      if (!isUniqueViolation(err, 'invoice_draw_pkey')) throw err;
      const twin = await this.draws.find(this.orm.em.fork(), req.paymentId);
      if (!twin) throw err;
      draw = twin;
    }
    return answer(draw, req);
  }

  private async decide(em: EntityManager, req: DrawForInvoiceRequest): Promise<InvoiceDraw> {
    await lockIdempotencyKey(em, 'invoice-draw', req.brandId, req.paymentId);
    const recorded = await this.draws.find(em, req.paymentId);
    if (recorded) return recorded;

    // A refused posting may have applied a leg before the refused one: undo just the posting,
    // keep the transaction to record the refusal.
    await em.execute('savepoint invoice_draw');
    try {
      const transactionId = await this.post(em, req);
      return await this.draws.insertDrawn(em, req, transactionId);
    } catch (err) {
      if (!(err instanceof DomainError) || err.retriable) throw err;
      await em.execute('rollback to savepoint invoice_draw');
      return this.draws.insertRefused(em, req, err);
    }
  }

  /** The ledger movement; a missing or foreign cost code is a 404, too little available a 409. */
  private async post(em: EntityManager, req: DrawForInvoiceRequest): Promise<string> {
    const costCode = await this.costCodes.get(em, req.brandId, req.costCodeId);
    if (costCode.currency !== req.currency) {
      throw new DomainError(
        'currency_mismatch',
        `cannot pay a ${req.currency} invoice with ${costCode.currency} credit`,
      );
    }
    const settlement = await this.ledger.settlementAccount(em, req.brandId, req.currency);
    return this.ledger.post(em, {
      brandId: req.brandId,
      kind: 'invoice_payment',
      referenceId: req.paymentId,
      // Only the available account is debited: pending credit is never drawn.
      legs: move(costCode.availableAccountId, settlement, req.amount),
    });
  }
}

/** The recorded outcome as the caller's answer, provided the request is the one recorded. */
function answer(draw: InvoiceDraw, req: DrawForInvoiceRequest): InvoiceDrawView {
  const r = draw.request;
  if (
    r.brandId !== req.brandId ||
    r.invoiceId !== req.invoiceId ||
    r.costCodeId !== req.costCodeId ||
    r.amount !== req.amount ||
    r.currency !== req.currency
  ) {
    throw new DomainError(
      'idempotency_key_reused',
      `payment ${req.paymentId} was already drawn with a different request`,
    );
  }
  if (draw.status === 'refused') throw DomainError.fromSerialized(draw.error);
  return draw.view;
}
