import { Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import type { ChannelWrapper } from 'amqp-connection-manager';
import type { ConsumeMessage } from 'amqplib';
import { randomUUID } from 'node:crypto';
import type { RpcContract } from '@glimmer/contracts/contract';
import { DomainError } from '@glimmer/errors/domain-error';
import { CORRELATION_HEADER, currentCorrelationId } from '@glimmer/observability/correlation';
import { AmqpConnection } from './amqp-connection';
import { encode, JSON_CONTENT, RpcReply } from './envelope';
import { MessagingMetrics } from './messaging.metrics';
import { assertOutgoingPayload, validatesOutgoing } from './payload-validation';
import { topology } from './topology';

const REPLY_TO = 'amq.rabbitmq.reply-to';

interface Pending {
  resolve: (reply: RpcReply) => void;
  timer: NodeJS.Timeout;
}

/**
 * Request/reply over RabbitMQ with direct reply-to. Every call has a deadline: past it the
 * caller gets `dependency_timeout` (504); with the broker down, `dependency_unavailable` (503)
 * at once. The request message expires with the deadline, so a backlog never runs work
 * nobody waits for. Errors thrown by the remote handler come back as the same DomainError.
 * Outside production the request is validated against the contract's class before it is sent.
 */
@Injectable()
export class RpcClient implements OnModuleInit {
  private readonly logger = new Logger(RpcClient.name);
  private readonly pending = new Map<string, Pending>();
  private channel: ChannelWrapper;

  constructor(
    private readonly connection: AmqpConnection,
    @Optional() private readonly metrics: MessagingMetrics = new MessagingMetrics(),
  ) {}

  onModuleInit(): void {
    this.channel = this.connection.createChannel('rpc-client', async (ch) => {
      await ch.consume(REPLY_TO, (msg) => this.onReply(msg), { noAck: true });
    });
  }

  async call<Req, Res>(
    contract: RpcContract<Req, Res>,
    payload: Req,
    options: { timeoutMs?: number } = {},
  ): Promise<Res> {
    const stop = this.metrics.rpcClientDuration.startTimer({ pattern: contract.pattern });
    try {
      const result = await this.send(contract, payload, options);
      stop({ outcome: 'ok' });
      return result;
    } catch (err) {
      stop({ outcome: err instanceof DomainError ? err.code : 'internal' });
      throw err;
    }
  }

  private async send<Req, Res>(
    contract: RpcContract<Req, Res>,
    payload: Req,
    options: { timeoutMs?: number },
  ): Promise<Res> {
    // Outside production the caller's payload is checked here, so a wrong one fails at the
    // call that built it (same validation_failed error the service would answer).
    if (this.connection.options.validateOutgoing ?? validatesOutgoing()) {
      await assertOutgoingPayload(contract.request, contract.pattern, payload, 'reply');
    }
    if (!this.connection.isConnected) {
      throw new DomainError(
        'dependency_unavailable',
        `the message broker is unreachable (${contract.service})`,
      );
    }
    const timeoutMs = options.timeoutMs ?? this.connection.options.rpcTimeoutMs;
    const correlationId = randomUUID();
    const reply = new Promise<RpcReply>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(correlationId);
        resolve({
          ok: false,
          error: new DomainError(
            'dependency_timeout',
            `${contract.service} did not answer ${contract.pattern} within ${timeoutMs} ms`,
          ).serialize(),
        });
      }, timeoutMs);
      this.pending.set(correlationId, { resolve, timer });
    });
    try {
      await this.channel.sendToQueue(
        topology.rpcQueue(this.connection.options.prefix, contract.service),
        encode(payload),
        {
          type: contract.pattern,
          correlationId,
          replyTo: REPLY_TO,
          messageId: randomUUID(),
          contentType: JSON_CONTENT,
          expiration: String(timeoutMs),
          // A request outlives neither its deadline nor the caller's reply queue: no disk write.
          persistent: false,
          headers: { [CORRELATION_HEADER]: currentCorrelationId() },
        },
      );
    } catch (err) {
      this.settle(correlationId, {
        ok: false,
        error: new DomainError(
          'dependency_unavailable',
          `could not send ${contract.pattern}: ${(err as Error).message}`,
        ).serialize(),
      });
    }
    const result = await reply;
    if (result.ok) return result.data as Res;
    throw DomainError.fromSerialized(result.error);
  }

  private onReply(msg: ConsumeMessage | null): void {
    if (!msg) return;
    const id = msg.properties.correlationId as string | undefined;
    if (!id || !this.pending.has(id)) {
      this.logger.warn(`dropped a late or unknown RPC reply ${id}`);
      return;
    }
    try {
      this.settle(id, JSON.parse(msg.content.toString()) as RpcReply);
    } catch {
      this.settle(id, {
        ok: false,
        error: new DomainError('internal', 'malformed RPC reply').serialize(),
      });
    }
  }

  private settle(id: string, reply: RpcReply): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pending.delete(id);
    pending.resolve(reply);
  }
}
