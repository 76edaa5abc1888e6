import { Injectable } from '@nestjs/common';
import type { Counter, Histogram } from 'prom-client';
import { MetricsRegistry } from '@glimmer/observability/metrics';
import { withRedisDeadline } from './deadline';
import { JobQueue } from './job-queue.service';
import { QUEUE_NAMES } from './queue-names';

const STATES = [
  'waiting',
  'active',
  'delayed',
  'failed',
  'completed',
  'paused',
  'prioritized',
] as const;

/**
 * BullMQ metrics: jobs per queue and state (read from Redis on scrape), and each job run's
 * duration and failures as this replica's workers saw them.
 */
@Injectable()
export class JobMetrics {
  readonly duration: Histogram<'queue' | 'name' | 'outcome'>;
  readonly failures: Counter<'queue' | 'name' | 'final'>;

  constructor(metrics: MetricsRegistry, jobs: JobQueue) {
    metrics.gauge({
      name: 'glimmer_queue_jobs',
      help: 'BullMQ jobs per queue and state; read from Redis on scrape',
      labelNames: ['queue', 'state'],
      async collect() {
        for (const name of QUEUE_NAMES) {
          try {
            const counts = await withRedisDeadline(`count ${name}`, 1_000, () =>
              jobs.queue(name).getJobCounts(...STATES),
            );
            for (const state of STATES) this.set({ queue: name, state }, counts[state] ?? 0);
          } catch {
            // Redis unreachable: readiness says so; keep the last values
          }
        }
      },
    });
    this.duration = metrics.histogram({
      name: 'glimmer_job_duration_seconds',
      help: 'BullMQ job run time, by queue, job name and outcome (ok or failed)',
      labelNames: ['queue', 'name', 'outcome'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    });
    this.failures = metrics.counter({
      name: 'glimmer_job_failures_total',
      help: 'BullMQ job runs that threw, by queue and job name; final="true" when no attempt is left',
      labelNames: ['queue', 'name', 'final'],
    });
  }
}
