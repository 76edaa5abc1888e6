import { LaunchOptions, ServiceTestApp } from '@glimmer/testing/service-test-app';
import { randomUUID } from 'node:crypto';
import type { BrandActor } from '@glimmer/contracts/actor';
import { CreateCostCodeRpc, CostCodeView } from '@glimmer/contracts/credit/cost-code.messages';
import { DepositSnapshot } from '@glimmer/contracts/credit/deposit.events';
import {
  ClearDepositRpc,
  ConfirmFundsRpc,
  CreateDepositRpc,
  DepositView,
} from '@glimmer/contracts/credit/deposit.messages';
import { LedgerVerification, VerifyLedgerRpc } from '@glimmer/contracts/credit/ledger.messages';
import { CreditConfig, creditConfigSchema, creditDatabase } from '../credit.config';
import { CreditModule } from '../credit.module';

/**
 * The real credit service in-process against its own database and broker names, called over
 * RabbitMQ exactly as the gateway calls it, plus a direct SQL pool for assertions.
 */
export class CreditTestApp extends ServiceTestApp<CreditConfig> {
  static async start(label: string, options: LaunchOptions = {}): Promise<CreditTestApp> {
    return new CreditTestApp(
      await ServiceTestApp.launch(
        label,
        {
          service: 'credit',
          configSchema: creditConfigSchema,
          database: creditDatabase,
          module: (config) => CreditModule.forRoot(config),
        },
        options,
      ),
    );
  }

  verify(): Promise<LedgerVerification> {
    return this.call(VerifyLedgerRpc, {});
  }

  costCode(
    actor: BrandActor,
    code = `CC-${randomUUID().slice(0, 8)}`,
    name = 'Test code',
  ): Promise<CostCodeView> {
    return this.call(CreateCostCodeRpc, { actor, code, name });
  }

  async balances(costCodeId: string): Promise<{ available: number; pending: number }> {
    const rows = await this.sql<{ kind: string; balance: string }>(
      `select kind, balance from ledger_account where cost_code_id = $1`,
      [costCodeId],
    );
    const of = (kind: string) => Number(rows.find((r) => r.kind === kind)?.balance);
    return { available: of('available'), pending: of('pending') };
  }

  deposit(
    actor: BrandActor,
    costCodeId: string,
    amount: number,
    key: string = randomUUID(),
  ): Promise<DepositView> {
    return this.call(CreateDepositRpc, { actor, idempotencyKey: key, amount, costCodeId });
  }

  /** Puts `amount` of available credit on a cost code the way production does: deposit, confirm, clear. */
  async fund(actor: BrandActor, costCodeId: string, amount: number): Promise<DepositView> {
    const deposit = await this.deposit(actor, costCodeId, amount);
    await this.call(ConfirmFundsRpc, { creditInvoiceId: deposit.creditInvoiceId, source: 'ops' });
    return this.call(ClearDepositRpc, { depositId: deposit.id });
  }

  /** Row counts of every credit table: "nothing changed" means these are equal before and after. */
  async counts(): Promise<Record<string, number>> {
    const [row] = await this.sql<Record<string, string>>(`select
      (select count(*) from cost_code) as cost_codes, (select count(*) from ledger_account) as accounts,
      (select count(*) from journal_transaction) as transactions, (select count(*) from journal_entry) as entries,
      (select count(*) from deposit) as deposits, (select count(*) from transfer) as transfers,
      (select count(*) from invoice_draw) as invoice_draws,
      (select count(*) from payment_notice) as payment_notices,
      (select count(*) from outbox_message) as outbox,
      (select coalesce(sum(version), 0) from deposit) as deposit_versions,
      (select string_agg(id::text || ':' || balance, ',' order by id) from ledger_account) as balances`);
    return Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k, k === 'balances' ? (v as never) : Number(v)]),
    );
  }

  /** The deposit events recorded in the outbox, oldest first. */
  async depositEvents(depositId: string): Promise<{ pattern: string; payload: DepositSnapshot }[]> {
    return this.sql(
      `select pattern, payload from outbox_message where payload->>'depositId' = $1 order by seq`,
      [depositId],
    );
  }
}
