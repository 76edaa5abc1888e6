import type { ConfirmChannel } from 'amqplib';
import { SERVICES, type ServiceName } from '@glimmer/contracts/contract';
import { SUBSCRIPTIONS } from '@glimmer/contracts/subscriptions';
import { topology } from './topology';

export function subscribedPatterns(service: ServiceName): string[] {
  return (SUBSCRIPTIONS[service] ?? []).map((c) => c.pattern);
}

export interface BrokerSettings {
  prefix: string;
}

/**
 * Declares one service's queues: its RPC queue, its event queue bound to the events it
 * subscribes to, a retry queue whose expired messages flow back into the event queue, and a
 * dead-letter queue. Idempotent, so every replica and the setup step may call it.
 */
export async function assertServiceTopology(
  channel: ConfirmChannel,
  service: ServiceName,
  settings: BrokerSettings,
  patterns: readonly string[] = subscribedPatterns(service),
): Promise<void> {
  const { prefix } = settings;
  const exchange = topology.eventsExchange(prefix);
  await channel.assertExchange(exchange, 'topic', { durable: true });
  await channel.assertQueue(topology.rpcQueue(prefix, service), { durable: true });
  const events = topology.eventQueue(prefix, service);
  await channel.assertQueue(events, { durable: true });
  await channel.assertQueue(topology.retryQueue(prefix, service), {
    durable: true,
    // The delay is set per message (expiration), not here: changing it then needs no queue redeclare.
    arguments: {
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': events,
    },
  });
  await channel.assertQueue(topology.deadLetterQueue(prefix, service), { durable: true });
  for (const pattern of patterns) await channel.bindQueue(events, exchange, pattern);
}

/** Declares the topology of every service: run once as a setup step before services start. */
export async function assertAllTopology(
  channel: ConfirmChannel,
  settings: BrokerSettings,
): Promise<void> {
  for (const service of SERVICES) await assertServiceTopology(channel, service, settings);
}

/**
 * The broker half of a service's `migrate` step: declares its queues and bindings before any
 * replica starts, so events published meanwhile wait in its queue.
 */
export async function migrateBroker(
  url: string,
  service: ServiceName,
  settings: BrokerSettings,
): Promise<void> {
  const amqplib = await import('amqplib');
  const connection = await amqplib.connect(url);
  try {
    const channel = await connection.createConfirmChannel();
    await assertServiceTopology(channel, service, settings);
    await channel.close();
  } finally {
    await connection.close();
  }
}
