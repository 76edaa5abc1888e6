import { randomUUID } from 'node:crypto';
import { currentCorrelationId } from '@glimmer/observability/correlation';
import { EnqueueResult, JobQueue } from '../jobs/job-queue.service';
import { jobIds, JobName } from '../jobs/job-types';
import type { EmailMessage } from './email.templates';

/** Why the notification handlers need no inbox (the scheduler has no database). */
export const EMAIL_JOB_ID_DEDUPES =
  'the send-email job id is the event message id: a repeated event queues nothing more';

/**
 * Queues one send-email job for an event, keyed by the event's message id: a redelivered event
 * (same id, from the producer's outbox) sends nothing more. `email` must be plain JSON — spread
 * validated payloads, whose class instances do not survive the job's serialisation as such.
 */
export function queueEmailFor(
  jobs: JobQueue,
  messageId: string,
  email: EmailMessage,
): Promise<EnqueueResult> {
  return jobs.enqueue(
    JobName.SendEmail,
    { email, correlationId: currentCorrelationId() ?? randomUUID() },
    { jobId: jobIds.email(messageId) },
  );
}
