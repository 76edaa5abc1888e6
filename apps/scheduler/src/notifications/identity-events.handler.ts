import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  EmailVerificationRequested,
  EmailVerificationRequestedEvent,
} from '@glimmer/contracts/identity/email-verification.event';
import { AmqpContext } from '@glimmer/messaging/amqp.context';
import { JobQueue } from '../jobs/job-queue.service';
import { queueEmailFor } from './email-queue';

/** The gateway's identity emails: the link a brand member opens to verify their address. */
@Controller()
export class IdentityEventsHandler {
  private readonly logger = new Logger(IdentityEventsHandler.name);

  constructor(private readonly jobs: JobQueue) {}

  @EventPattern(EmailVerificationRequestedEvent.pattern)
  async onVerificationRequested(
    @Payload() p: EmailVerificationRequested,
    @Ctx() ctx: AmqpContext,
  ): Promise<void> {
    const result = await queueEmailFor(this.jobs, ctx.messageId, {
      template: 'email-verification',
      verification: { ...p },
    });
    this.logger.log(`${ctx.pattern} user ${p.userId}: email-verification email ${result}`);
  }
}
