import { Injectable, Optional } from '@nestjs/common';
import type { Counter, Histogram } from 'prom-client';
import { LATENCY_BUCKETS, MetricsRegistry } from '@glimmer/observability/metrics';

/**
 * What the messaging layer records. Without a MetricsModule in the app (some tests) it records
 * into a private registry nobody scrapes.
 */
@Injectable()
export class MessagingMetrics {
  readonly registry: MetricsRegistry;
  readonly rpcServerDuration: Histogram<'pattern' | 'outcome'>;
  readonly rpcServerErrors: Counter<'pattern' | 'code'>;
  readonly rpcClientDuration: Histogram<'pattern' | 'outcome'>;
  readonly eventDuration: Histogram<'pattern' | 'outcome'>;
  readonly eventsHandled: Counter<'pattern'>;
  readonly eventsFailed: Counter<'pattern' | 'code'>;
  readonly eventsRetried: Counter<'pattern'>;
  readonly eventsDeadLettered: Counter<'pattern' | 'code'>;
  readonly outboxPublished: Counter;
  readonly inboxDuplicates: Counter<'consumer'>;
  readonly inboxBatchSize: Histogram<'consumer'>;

  constructor(@Optional() registry?: MetricsRegistry) {
    const r = (this.registry =
      registry ?? new MetricsRegistry(undefined, { defaultMetrics: false }));
    this.rpcServerDuration = r.histogram({
      name: 'glimmer_rpc_server_duration_seconds',
      help: 'Time an RPC handler took, by pattern and outcome (ok or the error code)',
      labelNames: ['pattern', 'outcome'],
      buckets: LATENCY_BUCKETS,
    });
    this.rpcServerErrors = r.counter({
      name: 'glimmer_rpc_server_errors_total',
      help: 'RPC handlers that answered with an error, by pattern and error code',
      labelNames: ['pattern', 'code'],
    });
    this.rpcClientDuration = r.histogram({
      name: 'glimmer_rpc_client_duration_seconds',
      help: 'Time an RPC call took as the caller saw it, by pattern and outcome',
      labelNames: ['pattern', 'outcome'],
      buckets: LATENCY_BUCKETS,
    });
    this.eventDuration = r.histogram({
      name: 'glimmer_event_handler_duration_seconds',
      help: 'Time an event handler took, by pattern and outcome (ok or the error code)',
      labelNames: ['pattern', 'outcome'],
      buckets: LATENCY_BUCKETS,
    });
    this.eventsHandled = r.counter({
      name: 'glimmer_events_handled_total',
      help: 'Events handled successfully, by pattern',
      labelNames: ['pattern'],
    });
    this.eventsFailed = r.counter({
      name: 'glimmer_events_failed_total',
      help: 'Event handler failures (each attempt), by pattern and error code',
      labelNames: ['pattern', 'code'],
    });
    this.eventsRetried = r.counter({
      name: 'glimmer_events_retried_total',
      help: 'Events sent to the retry queue, by pattern',
      labelNames: ['pattern'],
    });
    this.eventsDeadLettered = r.counter({
      name: 'glimmer_events_dead_lettered_total',
      help: 'Events parked in the dead-letter queue, by pattern and error code',
      labelNames: ['pattern', 'code'],
    });
    this.outboxPublished = r.counter({
      name: 'glimmer_outbox_published_total',
      help: 'Outbox events published to the broker (with publisher confirms)',
    });
    this.inboxDuplicates = r.counter({
      name: 'glimmer_inbox_duplicates_dropped_total',
      help: 'Redelivered or republished messages the inbox skipped, by consumer',
      labelNames: ['consumer'],
    });
    this.inboxBatchSize = r.histogram({
      name: 'glimmer_inbox_batch_messages',
      help: 'Messages handled in one committed inbox transaction, by consumer',
      labelNames: ['consumer'],
      buckets: [1, 2, 5, 10, 20, 50, 100, 200],
    });
  }
}
