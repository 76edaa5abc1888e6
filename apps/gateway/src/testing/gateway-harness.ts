import type { NestExpressApplication } from '@nestjs/platform-express';
import amqplib from 'amqplib';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Role } from '@glimmer/contracts/actor';
import type { Currency } from '@glimmer/money/money';
import { loadConfig } from '@glimmer/config/config';
import { EmailVerificationRequestedEvent } from '@glimmer/contracts/identity/email-verification.event';
import type { RpcReply } from '@glimmer/messaging/envelope';
import { topology } from '@glimmer/messaging/topology';
import { createTestEnv, TestEnv } from '@glimmer/testing/test-env';
import { SessionService } from '../auth/sessions/session.service';
import { GatewayConfig, gatewayConfigSchema } from '../gateway.config';
import { startGateway } from '../http/bootstrap';
import { migrateGateway } from '../migrate';

/** Tests read response and message bodies freely; they are JSON of a shape the test asserts. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface TestResponse {
  status: number;
  headers: Headers;
  body: Json;
}

export interface GatewayUnderTest {
  env: TestEnv;
  config: GatewayConfig;
  app: NestExpressApplication;
  url: string;
  /** fetch against the gateway, JSON in and out. */
  request(
    method: string,
    path: string,
    options?: {
      body?: unknown;
      rawBody?: string;
      token?: string;
      headers?: Record<string, string>;
    },
  ): Promise<TestResponse>;
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  /**
   * An access token of a real session for an account made here (its brand too, for a brand
   * member), for tests whose back end is a stub and who need no login.
   */
  tokenFor(user: TestAccount): Promise<string>;
  stop(): Promise<void>;
}

export interface TestAccount {
  role: Role;
  email: string;
  name: string;
  brandId?: string;
  creatorId?: string;
  currency?: Currency;
}

/** An isolated database and broker prefix, the gateway migrated and started in-process on port 0. */
export async function startGatewayUnderTest(
  label: string,
  env: Record<string, string> = {},
): Promise<GatewayUnderTest> {
  const testEnv = await createTestEnv(label);
  const config = loadConfig(gatewayConfigSchema, { ...testEnv.env, ...env });
  await migrateGateway(config);
  const app = await startGateway(config, 0);
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const db = new Client({
    connectionString: testEnv.databaseUrl,
    options: `-c search_path=${testEnv.prefix}_gateway`,
  });
  await db.connect();
  return {
    env: testEnv,
    config,
    app,
    url,
    async request(method, path, { body, rawBody, token, headers = {} } = {}) {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: {
          ...(body !== undefined || rawBody !== undefined
            ? { 'content-type': 'application/json' }
            : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, headers: res.headers, body: parsed };
    },
    async sql(query, params = []) {
      return (await db.query(query, params)).rows;
    },
    async tokenFor(user) {
      const id = randomUUID();
      if (user.brandId)
        await db.query(
          `insert into brand (id, name, currency, finance_email) values ($1, $2, $3, $4)
           on conflict (id) do nothing`,
          [user.brandId, `Brand of ${user.name}`, user.currency ?? 'USD', user.email],
        );
      await db.query(
        `insert into user_account (id, email, password_hash, role, brand_id, creator_id, name)
         values ($1, $2, 'unusable', $3, $4, $5, $6)`,
        [id, user.email, user.role, user.brandId ?? null, user.creatorId ?? null, user.name],
      );
      const session = await app.get(SessionService).start({
        id,
        email: user.email,
        role: user.role,
        brandId: user.brandId ?? null,
        creatorId: user.creatorId ?? null,
        currency: user.brandId ? (user.currency ?? 'USD') : null,
        name: user.name,
      });
      return session.accessToken;
    },
    async stop() {
      await db.end();
      await app.close();
      await testEnv.destroy();
    },
  };
}

/**
 * Opens a brand member's newest email verification link, as the emailed link would: the token is
 * read from the gateway's outbox, where the scheduler would pick it up (no scheduler here).
 */
export async function verifyEmailOf(
  gw: GatewayUnderTest,
  email: string,
  headers: Record<string, string> = {},
): Promise<TestResponse> {
  const [row] = await gw.sql<{ token: string }>(
    `select payload->>'token' as token from outbox_message
      where pattern = $1 and lower(payload->>'email') = lower($2)
      order by seq desc limit 1`,
    [EmailVerificationRequestedEvent.pattern, email],
  );
  if (!row) throw new Error(`no verification link was sent to ${email}`);
  const res = await gw.request('POST', '/v1/auth/verify-email', {
    body: { token: row.token },
    headers,
  });
  if (res.status !== 200)
    throw new Error(`verify-email: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

export interface RpcCall {
  pattern: string;
  payload: Json;
  headers: Record<string, unknown>;
}

/**
 * Stands in for a service on its RPC queue: records every call and answers with `respond`.
 * Lets the gateway's own behaviour (idempotency, actor, correlation) be tested without it.
 */
export async function startRpcStub(
  prefix: string,
  service: 'credit' | 'invoicing',
  respond: (call: RpcCall) => Promise<RpcReply> | RpcReply,
): Promise<{ calls: RpcCall[]; stop(): Promise<void> }> {
  const connection = await amqplib.connect(
    process.env.TEST_RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
  );
  const channel = await connection.createChannel();
  const queue = topology.rpcQueue(prefix, service);
  await channel.assertQueue(queue, { durable: true });
  const calls: RpcCall[] = [];
  await channel.consume(queue, (msg) => {
    if (!msg) return;
    const call = {
      pattern: String(msg.properties.type),
      payload: JSON.parse(msg.content.toString()),
      headers: msg.properties.headers ?? {},
    };
    calls.push(call);
    void Promise.resolve(respond(call)).then((reply) => {
      channel.sendToQueue(msg.properties.replyTo, Buffer.from(JSON.stringify(reply)), {
        correlationId: msg.properties.correlationId,
      });
      channel.ack(msg);
    });
  });
  return {
    calls,
    async stop() {
      await connection.close();
    },
  };
}
