import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import amqp, { AmqpConnectionManager, ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel } from 'amqplib';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';

/**
 * The service's one connection to RabbitMQ. It reconnects by itself; channels created here
 * re-run their setup (queues, consumers) after every reconnect. All channels are confirm
 * channels: a publish resolves only once the broker has taken responsibility for the message.
 */
@Injectable()
export class AmqpConnection implements OnApplicationShutdown {
  private readonly logger = new Logger(AmqpConnection.name);
  private manager?: AmqpConnectionManager;
  private readonly channels: ChannelWrapper[] = [];

  constructor(@Inject(MESSAGING_OPTIONS) readonly options: MessagingOptions) {}

  private connection(): AmqpConnectionManager {
    if (!this.manager) {
      this.manager = amqp.connect([this.options.url], {
        heartbeatIntervalInSeconds: 10,
        reconnectTimeInSeconds: 1,
        connectionOptions: {
          clientProperties: { connection_name: `glimmer-${this.options.service}` },
          // amqplib leaves Nagle on: a message written as several frames waited for the
          // broker's delayed ACK (~40 ms) before its last segment left — every RPC answer of
          // a few kilobytes (a page of invoices or cost codes) took 40–50 ms longer for it.
          noDelay: true,
        },
      });
      this.manager.on('connect', () => this.logger.log('connected to RabbitMQ'));
      this.manager.on('disconnect', ({ err }) =>
        this.logger.warn(`disconnected from RabbitMQ: ${err?.message}`),
      );
    }
    return this.manager;
  }

  get isConnected(): boolean {
    return this.manager?.isConnected() ?? false;
  }

  createChannel(
    name: string,
    setup: (channel: ConfirmChannel) => Promise<unknown>,
  ): ChannelWrapper {
    const channel = this.connection().createChannel({ name, confirm: true, json: false, setup });
    // A setup cut short by a dropped connection is emitted as 'error'; unheard, Node would
    // crash the process. The wrapper runs the setup again on the next connect.
    channel.on('error', (err: Error) =>
      this.logger.warn(`channel ${name}: setup failed (${err.message}); retried on reconnect`),
    );
    this.channels.push(channel);
    return channel;
  }

  /** Resolves once connected, or rejects after `timeoutMs`. */
  async waitForConnect(timeoutMs = 15_000): Promise<void> {
    await this.connection().connect({ timeout: timeoutMs });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.channels.map((c) => c.close()));
    await this.manager?.close();
  }
}
