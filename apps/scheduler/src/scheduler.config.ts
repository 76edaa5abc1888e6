import { z } from 'zod';
import { baseConfigSchema } from '@glimmer/config/config';

const DAY_MS = 86_400_000;
const emptyAsUnset = (v: unknown) => (v === '' ? undefined : v);

export const schedulerConfigSchema = baseConfigSchema.extend({
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
  /** Unset: emails are logged as JSON instead of sent (development). */
  SMTP_URL: z.preprocess(emptyAsUnset, z.string().url().optional()),
  MAIL_FROM: z.string().min(3).default('Glimmer <no-reply@glimmer.local>'),
  /** Jobs each worker (one per queue) runs at once in this replica. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(5),
});

export type SchedulerConfig = z.infer<typeof schedulerConfigSchema>;
