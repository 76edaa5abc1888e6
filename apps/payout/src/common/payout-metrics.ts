import { Injectable } from '@nestjs/common';
import type { Counter, Histogram } from 'prom-client';
import type { PayoutStatus } from '@glimmer/contracts/payout/payout.messages';
import { MetricsRegistry } from '@glimmer/observability/metrics';

/** Payout state changes and provider calls, as this replica made them. */
@Injectable()
export class PayoutMetrics {
  private readonly transitions: Counter<'to'>;
  readonly providerDuration: Histogram<'outcome'>;

  constructor(metrics: MetricsRegistry) {
    this.transitions = metrics.counter({
      name: 'glimmer_payout_transitions_total',
      help: 'Payouts entering a status (needs_method, scheduled, processing, paid, failed, needs_attention)',
      labelNames: ['to'],
    });
    this.providerDuration = metrics.histogram({
      name: 'glimmer_payout_provider_duration_seconds',
      help: 'Payout provider calls, by outcome (paid, failed, unknown)',
      labelNames: ['outcome'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    });
  }

  entered(status: PayoutStatus, count = 1): void {
    if (count > 0) this.transitions.inc({ to: status }, count);
  }
}
