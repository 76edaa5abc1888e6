import { WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { withCorrelation } from '@glimmer/observability/correlation';
import { JobMetrics } from './job-metrics';
import type { JobData, JobName } from './job-types';

/** A job as a worker receives it, narrowed by `job.name`. */
export type JobOf<N extends JobName> = Job<JobData<N>, unknown, N>;
export type AnyJob = { [N in JobName]: JobOf<N> }[JobName];

/**
 * Base of every processor: runs each job under its correlation id (a repeatable job's runs
 * each get their own), logs the outcome and sets the replica's concurrency from config.
 * Throwing retries the job with backoff; an UnrecoverableError fails it at once.
 */
export abstract class GlimmerWorker
  extends WorkerHost
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  protected readonly logger = new Logger(this.constructor.name);
  /** Property-injected, so the processors' constructors stay their own. */
  @Inject(JobMetrics) private readonly jobMetrics: JobMetrics;

  protected constructor(private readonly concurrency: number) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.concurrency;
  }

  /**
   * Stops taking jobs and lets the active ones finish before the broker connection and the
   * mailer close (they close in onApplicationShutdown, after this). @nestjs/bullmq's own close
   * later is then a no-op. A job cut off by a hard kill is retried by BullMQ as stalled.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  async process(job: Job): Promise<unknown> {
    const typed = job as AnyJob;
    const correlationId = job.repeatJobKey
      ? `${typed.data.correlationId}.${job.id}`
      : typed.data.correlationId;
    return withCorrelation(correlationId, async () => {
      const started = Date.now();
      const labels = { queue: job.queueName, name: job.name };
      try {
        const result = await this.handle(typed);
        this.jobMetrics.duration.observe(
          { ...labels, outcome: 'ok' },
          (Date.now() - started) / 1000,
        );
        this.logger.log({ jobId: job.id, result, ms: Date.now() - started }, `${job.name} done`);
        return result;
      } catch (err) {
        const attempt = job.attemptsMade + 1;
        this.jobMetrics.duration.observe(
          { ...labels, outcome: 'failed' },
          (Date.now() - started) / 1000,
        );
        this.jobMetrics.failures.inc({
          ...labels,
          final: String(attempt >= (job.opts.attempts ?? 1)),
        });
        this.logger.warn(
          { jobId: job.id, attempt, of: job.opts.attempts ?? 1 },
          `${job.name} failed: ${(err as Error).message}`,
        );
        throw err;
      }
    });
  }

  protected abstract handle(job: AnyJob): Promise<unknown>;
}
