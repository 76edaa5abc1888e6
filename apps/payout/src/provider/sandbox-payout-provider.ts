import { MikroORM } from '@mikro-orm/postgresql';
import { SandboxProviderTransfer } from './sandbox-provider-transfer.entity';
import { randomBytes } from 'node:crypto';
import type { PayoutProvider, TransferRequest, TransferResult } from './payout-provider';

export interface SandboxOptions {
  failRate: number;
  latencyMs: number;
  /** Stands in for Math.random, so tests can decide outcomes. */
  random?: () => number;
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
      await em
        .createQueryBuilder(SandboxProviderTransfer)
        .insert({
          idempotencyKey: req.idempotencyKey,
          payoutId: req.payoutId,
          amount: req.amount,
          currency: req.currency,
          outcome: fresh.outcome,
          reference: fresh.outcome === 'paid' ? fresh.reference : null,
          reason: fresh.outcome === 'failed' ? fresh.reason : null,
        })
        .onConflict('idempotencyKey')
        .ignore()
        .execute();
      const row = await em.findOneOrFail(SandboxProviderTransfer, {
        idempotencyKey: req.idempotencyKey,
      });
      if (row.payoutId !== req.payoutId || row.amount !== req.amount) {
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
