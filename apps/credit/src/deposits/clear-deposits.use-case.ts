import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { DepositClearedEvent } from '@glimmer/contracts/credit/deposit.events';
import type {
  ClearDepositOutcome,
  ClearDepositsResult,
} from '@glimmer/contracts/credit/deposit.messages';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { toDomainError } from '@glimmer/errors/to-domain-error';
import { OutboxService } from '@glimmer/messaging/outbox/outbox.service';
import type { CostCode } from '../cost-codes/cost-code.entity';
import { CostCodeRepository } from '../cost-codes/cost-code.repository';
import { move } from '../ledger/ledger-legs';
import { LedgerGroupCommit } from '../ledger/ledger-group-commit';
import { LedgerService } from '../ledger/ledger.service';
import { assertClearable, ClearDeposit } from './clear-deposit.use-case';
import type { Deposit } from './deposit.entity';
import { DepositRepository } from './deposit.repository';
import { toDepositSnapshot, toDepositView } from './deposit.views';

/**
 * A run of deposits clears in one transaction: one lock of their accounts (in id order) and of
 * their rows (in id order), one statement for their postings (still one journal transaction per
 * deposit), one update and one outbox insert — the scheduler's clearing jobs coalesced, so the
 * fixed cost of a transaction is paid once per run. Each deposit gets its own answer: a voided or
 * unconfirmed one is refused alone and the rest clear. If the run fails as a whole (a refused
 * posting would mean the ledger disagrees with the deposit; a lost connection), every deposit is
 * cleared again on its own, so one cannot hold back the others.
 */
@Injectable()
export class ClearDeposits {
  private readonly logger = new Logger(ClearDeposits.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly deposits: DepositRepository,
    private readonly costCodes: CostCodeRepository,
    private readonly ledger: LedgerService,
    private readonly outbox: OutboxService,
    private readonly batches: LedgerGroupCommit,
    private readonly clearOne: ClearDeposit,
  ) {}

  async execute(depositIds: readonly string[]): Promise<ClearDepositsResult> {
    const ids = [...new Set(depositIds)];
    const answers = new Map<string, ClearDepositOutcome>();
    // Read before the transaction, as ClearDeposit does: which accounts to lock up front, and
    // which deposits are already settled (cleared stays cleared).
    const readEm = this.orm.em.fork();
    const known = await this.deposits.byIds(readEm, ids);
    const open: Deposit[] = [];
    for (const id of ids) {
      const deposit = known.get(id);
      if (!deposit) answers.set(id, refused(id, notFound('deposit')));
      else if (deposit.status === 'cleared') answers.set(id, cleared(deposit));
      else open.push(deposit);
    }
    if (open.length > 0) {
      const codes = await this.costCodes.byIds(readEm, [...new Set(open.map((d) => d.costCodeId))]);
      try {
        const outcomes = await this.batches.run({
          lockRows: [...codes.values()].flatMap((c) => [c.pendingAccountId, c.availableAccountId]),
          run: (em) =>
            this.clearRun(
              em,
              open.map((d) => d.id),
              codes,
            ),
        });
        for (const outcome of outcomes) answers.set(outcome.depositId, outcome);
      } catch (err) {
        this.logger.warn(
          { deposits: open.length, err: (err as Error).message },
          'a clearing run failed as a whole; clearing its deposits one by one',
        );
        const alone = await Promise.all(open.map((d) => this.clearAlone(d.id)));
        for (const outcome of alone) answers.set(outcome.depositId, outcome);
      }
    }
    return { outcomes: depositIds.map((id) => answers.get(id)!) };
  }

  private async clearRun(
    em: EntityManager,
    ids: string[],
    codes: Map<string, CostCode>,
  ): Promise<ClearDepositOutcome[]> {
    const locked = await this.deposits.byIds(em, ids, { lock: true });
    const outcomes: ClearDepositOutcome[] = [];
    const clearable: Deposit[] = [];
    for (const id of ids) {
      const deposit = locked.get(id);
      if (!deposit) outcomes.push(refused(id, notFound('deposit')));
      else if (deposit.status === 'cleared') outcomes.push(cleared(deposit));
      else {
        try {
          assertClearable(deposit);
          clearable.push(deposit);
        } catch (err) {
          outcomes.push(refused(id, err));
        }
      }
    }
    if (clearable.length === 0) return outcomes;
    await this.ledger.postMany(
      em,
      clearable.map((deposit) => {
        const code = codes.get(deposit.costCodeId)!;
        return {
          brandId: deposit.brandId,
          kind: 'deposit_cleared' as const,
          referenceId: deposit.id,
          legs: move(code.pendingAccountId, code.availableAccountId, deposit.amount),
        };
      }),
    );
    const done = await this.deposits.clearAll(em, clearable);
    await this.outbox.addAll(
      em,
      DepositClearedEvent,
      done.map((deposit) => ({ payload: toDepositSnapshot(deposit) })),
    );
    return [...outcomes, ...done.map(cleared)];
  }

  private async clearAlone(depositId: string): Promise<ClearDepositOutcome> {
    try {
      return { depositId, deposit: await this.clearOne.execute({ depositId }) };
    } catch (err) {
      if (!(err instanceof DomainError)) {
        this.logger.error({ depositId, err }, 'clearing a deposit alone failed');
      }
      return refused(depositId, err);
    }
  }
}

function cleared(deposit: Deposit): ClearDepositOutcome {
  return { depositId: deposit.id, deposit: toDepositView(deposit) };
}

function refused(depositId: string, err: unknown): ClearDepositOutcome {
  return { depositId, error: toDomainError(err).serialize() };
}
