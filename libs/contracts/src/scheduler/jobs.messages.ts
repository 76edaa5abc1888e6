import { IsIn, IsOptional } from 'class-validator';
import { rpcContract } from '../contract';
import { ActorRequest } from '../validation';
import { QUEUE_NAMES, QueueName } from './queues';

/**
 * Ops on the scheduler's BullMQ queues, over RPC: only the scheduler knows Redis and its
 * queues; the gateway's ops CLI (`jobs:stuck`, `jobs:retry`) asks it. Ops actors only.
 */
export class QueueJobsRequest extends ActorRequest {
  /** One queue; every queue when absent. */
  @IsOptional()
  @IsIn(QUEUE_NAMES)
  queue?: QueueName;
}

export interface FailedJobView {
  id: string | null;
  name: string;
  reason: string | null;
}

export interface OverdueJobView {
  id: string | null;
  name: string;
  /** ISO time the delayed job was due. */
  dueAt: string;
}

/** Per queue: failed jobs (up to 100), and delayed jobs overdue by more than a minute. */
export type StuckJobsView = Partial<
  Record<QueueName, { failed: FailedJobView[]; overdue: OverdueJobView[] }>
>;

/** Per queue: how many failed jobs were re-enqueued. */
export type RetriedJobsView = Partial<Record<QueueName, { retried: number }>>;

export const ListStuckJobsRpc = rpcContract<QueueJobsRequest, StuckJobsView>(
  'scheduler',
  'scheduler.jobs.stuck.v1',
  QueueJobsRequest,
);

export const RetryFailedJobsRpc = rpcContract<QueueJobsRequest, RetriedJobsView>(
  'scheduler',
  'scheduler.jobs.retry-failed.v1',
  QueueJobsRequest,
);
