import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { loadConfig } from '@glimmer/config/config';
import type { BrandActor } from '@glimmer/contracts/actor';
import type { RpcContract } from '@glimmer/contracts/contract';
import { CreateCostCodeRpc, CostCodeView } from '@glimmer/contracts/credit/cost-code.messages';
import { DepositSnapshot } from '@glimmer/contracts/credit/deposit.events';
import {
  ClearDepositRpc,
  ConfirmFundsRpc,
  CreateDepositRpc,
  DepositView,
} from '@glimmer/contracts/credit/deposit.messages';
import { LedgerVerification, VerifyLedgerRpc } from '@glimmer/contracts/credit/ledger.messages';
import { schemaFor } from '@glimmer/database/database.options';
import { migrateService } from '@glimmer/database/migrate';
import { DomainError } from '@glimmer/errors/domain-error';
import type { ErrorCode } from '@glimmer/errors/error-codes';
import { migrateBroker } from '@glimmer/messaging/broker-setup';
import { bootstrapService } from '@glimmer/messaging/service-bootstrap';
import { BrokerTestClient } from '@glimmer/testing/broker-test-client';
import { applyEnv, createTestEnv, TestEnv } from '@glimmer/testing/test-env';
import { CreditConfig, creditConfigSchema, creditDatabase } from '../credit.config';
import { CreditModule } from '../credit.module';

/**
 * The real credit service in-process against its own database and broker names, called over
 * RabbitMQ exactly as the gateway calls it, plus a direct SQL pool for assertions.
 */
export class CreditTestApp {
  private constructor(
    readonly env: TestEnv,
    readonly config: CreditConfig,
    readonly app: INestApplication,
    readonly broker: BrokerTestClient,
    readonly db: Pool,
  ) {}

  static async start(label: string): Promise<CreditTestApp> {
    const env = await createTestEnv(label);
    const restore = applyEnv(env.env);
    let config: CreditConfig;
    try {
      config = loadConfig(creditConfigSchema);
    } finally {
      restore();
    }
    await migrateService(creditDatabase(config));
    await migrateBroker(config.RABBITMQ_URL, 'credit', { prefix: config.GLIMMER_PREFIX });
    const app = await bootstrapService(CreditModule.forRoot(config), 0);
    const broker = await new BrokerTestClient({
      prefix: env.prefix,
      url: config.RABBITMQ_URL,
      rpcTimeoutMs: 30_000,
    }).start();
    const db = new Pool({
      connectionString: env.databaseUrl,
      options: `-c search_path=${schemaFor(env.prefix, 'credit')}`,
    });
    return new CreditTestApp(env, config, app, broker, db);
  }

  async stop(): Promise<void> {
    await this.broker?.stop();
    await this.app?.close();
    await this.db?.end();
    await this.env?.destroy();
  }

  call<Req, Res>(contract: RpcContract<Req, Res>, payload: Req): Promise<Res> {
    return this.broker.rpc.call(contract, payload);
  }

  /** Sends a payload the types would refuse (unknown fields, wrong types) to test validation. */
  callRaw(contract: RpcContract<unknown, unknown>, payload: unknown): Promise<unknown> {
    return this.broker.rpc.call(contract, payload);
  }

  async sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    return (await this.db.query(text, params)).rows as T[];
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

export function brandActor(overrides: Partial<BrandActor> = {}): BrandActor {
  return {
    userId: randomUUID(),
    role: 'brand',
    brandId: randomUUID(),
    currency: 'USD',
    ...overrides,
  };
}

/** Awaits a promise that must fail with a DomainError of `code`; returns the error. */
export async function expectError(
  promise: Promise<unknown>,
  code: ErrorCode,
): Promise<DomainError> {
  const outcome = await promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (outcome.ok)
    throw new Error(`expected ${code}, got success: ${JSON.stringify(outcome.value)}`);
  const err = outcome.error as DomainError;
  if (!(err instanceof DomainError) || err.code !== code) {
    throw new Error(
      `expected ${code}, got ${err instanceof DomainError ? `${err.code}: ${err.message}` : String(err)}`,
    );
  }
  return err;
}
