import { Injectable } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { DepositClearedEvent } from '@glimmer/contracts/credit/deposit.events';
import type { DepositView } from '@glimmer/contracts/credit/deposit.messages';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { OutboxService } from '@glimmer/messaging/outbox/outbox.service';
import type { CostCode } from '../cost-codes/cost-code.entity';
import type { Deposit } from './deposit.entity';
import { CostCodeRepository } from '../cost-codes/cost-code.repository';
import { move } from '../ledger/ledger-legs';
import { LedgerGroupCommit } from '../ledger/ledger-group-commit';
import { LedgerService } from '../ledger/ledger.service';
import { DepositRepository } from './deposit.repository';
import { toDepositSnapshot, toDepositView } from './deposit.views';

export interface ClearDepositCommand {
  depositId: string;
}

/**
 * A deposit whose funds are confirmed clears: its credit moves from pending to available.
 * Under the deposit's row lock, in a group commit with other ledger commands; clearing again
 * answers the cleared deposit without a new event.
 */
@Injectable()
export class ClearDeposit {
  constructor(
    private readonly orm: MikroORM,
    private readonly deposits: DepositRepository,
    private readonly costCodes: CostCodeRepository,
    private readonly ledger: LedgerService,
    private readonly outbox: OutboxService,
    private readonly batches: LedgerGroupCommit,
  ) {}

  async execute({ depositId }: ClearDepositCommand): Promise<DepositView> {
    // Which accounts the clearing posts to, read before the transaction so the group commit
    // can lock them up front; a cleared deposit stays cleared, so a repeat is answered here.
    const readEm = this.orm.em.fork();
    const known = await this.deposits.byId(readEm, depositId);
    if (!known) throw notFound('deposit');
    if (known.status === 'cleared') return toDepositView(known);
    const accounts = await this.costCodes.get(readEm, known.brandId, known.costCodeId);
    return this.batches.run({
      lockRows: [accounts.pendingAccountId, accounts.availableAccountId],
      run: (em) => this.clearIn(em, depositId, accounts),
    });
  }

  private async clearIn(
    em: EntityManager,
    depositId: string,
    accounts: CostCode,
  ): Promise<DepositView> {
    const deposit = await this.deposits.byId(em, depositId, { lock: true });
    if (!deposit) throw notFound('deposit');
    if (deposit.status === 'cleared') return toDepositView(deposit);
    assertClearable(deposit);
    await this.ledger.post(em, {
      brandId: deposit.brandId,
      kind: 'deposit_cleared',
      referenceId: deposit.id,
      legs: move(accounts.pendingAccountId, accounts.availableAccountId, deposit.amount),
    });
    const cleared = await this.deposits.clear(em, deposit);
    await this.outbox.add(em, DepositClearedEvent, toDepositSnapshot(cleared));
    return toDepositView(cleared);
  }
}

/** A locked, uncleared deposit may clear only when it is not voided and its funds are confirmed. */
export function assertClearable(deposit: Deposit): void {
  if (deposit.status === 'voided')
    throw new DomainError('deposit_voided', 'the deposit was voided');
  if (!deposit.fundsConfirmedAt) {
    throw new DomainError(
      'funds_not_confirmed',
      'the deposit cannot clear before its funds are confirmed',
    );
  }
}
