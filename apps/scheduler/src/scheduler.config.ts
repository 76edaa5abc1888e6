import { z } from 'zod';
import { baseConfigSchema } from '@glimmer/config/config';
import { refuseUnsafeInProduction } from '@glimmer/config/production-guards';
import { DEV_QUEUE_BOARD_SECRET } from '@glimmer/contracts/scheduler/queue-board';

const DAY_MS = 86_400_000;
const emptyAsUnset = (v: unknown) => (v === '' ? undefined : v);

export const schedulerConfigSchema = baseConfigSchema
  .extend({
    /** The sandbox payment provider confirms a deposit's funds this long after it was made; 0: never. */
    CREDIT_SANDBOX_CLEAR_AFTER_MS: z.coerce
      .number()
      .int()
      .min(0)
      .max(30 * DAY_MS)
      .default(0),
    /** How long confirmed funds are held before the deposit clears (pending → available). */
    CREDIT_CLEARING_HOLD_MS: z.coerce
      .number()
      .int()
      .min(0)
      .max(30 * DAY_MS)
      .default(0),
    /** How often every pending deposit is re-checked, so none is forgotten. */
    CREDIT_SWEEP_EVERY_MS: z.coerce.number().int().min(100).max(DAY_MS).default(60_000),
    /**
     * The deadline of one DispatchPayoutRpc (the payout service talks to its provider within it).
     * Past it the job is retried with backoff; the dispatch is idempotent per attempt.
     */
    PAYOUT_DISPATCH_DEADLINE_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
    /** How often the payout sweep asks for due payouts whose dispatch job was lost or got stuck. */
    PAYOUT_SWEEP_EVERY_MS: z.coerce.number().int().min(100).max(DAY_MS).default(60_000),
    /** The sweep only takes payouts due at least this long ago: the delayed job gets its chance first. */
    PAYOUT_SWEEP_GRACE_MS: z.coerce.number().int().min(0).max(DAY_MS).default(60_000),
    /** At most this many due payouts per sweep run (the rest come in the next runs). */
    PAYOUT_SWEEP_LIMIT: z.coerce.number().int().min(1).max(10_000).default(500),
    /** How often invoicing is asked to finish credit applications left half-done. */
    PAYMENT_RESOLVE_EVERY_MS: z.coerce.number().int().min(100).max(DAY_MS).default(60_000),
    /** A credit application still unconfirmed after this long counts as left half-done. */
    PAYMENT_RESOLVE_AFTER_MS: z.coerce.number().int().min(0).max(DAY_MS).default(60_000),
    /** How often creator-network is asked for sent offers past due whose expiry job was lost. */
    OFFER_SWEEP_EVERY_MS: z.coerce.number().int().min(100).max(DAY_MS).default(600_000),
    /**
     * How often each replica checks that every sweep still has its schedule in Redis and restores
     * a missing one (it also does at start and whenever its Redis connection comes back).
     */
    SCHEDULE_CHECK_EVERY_MS: z.coerce.number().int().min(100).max(DAY_MS).default(30_000),
    /** Unset: emails are logged as JSON instead of sent (development). */
    SMTP_URL: z.preprocess(emptyAsUnset, z.string().url().optional()),
    MAIL_FROM: z.string().min(3).default('Glimmer <no-reply@glimmer.local>'),
    /** The web app every email links into (its pages: /offers/<id>, /dashboard, …). */
    APP_URL: z.string().url().default('http://127.0.0.1:3000'),
    /** Jobs each worker (one per queue) runs at once in this replica. */
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(5),
    /**
     * The secret the gateway sends with every request it proxies to the queue board (Bull Board
     * at /ops/queues on HEALTH_PORT); requests without it are refused. The gateway's value.
     */
    QUEUE_BOARD_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  })
  .superRefine(refuseUnsafeInProduction)
  .superRefine((config, ctx) => {
    // Without SMTP_URL emails are only logged: nobody would get an invite, an invoice or a notice.
    if (config.NODE_ENV === 'production' && !config.SMTP_URL)
      ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'is required in production' });
    // The published development default is refused by refuseUnsafeInProduction.
    if (config.NODE_ENV === 'production' && !config.QUEUE_BOARD_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['QUEUE_BOARD_SECRET'],
        message: 'is required in production',
      });
  })
  .transform((config) => ({
    ...config,
    QUEUE_BOARD_SECRET: config.QUEUE_BOARD_SECRET ?? DEV_QUEUE_BOARD_SECRET,
  }));

export type SchedulerConfig = z.infer<typeof schedulerConfigSchema>;
