import type { ServiceName } from '@glimmer/contracts/contract';

export interface MessagingOptions {
  service: ServiceName;
  url: string;
  prefix: string;
  rpcTimeoutMs: number;
  maxRetries: number;
  retryDelayMs: number;
  /** Unsettled deliveries (a consumer that crashed) an event may have before it is dead-lettered. */
  maxRedeliveries?: number;
  prefetch: number;
  outboxPollMs: number;
  /** The outbox relay LISTENs on its own PostgreSQL connection for new rows. */
  databaseUrl: string;
  relayEnabled: boolean;
  /** How long the dead-letter queue depths shown in /metrics are reused (gateway). */
  queueDepthCacheMs?: number;
  /** Inbox retention (InboxRetention): how old a processed-message row may get, how often and how many at a time it is deleted. */
  inboxRetentionHours?: number;
  inboxPruneEveryMs?: number;
  inboxPruneBatch?: number;
  /** Inbox batching (InboxService): the most messages of one consumer per transaction (default 100). */
  inboxBatchMax?: number;
  /** Inbox transactions of one consumer that may run at once (default 4). */
  inboxBatchesInFlight?: number;
  /**
   * The RPC patterns this service's server must answer, instead of every registry contract
   * naming the service (rpcContractsServedBy): for the messaging library's own tests and for
   * test doubles that stand in for part of a service.
   */
  servedRpcs?: readonly string[];
  /** Whether RpcClient/OutboxService validate outgoing payloads (default: outside production). */
  validateOutgoing?: boolean;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/** Builds messaging options from a service's validated base config. */
export function messagingOptionsFrom(
  service: ServiceName,
  config: {
    RABBITMQ_URL: string;
    GLIMMER_PREFIX: string;
    RPC_TIMEOUT_MS: number;
    MESSAGE_MAX_RETRIES: number;
    MESSAGE_RETRY_DELAY_MS: number;
    MESSAGE_MAX_REDELIVERIES?: number;
    MESSAGE_PREFETCH: number;
    OUTBOX_POLL_MS: number;
    DATABASE_URL: string;
    OUTBOX_RELAY: 'on' | 'off';
    MESSAGE_VALIDATE_OUTGOING?: 'on' | 'off';
    QUEUE_DEPTH_CACHE_MS?: number;
    INBOX_RETENTION_HOURS?: number;
    INBOX_PRUNE_EVERY_MS?: number;
    INBOX_PRUNE_BATCH?: number;
  },
): MessagingOptions {
  return {
    service,
    url: config.RABBITMQ_URL,
    prefix: config.GLIMMER_PREFIX,
    rpcTimeoutMs: config.RPC_TIMEOUT_MS,
    maxRetries: config.MESSAGE_MAX_RETRIES,
    retryDelayMs: config.MESSAGE_RETRY_DELAY_MS,
    maxRedeliveries: config.MESSAGE_MAX_REDELIVERIES,
    prefetch: config.MESSAGE_PREFETCH,
    outboxPollMs: config.OUTBOX_POLL_MS,
    databaseUrl: config.DATABASE_URL,
    relayEnabled: config.OUTBOX_RELAY === 'on',
    queueDepthCacheMs: config.QUEUE_DEPTH_CACHE_MS,
    inboxRetentionHours: config.INBOX_RETENTION_HOURS,
    inboxPruneEveryMs: config.INBOX_PRUNE_EVERY_MS,
    inboxPruneBatch: config.INBOX_PRUNE_BATCH,
    validateOutgoing:
      config.MESSAGE_VALIDATE_OUTGOING === undefined
        ? undefined
        : config.MESSAGE_VALIDATE_OUTGOING === 'on',
  };
}
