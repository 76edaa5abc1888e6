import { Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '@glimmer/contracts/actor';
import {
  DepositClearedEvent,
  DepositFundsConfirmedEvent,
  DepositVoidedEvent,
} from '@glimmer/contracts/credit/deposit.events';
import type {
  DepositView,
  FundsConfirmationSource,
  PendingDepositRef,
  VoidCreditInvoiceResult,
} from '@glimmer/contracts/credit/deposit.messages';
import { toAmount, toIso } from '@glimmer/database/sql';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { OutboxService } from '@glimmer/messaging/outbox/outbox.service';
import { requireBrand } from '@glimmer/contracts/actor';
import { CostCodeRepository } from '../cost-codes/cost-code.repository';
import { move } from '../ledger/ledger-legs';
import { LedgerService } from '../ledger/ledger.service';
import {
  DepositRepository,
  DepositRow,
  toDepositSnapshot,
  toDepositView,
} from './deposit.repository';

/**
 * What happens to a deposit after it is created: funds confirmed, cleared, or voided with its
 * credit invoice. Each step locks the deposit row first, so replays and races see one state,
 * and repeating a step that already happened answers the same result without a new event.
 */
@Injectable()
export class DepositLifecycleService {
  constructor(
    private readonly orm: MikroORM,
    private readonly deposits: DepositRepository,
    private readonly costCodes: CostCodeRepository,
    private readonly ledger: LedgerService,
    private readonly outbox: OutboxService,
  ) {}

  async confirmFunds(
    creditInvoiceId: string,
    source: FundsConfirmationSource,
  ): Promise<DepositView> {
    return this.orm.em.fork().transactional(async (em) => {
      const row = await this.deposits.byCreditInvoice(em, creditInvoiceId, { lock: true });
      if (!row) throw notFound('credit invoice');
      if (row.funds_confirmed_at) return toDepositView(row);
      if (row.status === 'voided')
        throw new DomainError('deposit_voided', 'the credit invoice was voided');
      return toDepositView(await this.confirmLocked(em, row, source));
    });
  }

  /** Records the funds of a deposit the caller has locked, is not voided and not yet confirmed. */
  async confirmLocked(
    em: EntityManager,
    row: DepositRow,
    source: FundsConfirmationSource,
  ): Promise<DepositRow> {
    const updated = await this.deposits.transition(em, row.id, 'confirmFunds', [source]);
    await this.outbox.add(em, DepositFundsConfirmedEvent, toDepositSnapshot(updated));
    return updated;
  }

  async clear(depositId: string): Promise<DepositView> {
    return this.orm.em.fork().transactional(async (em) => {
      const row = await this.deposits.byId(em, depositId, { lock: true });
      if (!row) throw notFound('deposit');
      if (row.status === 'cleared') return toDepositView(row);
      if (row.status === 'voided')
        throw new DomainError('deposit_voided', 'the deposit was voided');
      if (!row.funds_confirmed_at) {
        throw new DomainError(
          'funds_not_confirmed',
          'the deposit cannot clear before its funds are confirmed',
        );
      }
      const accounts = await this.costCodes.get(em, row.brand_id, row.cost_code_id);
      await this.ledger.post(em, {
        brandId: row.brand_id,
        kind: 'deposit_cleared',
        referenceId: row.id,
        legs: move(accounts.pendingAccountId, accounts.availableAccountId, toAmount(row.amount)),
      });
      const updated = await this.deposits.transition(em, row.id, 'clear');
      await this.outbox.add(em, DepositClearedEvent, toDepositSnapshot(updated));
      return toDepositView(updated);
    });
  }

  /** Delete an unpaid credit invoice: the deposit is voided and its pending credit leaves. */
  async voidByCreditInvoice(
    actor: Actor,
    creditInvoiceId: string,
  ): Promise<VoidCreditInvoiceResult> {
    const brand = requireBrand(actor);
    return this.orm.em.fork().transactional(async (em) => {
      const row = await this.deposits.byCreditInvoice(em, creditInvoiceId, { lock: true });
      if (!row || row.brand_id !== brand.brandId) throw notFound('credit invoice');
      if (row.status === 'voided') return voidResult(row);
      if (row.status === 'cleared') {
        throw new DomainError(
          'deposit_already_cleared',
          'the credit has cleared; its invoice is paid',
          {
            meta: { depositId: row.id },
          },
        );
      }
      if (row.funds_confirmed_at) {
        throw new DomainError(
          'credit_invoice_already_paid',
          'the funds for this credit invoice have arrived',
          {
            meta: { depositId: row.id },
          },
        );
      }
      const accounts = await this.costCodes.get(em, row.brand_id, row.cost_code_id);
      const funding = await this.ledger.fundingAccount(em, row.brand_id, row.currency.trim());
      await this.ledger.post(em, {
        brandId: row.brand_id,
        kind: 'deposit_voided',
        referenceId: row.id,
        legs: move(accounts.pendingAccountId, funding, toAmount(row.amount)),
      });
      const updated = await this.deposits.transition(em, row.id, 'void');
      await this.outbox.add(em, DepositVoidedEvent, toDepositSnapshot(updated));
      return voidResult(updated);
    });
  }

  async listPending(afterId: string | undefined, limit: number) {
    const rows = await this.deposits.pendingAfter(this.orm.em.fork(), afterId, limit);
    const data: PendingDepositRef[] = rows.map((row: DepositRow) => ({
      id: row.id,
      creditInvoiceId: row.credit_invoice_id,
      createdAt: toIso(row.created_at)!,
      fundsConfirmedAt: toIso(row.funds_confirmed_at),
    }));
    return { data, nextAfterId: rows.length === limit ? rows[rows.length - 1].id : null };
  }
}

function voidResult(row: DepositRow): VoidCreditInvoiceResult {
  return {
    id: row.credit_invoice_id,
    status: 'void',
    depositId: row.id,
    pendingCreditRemoved: toAmount(row.amount),
    currency: row.currency.trim(),
  };
}
