import { Controller } from '@nestjs/common';
import {
  EmailVerificationRequested,
  EmailVerificationRequestedEvent,
} from '@glimmer/contracts/identity/email-verification.event';
import { AmqpContext } from '@glimmer/messaging/amqp.context';
import { OnEvent } from '@glimmer/messaging/handlers';
import { JobQueue } from '../jobs/job-queue.service';
import { EMAIL_JOB_ID_DEDUPES, queueEmailFor } from './email-queue';

/** The gateway's identity emails: the link a brand member opens to verify their address. */
@Controller()
export class IdentityEvents {
  constructor(private readonly jobs: JobQueue) {}

  @OnEvent(EmailVerificationRequestedEvent, {
    consumer: 'scheduler.notifications.email-verification-requested',
    withoutInbox: EMAIL_JOB_ID_DEDUPES,
  })
  async onVerificationRequested(p: EmailVerificationRequested, ctx: AmqpContext): Promise<string> {
    const result = await queueEmailFor(this.jobs, ctx.messageId, {
      template: 'email-verification',
      verification: { ...p },
    });
    return `${ctx.pattern} user ${p.userId}: email-verification email ${result}`;
  }
}
