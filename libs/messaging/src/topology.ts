import type { ServiceName } from '@glimmer/contracts/contract';

/**
 * Broker object names. Every name starts with the environment prefix so several systems can
 * share one RabbitMQ. Never rename these: durable queues hold messages under the old names.
 */
export const topology = {
  eventsExchange: (prefix: string) => `${prefix}.events`,
  rpcQueue: (prefix: string, service: ServiceName) => `${prefix}.${service}.rpc`,
  eventQueue: (prefix: string, service: ServiceName) => `${prefix}.${service}.events`,
  retryQueue: (prefix: string, service: ServiceName) => `${prefix}.${service}.events.retry`,
  deadLetterQueue: (prefix: string, service: ServiceName) => `${prefix}.${service}.events.dlq`,
};

/** The header names Glimmer sets on messages, beside the standard AMQP properties. */
export const HEADERS = {
  retryCount: 'x-glimmer-retry-count',
  /** Deliveries that ended without an ack or nack (the consumer crashed): see AmqpServer. */
  redeliveries: 'x-glimmer-redeliveries',
  errorCode: 'x-glimmer-error-code',
  errorDetail: 'x-glimmer-error-detail',
  failedAt: 'x-glimmer-failed-at',
  originalQueue: 'x-glimmer-original-queue',
} as const;
