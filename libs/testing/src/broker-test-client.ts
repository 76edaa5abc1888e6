import type { ChannelWrapper } from 'amqp-connection-manager';
import amqplib, { type GetMessage } from 'amqplib';
import { randomUUID } from 'node:crypto';
import type { EventContract, ServiceName } from '@glimmer/contracts/contract';
import { AmqpConnection } from '@glimmer/messaging/amqp-connection';
import { encode, JSON_CONTENT } from '@glimmer/messaging/envelope';
import { MessagingOptions } from '@glimmer/messaging/messaging.options';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { topology } from '@glimmer/messaging/topology';

/**
 * The broker as a test sees it: call a service's RPCs, publish an event as its producer would
 * (with a chosen message id, to test de-duplication), and look inside queues.
 */
export class BrokerTestClient {
  readonly connection: AmqpConnection;
  readonly rpc: RpcClient;
  private channel: ChannelWrapper;

  constructor(private readonly options: { prefix: string; url: string; rpcTimeoutMs?: number }) {
    const messaging: MessagingOptions = {
      service: 'gateway' as ServiceName,
      url: options.url,
      prefix: options.prefix,
      rpcTimeoutMs: options.rpcTimeoutMs ?? 5_000,
      maxRetries: 0,
      retryDelayMs: 100,
      prefetch: 10,
      outboxPollMs: 100,
      databaseUrl: '',
      relayEnabled: false,
      validateOutgoing: false, // tests send invalid payloads on purpose, to test the receiver's check
    };
    this.connection = new AmqpConnection(messaging);
    this.rpc = new RpcClient(this.connection);
  }

  async start(): Promise<this> {
    this.rpc.onModuleInit();
    this.channel = this.connection.createChannel('test', async (ch) => {
      await ch.assertExchange(topology.eventsExchange(this.options.prefix), 'topic', {
        durable: true,
      });
    });
    await this.connection.waitForConnect();
    await this.channel.waitForConnect();
    return this;
  }

  async publish<P>(
    contract: EventContract<P>,
    payload: P,
    messageId: string = randomUUID(),
  ): Promise<string> {
    await this.channel.publish(
      topology.eventsExchange(this.options.prefix),
      contract.pattern,
      encode(payload),
      {
        messageId,
        type: contract.pattern,
        contentType: JSON_CONTENT,
        persistent: true,
      },
    );
    return messageId;
  }

  /** Takes (and acknowledges) every message now in `queue`. */
  async drain(queue: string): Promise<GetMessage[]> {
    const connection = await amqplib.connect(this.options.url);
    connection.on('error', () => undefined); // a missing queue closes the channel; the get rejects
    try {
      const channel = await connection.createChannel();
      channel.on('error', () => undefined);
      const taken: GetMessage[] = [];
      for (
        let msg = await channel.get(queue, { noAck: true });
        msg;
        msg = await channel.get(queue, { noAck: true })
      ) {
        taken.push(msg);
      }
      return taken;
    } finally {
      await connection.close();
    }
  }

  async stop(): Promise<void> {
    await this.connection.onApplicationShutdown();
  }
}
