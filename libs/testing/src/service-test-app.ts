import type { DynamicModule, INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { z } from 'zod';
import { baseConfigSchema, loadConfig } from '@glimmer/config/config';
import type { BrandActor } from '@glimmer/contracts/actor';
import type { RpcContract, ServiceName } from '@glimmer/contracts/contract';
import { schemaFor, type ServiceDatabase } from '@glimmer/database/database.options';
import { migrateService } from '@glimmer/database/migrate';
import { DomainError } from '@glimmer/errors/domain-error';
import type { ErrorCode } from '@glimmer/errors/error-codes';
import { migrateBroker } from '@glimmer/messaging/broker-setup';
import { bootstrapService } from '@glimmer/runtime/service-bootstrap';
import { BrokerTestClient } from './broker-test-client';
import { applyEnv, createTestEnv, TestEnv } from './test-env';

type BaseConfig = z.infer<typeof baseConfigSchema>;

/** How to run one service: its config schema, database and root module. */
export interface ServiceUnderTest<C extends BaseConfig> {
  service: ServiceName;
  configSchema: z.ZodType<C, z.ZodTypeDef, unknown>;
  database: (config: C) => ServiceDatabase;
  module: (config: C) => DynamicModule;
}

export interface ServiceTestParts<C> {
  env: TestEnv;
  config: C;
  app: INestApplication;
  broker: BrokerTestClient;
  db: Pool;
  /** False when the environment was handed in (shared): then its creator destroys it. */
  ownsEnv?: boolean;
}

export interface LaunchOptions {
  /**
   * Run in an environment another test app already made (same database, broker prefix), so
   * several services answer each other's RPCs and events; that app removes it when it stops.
   */
  env?: TestEnv;
  /** Environment variables for this service only (e.g. a shorter RPC_TIMEOUT_MS). */
  overrides?: Record<string, string>;
}

/**
 * A real service in-process against its own database and broker names (migrated as a deploy
 * would), called over RabbitMQ exactly as the gateway calls it, plus a SQL pool on its schema
 * for assertions. Services extend it with their domain helpers.
 */
export class ServiceTestApp<C extends BaseConfig> {
  readonly env: TestEnv;
  readonly config: C;
  readonly app: INestApplication;
  readonly broker: BrokerTestClient;
  readonly db: Pool;
  private readonly ownsEnv: boolean;

  protected constructor(parts: ServiceTestParts<C>) {
    ({
      env: this.env,
      config: this.config,
      app: this.app,
      broker: this.broker,
      db: this.db,
    } = parts);
    this.ownsEnv = parts.ownsEnv ?? true;
  }

  protected static async launch<C extends BaseConfig>(
    label: string,
    target: ServiceUnderTest<C>,
    options: LaunchOptions = {},
  ): Promise<ServiceTestParts<C>> {
    const env = options.env ?? (await createTestEnv(label));
    const restore = applyEnv({ ...env.env, ...options.overrides });
    let config: C;
    try {
      config = loadConfig(target.configSchema);
    } finally {
      restore();
    }
    await migrateService(target.database(config));
    await migrateBroker(config.RABBITMQ_URL, target.service, { prefix: config.GLIMMER_PREFIX });
    const app = await bootstrapService(target.module(config), 0);
    const broker = await new BrokerTestClient({
      prefix: env.prefix,
      url: config.RABBITMQ_URL,
      rpcTimeoutMs: 30_000,
    }).start();
    const db = new Pool({
      connectionString: env.databaseUrl,
      options: `-c search_path=${schemaFor(env.prefix, target.service)}`,
    });
    // An idle assertion connection that PostgreSQL ends (a test terminating backends, the
    // database dropped at teardown) is replaced on the next query; it must not fail the file.
    db.on('error', () => undefined);
    return { env, config, app, broker, db, ownsEnv: !options.env };
  }

  /** Stop apps sharing an environment before the one that made it. */
  async stop(): Promise<void> {
    await this.broker?.stop();
    await this.app?.close();
    await this.db?.end();
    if (this.ownsEnv) await this.env?.destroy();
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
}

export function brandActor(overrides: Partial<BrandActor> = {}): BrandActor {
  return {
    userId: randomUUID(),
    role: 'brand',
    brandId: randomUUID(),
    currency: 'USD',
    email: `member-${randomUUID().slice(0, 8)}@brand.test`,
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
