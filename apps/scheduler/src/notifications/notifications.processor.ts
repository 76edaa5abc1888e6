import { Processor } from '@nestjs/bullmq';
import { UnrecoverableError } from 'bullmq';
import { Inject } from '@nestjs/common';
import { CONFIG } from '@glimmer/config/config';
import { InviteLinkRpc } from '@glimmer/contracts/network/invite.messages';
import type { ErrorCode } from '@glimmer/errors/error-codes';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { AnyJob, GlimmerWorker } from '../jobs/glimmer-worker';
import { JobName } from '../jobs/job-types';
import { QueueName } from '../jobs/queue-names';
import { callService } from '../jobs/service-call';
import type { SchedulerConfig } from '../scheduler.config';
import { EmailMessage, renderEmail, ResolvedEmail } from './email.templates';
import { deterministicMessageId, Mailer } from './mailer.service';

export type EmailResult =
  { to: string; subject: string; messageId: string } | { skipped: ErrorCode; reason: string };

/** Renders and sends queued emails; an SMTP failure retries the job with backoff. */
@Processor(QueueName.Notifications)
export class NotificationsProcessor extends GlimmerWorker {
  constructor(
    private readonly mailer: Mailer,
    private readonly rpc: RpcClient,
    @Inject(CONFIG) private readonly config: SchedulerConfig,
  ) {
    super(config.WORKER_CONCURRENCY);
  }

  protected async handle(job: AnyJob): Promise<EmailResult> {
    if (job.name !== JobName.SendEmail) {
      throw new UnrecoverableError(`${QueueName.Notifications} has no handler for job ${job.name}`);
    }
    const resolved = await this.resolve(job.data.email);
    if ('skipped' in resolved) return resolved;
    const mail = renderEmail(resolved, this.config.APP_URL);
    // The job id is the triggering event's message id (jobIds.email): a job re-run after a crash
    // between SMTP acceptance and the job's completion re-sends with the same Message-ID (and
    // the same invite link: it is derived from the job's nonce).
    const id = job.id
      ? deterministicMessageId(job.id, job.data.email.template, this.config.MAIL_FROM)
      : undefined;
    const { messageId } = await this.mailer.send(mail, id);
    // What the job returns is kept in Redis: never the body, which may hold a credential.
    return { to: mail.to, subject: mail.subject, messageId };
  }

  /**
   * The facts a template needs that the job must not hold. An invite's link comes from
   * creator-network at send time, held only in memory for this send; an invite that was
   * resent, accepted, revoked or has expired since has no link, and its email is not sent.
   */
  private async resolve(
    message: EmailMessage,
  ): Promise<ResolvedEmail | { skipped: ErrorCode; reason: string }> {
    if (message.template !== 'network-invite-link') return message;
    const { nonce, ...invite } = message.invite;
    const outcome = await callService(
      this.rpc,
      InviteLinkRpc,
      { inviteId: invite.inviteId, nonce },
      { settledBy: ['invite_not_pending', 'not_found'] },
    );
    if ('settledBy' in outcome)
      return { skipped: outcome.settledBy, reason: `invite ${invite.inviteId} has no live link` };
    const { token, acceptUrl } = outcome.value;
    return { template: 'network-invite', invite: { ...invite, token, acceptUrl } };
  }
}
