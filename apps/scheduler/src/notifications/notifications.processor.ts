import { Processor } from '@nestjs/bullmq';
import { UnrecoverableError } from 'bullmq';
import { Inject } from '@nestjs/common';
import { CONFIG } from '@glimmer/config/config';
import { AnyJob, GlimmerWorker } from '../jobs/glimmer-worker';
import { JobName } from '../jobs/job-types';
import { QueueName } from '../jobs/queue-names';
import type { SchedulerConfig } from '../scheduler.config';
import { renderEmail } from './email.templates';
import { deterministicMessageId, Mailer } from './mailer.service';

/** Renders and sends queued emails; an SMTP failure retries the job with backoff. */
@Processor(QueueName.Notifications)
export class NotificationsProcessor extends GlimmerWorker {
  constructor(
    private readonly mailer: Mailer,
    @Inject(CONFIG) private readonly config: SchedulerConfig,
  ) {
    super(config.WORKER_CONCURRENCY);
  }

  protected async handle(job: AnyJob): Promise<{ to: string; subject: string; messageId: string }> {
    if (job.name !== JobName.SendEmail) {
      throw new UnrecoverableError(`${QueueName.Notifications} has no handler for job ${job.name}`);
    }
    const mail = renderEmail(job.data.email, this.config.APP_URL);
    // The job id is the triggering event's message id (jobIds.email): a job re-run after a crash
    // between SMTP acceptance and the job's completion re-sends with the same Message-ID.
    const id = job.id
      ? deterministicMessageId(job.id, job.data.email.template, this.config.MAIL_FROM)
      : undefined;
    const { messageId } = await this.mailer.send(mail, id);
    return { to: mail.to, subject: mail.subject, messageId };
  }
}
