import { Inject, Injectable, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { CONFIG } from '@glimmer/config/config';
import type {
  DispatchPayoutRequest,
  DispatchPayoutResult,
  PayoutStatus,
} from '@glimmer/contracts/payout/payout.messages';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { PayoutMetrics } from '../common/payout-metrics';
import { PayoutMethodSecrets } from '../payout-methods/payout-method-secrets';
import type { PayoutMethod } from '../payout-methods/payout-method.entity';
import { PayoutMethodRepository } from '../payout-methods/payout-method.repository';
import type { PayoutConfig } from '../payout.config';
import { PAYOUT_PROVIDER, PayoutProvider, TransferResult } from '../provider/payout-provider';
import type { Payout } from './payout.entity';
import { mayRetry, retryAt, utcDate } from './payout-schedule';
import { PayoutEvents } from './payout-events';
import { PayoutRepository } from './payout.repository';
import { PayoutTiming, SCHEDULE_RULES } from './schedule-rules';

type Taken =
  | { kind: 'taken'; payout: Payout; method: PayoutMethod; redriven: boolean }
  | { kind: 'skipped'; status: PayoutStatus; reason: string };

/** The provider's own deadline; past it the outcome is unknown. */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Sends one attempt of one payout, exactly once:
 *
 * 1. take the attempt (its own transaction, committed before any money moves): scheduled or
 *    failed with `attempts = attempt - 1` and due → processing, `attempts = attempt`. An attempt
 *    already processing whose worker went silent (PAYOUT_PROCESSING_STUCK_MS) is taken over and
 *    re-driven. Anything else is skipped and says why.
 * 2. call the provider with the key `${payoutId}:${attempt}` — the same key when re-driven, so a
 *    reply lost in a crash never pays twice.
 * 3. record the answer and its event in one transaction: paid; or failed with the next attempt
 *    after a backoff; or, with no attempt left, needs_attention for ops. No answer (timeout,
 *    network) leaves the attempt processing for the sweep to re-drive.
 */
@Injectable()
export class DispatchPayout {
  private readonly logger = new Logger(DispatchPayout.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly payouts: PayoutRepository,
    private readonly methods: PayoutMethodRepository,
    private readonly secrets: PayoutMethodSecrets,
    private readonly events: PayoutEvents,
    private readonly metrics: PayoutMetrics,
    @Inject(SCHEDULE_RULES) private readonly timing: PayoutTiming,
    @Inject(PAYOUT_PROVIDER) private readonly provider: PayoutProvider,
    @Inject(CONFIG) private readonly config: PayoutConfig,
  ) {}

  async execute({ payoutId, attempt }: DispatchPayoutRequest): Promise<DispatchPayoutResult> {
    const taken = await this.take(payoutId, attempt);
    if (taken.kind === 'skipped')
      return { payoutId, status: taken.status, attempt, skipped: taken.reason };
    const { payout, method, redriven } = taken;
    if (redriven) this.logger.warn(`payout ${payoutId} attempt ${attempt} re-driven`);

    const stop = this.metrics.providerDuration.startTimer();
    let result: TransferResult;
    try {
      result = await withTimeout(
        this.provider.send({
          idempotencyKey: `${payoutId}:${attempt}`,
          payoutId,
          amount: payout.amount,
          currency: payout.currency,
          method: {
            type: method.type,
            country: method.country,
            details: this.secrets.reveal(method),
          },
        }),
        this.config.PAYOUT_PROVIDER_TIMEOUT_MS,
      );
      stop({ outcome: result.outcome });
    } catch (err) {
      stop({ outcome: 'unknown' });
      this.logger.warn(
        `payout ${payoutId} attempt ${attempt}: outcome unknown (${(err as Error).message}); left processing for the sweep`,
      );
      return { payoutId, status: 'processing', attempt, skipped: 'provider_outcome_unknown' };
    }
    return this.settle(payout, attempt, result);
  }

  private take(payoutId: string, attempt: number): Promise<Taken> {
    return this.orm.em.fork().transactional(async (em): Promise<Taken> => {
      const current = await this.payouts.lock(em, payoutId);
      if (!current) throw notFound(`payout ${payoutId}`);
      const now = new Date();
      const skip = (reason: string): Taken => ({ kind: 'skipped', status: current.status, reason });

      if (current.status === 'processing' && current.attempts === attempt) {
        const stuckBefore = new Date(now.getTime() - this.timing.processingStuckMs);
        if (current.updatedAt >= stuckBefore) return skip('in_progress');
        const payout = await this.payouts.reclaimStuck(em, payoutId, attempt, stuckBefore, now);
        if (!payout) return skip('in_progress');
        const method = await this.methods.get(em, payout.creatorId, payout.payoutMethodId!);
        if (!method) throw new DomainError('internal', `payout ${payoutId} lost its method`);
        return { kind: 'taken', payout, method, redriven: true };
      }

      if (current.status === 'paid') return skip('already_paid');
      if (current.status !== 'scheduled' && current.status !== 'failed')
        return skip(`status_${current.status}`);
      if (current.attempts !== attempt - 1) return skip(`next_attempt_is_${current.attempts + 1}`);
      if (current.dispatchAt && current.dispatchAt > now) return skip('not_due');

      // Paid to the method preferred now: a creator may switch before the payout goes out.
      const method =
        (await this.methods.preferred(em, current.creatorId)) ??
        (current.payoutMethodId
          ? await this.methods.get(em, current.creatorId, current.payoutMethodId)
          : null);
      if (!method) throw new DomainError('internal', `payout ${payoutId} has no payout method`);
      const payout = await this.payouts.claim(em, payoutId, attempt, method.id, now);
      if (!payout) return skip('taken_elsewhere');
      this.metrics.entered('processing');
      return { kind: 'taken', payout, method, redriven: false };
    });
  }

  private settle(
    payout: Payout,
    attempt: number,
    result: TransferResult,
  ): Promise<DispatchPayoutResult> {
    return this.orm.em.fork().transactional(async (em): Promise<DispatchPayoutResult> => {
      const now = new Date();
      const done = (p: Payout): DispatchPayoutResult => ({
        payoutId: p.id,
        status: p.status,
        attempt,
      });
      const elsewhere = async (): Promise<DispatchPayoutResult> => {
        const current = await this.payouts.get(em, payout.id);
        return {
          payoutId: payout.id,
          status: current?.status ?? payout.status,
          attempt,
          skipped: 'settled_elsewhere',
        };
      };

      if (result.outcome === 'paid') {
        const paid = await this.payouts.markPaid(em, payout.id, attempt, result.reference, now);
        if (!paid) return elsewhere();
        await this.events.paid(em, paid);
        return done(paid);
      }

      const reason = result.reason.slice(0, 1000);
      if (mayRetry(attempt, this.timing)) {
        const dispatchAt = retryAt(attempt, now, payout.dueBy, this.timing);
        const failed = await this.payouts.markFailed(
          em,
          payout.id,
          attempt,
          { lastError: reason, dispatchAt, expectedDate: utcDate(dispatchAt) },
          now,
        );
        if (!failed) return elsewhere();
        await this.events.scheduled(em, failed, reason);
        return done(failed);
      }
      const flagged = await this.payouts.markNeedsAttention(em, payout.id, attempt, reason, now);
      if (!flagged) return elsewhere();
      await this.events.failed(em, flagged);
      this.logger.warn(`payout ${payout.id} needs attention after ${attempt} attempts: ${reason}`);
      return done(flagged);
    });
  }
}
