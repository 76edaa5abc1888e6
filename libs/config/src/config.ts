import { z } from 'zod';

/**
 * Settings every service reads. Each service extends this with its own keys; the result is
 * validated once at start and the process exits with a readable message when it is wrong.
 */
export const baseConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/glimmer'),
  RABBITMQ_URL: z.string().url().default('amqp://guest:guest@127.0.0.1:5672'),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  /**
   * Names every broker object, Redis key and PostgreSQL schema, so two environments (a running
   * system and a test run) can share one PostgreSQL, RabbitMQ and Redis.
   */
  GLIMMER_PREFIX: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,30}$/, 'lower-case letters, digits and _, starting with a letter')
    .default('glimmer'),
  RPC_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  /** How many times an event is retried (with RETRY_DELAY_MS between) before it is dead-lettered. */
  MESSAGE_MAX_RETRIES: z.coerce.number().int().min(0).max(50).default(5),
  MESSAGE_RETRY_DELAY_MS: z.coerce.number().int().min(10).max(3_600_000).default(5_000),
  /**
   * Deliveries of one event that ended unsettled (its consumer crashed or lost the broker
   * mid-handler) before it is dead-lettered as `delivery_limit_exceeded`.
   */
  MESSAGE_MAX_REDELIVERIES: z.coerce.number().int().min(1).max(100).default(5),
  MESSAGE_PREFETCH: z.coerce.number().int().min(1).max(1_000).default(32),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(500),
  /**
   * Whether this replica relays its service's outbox to the broker. Off lets ops run the relay
   * in dedicated replicas (or hold events back during an incident); rows wait, nothing is lost.
   */
  OUTBOX_RELAY: z.enum(['on', 'off']).default('on'),
  /**
   * Whether RPC requests and outbox events are validated against their contract before they
   * are sent (the receiver validates them anyway). Unset: on outside production, off in it.
   */
  MESSAGE_VALIDATE_OUTGOING: z.enum(['on', 'off']).optional(),
  /**
   * Inbox retention: processed-message ids older than this are deleted (every
   * INBOX_PRUNE_EVERY_MS, INBOX_PRUNE_BATCH rows per transaction). Keep it longer than any
   * dead letter may wait before it is replayed: an older replay is no longer de-duplicated.
   */
  INBOX_RETENTION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 3650)
    .default(24 * 30),
  INBOX_PRUNE_EVERY_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(3_600_000),
  INBOX_PRUNE_BATCH: z.coerce.number().int().min(1).max(100_000).default(5_000),
  /** The port the service's health and metrics endpoints listen on (the gateway uses PORT). */
  HEALTH_PORT: z.coerce.number().int().min(0).max(65_535).default(0),
});

export type BaseConfig = z.infer<typeof baseConfigSchema>;

/** Keys whose values never appear in logs or error messages. */
export const SECRET_KEYS = new Set([
  'JWT_SECRET',
  'PAYMENTS_WEBHOOK_SECRET',
  'OPS_PASSWORD',
  'DATABASE_URL',
  'RABBITMQ_URL',
  'REDIS_URL',
  'SMTP_URL',
  'PAYOUT_ENCRYPTION_KEY',
  'PAYOUT_ENCRYPTION_PREVIOUS_KEYS',
  'INVITE_TOKEN_SECRET',
  'QUEUE_BOARD_SECRET',
]);

export class ConfigError extends Error {}

/** Parses `env` against `schema`; throws a ConfigError naming every bad key (values of secrets hidden). */
export function loadConfig<S extends z.ZodTypeAny>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const key = issue.path.join('.');
    const shown = SECRET_KEYS.has(key) ? '(secret)' : JSON.stringify(env[key]);
    return `  ${key}=${shown}: ${issue.message}`;
  });
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

/** The injection token for a service's validated config object. */
export const CONFIG = Symbol('GLIMMER_CONFIG');
