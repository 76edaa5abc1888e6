import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { loadConfig } from '@glimmer/config/config';
import type { BrandActor } from '@glimmer/contracts/actor';
import type { RpcContract } from '@glimmer/contracts/contract';
import { AcceptInviteRpc, CreateInviteRpc } from '@glimmer/contracts/network/invite.messages';
import { schemaFor } from '@glimmer/database/database.options';
import { migrateService } from '@glimmer/database/migrate';
import { DomainError } from '@glimmer/errors/domain-error';
import type { ErrorCode } from '@glimmer/errors/error-codes';
import { migrateBroker } from '@glimmer/messaging/broker-setup';
import { bootstrapService } from '@glimmer/messaging/service-bootstrap';
import { BrokerTestClient } from '@glimmer/testing/broker-test-client';
import { applyEnv, createTestEnv, TestEnv } from '@glimmer/testing/test-env';
import type { CreatorActor } from '../common/actors';
import { NetworkConfig, networkConfigSchema, networkDatabase } from '../creator-network.config';
import { CreatorNetworkModule } from '../creator-network.module';

/**
 * The real creator-network service in-process against its own database and broker names,
 * called over RabbitMQ as the gateway calls it, plus a SQL pool for assertions. Invite tokens
 * are read back from the outbox (where the invite email's event waits), as a mailbox would.
 */
export class NetworkTestApp {
  private constructor(
    readonly env: TestEnv,
    readonly config: NetworkConfig,
    readonly app: INestApplication,
    readonly broker: BrokerTestClient,
    readonly db: Pool,
  ) {}

  static async start(label: string): Promise<NetworkTestApp> {
    const env = await createTestEnv(label);
    const restore = applyEnv(env.env);
    let config: NetworkConfig;
    try {
      config = loadConfig(networkConfigSchema);
    } finally {
      restore();
    }
    await migrateService(networkDatabase(config));
    await migrateBroker(config.RABBITMQ_URL, 'creator-network', { prefix: config.GLIMMER_PREFIX });
    const app = await bootstrapService(CreatorNetworkModule.forRoot(config), 0);
    const broker = await new BrokerTestClient({
      prefix: env.prefix,
      url: config.RABBITMQ_URL,
      rpcTimeoutMs: 30_000,
    }).start();
    const db = new Pool({
      connectionString: env.databaseUrl,
      options: `-c search_path=${schemaFor(env.prefix, 'creator-network')}`,
    });
    return new NetworkTestApp(env, config, app, broker, db);
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

  async sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    return (await this.db.query(text, params)).rows as T[];
  }

  /** The token of the latest invite email for this invite, from the outbox. */
  async tokenOf(inviteId: string): Promise<string> {
    const [row] = await this.sql<{ token: string }>(
      `select payload->>'token' as token from outbox_message
        where pattern = 'network.invite.sent.v1' and payload->>'inviteId' = $1
        order by seq desc limit 1`,
      [inviteId],
    );
    if (!row) throw new Error(`no invite email for ${inviteId}`);
    return row.token;
  }

  async events(pattern: string): Promise<Record<string, unknown>[]> {
    const rows = await this.sql<{ payload: Record<string, unknown> }>(
      `select payload from outbox_message where pattern = $1 order by seq`,
      [pattern],
    );
    return rows.map((r) => r.payload);
  }

  /** Invites `email` and accepts it anonymously: a creator in the brand's network. */
  async creatorIn(brand: BrandActor, email = `c-${randomUUID().slice(0, 8)}@creator.test`) {
    const invite = await this.call(CreateInviteRpc, { actor: brand, email });
    const accepted = await this.call(AcceptInviteRpc, {
      token: await this.tokenOf(invite.id),
      name: 'Test Creator',
    });
    const actor: CreatorActor = {
      userId: randomUUID(),
      role: 'creator',
      creatorId: accepted.creatorId,
      email,
    };
    return { invite, accepted, actor };
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
