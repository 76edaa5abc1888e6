import { DynamicModule, Global, Module } from '@nestjs/common';
import { AmqpConnection } from './amqp-connection';
import { InboxRetention } from './inbox/inbox-retention.service';
import { InboxService } from './inbox/inbox.service';
import { MessagingMetrics } from './messaging.metrics';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';
import { OutboxRelay } from './outbox/outbox-relay.service';
import { OutboxService } from './outbox/outbox.service';
import { RpcClient } from './rpc-client';

/**
 * The broker for one service: its connection and RPC client and, for a service with a
 * database (its DatabaseModule imported), the outbox, its relay, the inbox and its retention.
 */
@Global()
@Module({})
export class MessagingModule {
  static forService(options: MessagingOptions, { database = true } = {}): DynamicModule {
    const providers = [
      { provide: MESSAGING_OPTIONS, useValue: options },
      AmqpConnection,
      MessagingMetrics,
      RpcClient,
      ...(database ? [OutboxService, OutboxRelay, InboxService, InboxRetention] : []),
    ];
    return { module: MessagingModule, providers, exports: providers };
  }
}
