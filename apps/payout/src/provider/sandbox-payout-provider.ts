import { MikroORM } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import type { PayoutProvider, TransferRequest, TransferResult } from './payout-provider';

export interface SandboxOptions {
  failRate: number;
  latencyMs: number;
  /** Stands in for Math.random, so tests can decide outcomes. */
  random?: () => number;
}

interface TransferRow {
  payout_id: string;
  amount: string;
  outcome: 'paid' | 'failed';
  reference: string | null;
  reason: string | null;
}

/**
 * A provider that behaves like a real idempotent one, without moving money: after a
 * configurable latency it pays (or fails, at the configured rate) and keeps each idempotency
 * key in its own books (`sandbox_provider_transfer`); a repeated key answers the stored outcome
 * and moves nothing. Those books are also the proof that each payout was sent exactly once.
 */
export class SandboxPayoutProvider implements PayoutProvider {
  readonly name = 'sandbox';

  constructor(
    private readonly orm: MikroORM,
    private readonly options: SandboxOptions,
  ) {}

  async send(req: TransferRequest): Promise<TransferResult> {
    if (this.options.latencyMs > 0) await new Promise((r) => setTimeout(r, this.options.latencyMs));
    const random = this.options.random ?? Math.random;
    const fails = random() < this.options.failRate;
    const fresh: TransferResult = fails
      ? { outcome: 'failed', reason: 'sandbox: the beneficiary bank rejected the transfer' }
      : { outcome: 'paid', reference: `sbx_${randomBytes(8).toString('hex')}` };
    return this.orm.em.fork().transactional(async (em) => {
      // A concurrent call with the same key waits here for the first one's commit.
      await em.execute(
        `insert into sandbox_provider_transfer
           (idempotency_key, payout_id, amount, currency, outcome, reference, reason)
         values (?, ?, ?, ?, ?, ?, ?)
         on conflict (idempotency_key) do nothing`,
        [
          req.idempotencyKey,
          req.payoutId,
          req.amount,
          req.currency,
          fresh.outcome,
          fresh.outcome === 'paid' ? fresh.reference : null,
          fresh.outcome === 'failed' ? fresh.reason : null,
        ],
      );
      const [row] = await em.execute<TransferRow[]>(
        `select payout_id, amount::text as amount, outcome, reference, reason
         from sandbox_provider_transfer where idempotency_key = ?`,
        [req.idempotencyKey],
      );
      if (row.payout_id !== req.payoutId || Number(row.amount) !== req.amount) {
        // What a real provider answers when a key is reused for another transfer.
        return {
          outcome: 'failed',
          reason: 'sandbox: idempotency key reused for another transfer',
        };
      }
      return row.outcome === 'paid'
        ? { outcome: 'paid', reference: row.reference! }
        : { outcome: 'failed', reason: row.reason ?? 'sandbox: failed' };
    });
  }
}
