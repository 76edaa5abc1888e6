import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import {
  CreatorJoined,
  CreatorJoinedEvent,
  InviteSent,
  InviteSentEvent,
  OfferSent,
  OfferSentEvent,
} from '@glimmer/contracts/network/network.events';
import { AmqpContext } from '@glimmer/messaging/amqp.context';
import { currentCorrelationId } from '@glimmer/observability/correlation';
import { JobQueue } from '../jobs/job-queue.service';
import { jobIds, JobName } from '../jobs/job-types';
import type { NetworkEmail } from './email.templates';

/**
 * Creator-network emails: the invite (the only place its token travels: the job holds a nonce
 * and the worker fetches the link when it sends), "joined your network"
 * to the inviting brand member, and offers to creators. One send-email job per event, keyed by
 * the event's message id, so a redelivered event sends nothing more.
 */
@Controller()
export class NetworkEventsHandler {
  private readonly logger = new Logger(NetworkEventsHandler.name);

  constructor(private readonly jobs: JobQueue) {}

  @EventPattern(InviteSentEvent.pattern)
  onInviteSent(@Payload() p: InviteSent, @Ctx() ctx: AmqpContext): Promise<void> {
    return this.queueEmail({ template: 'network-invite-link', invite: { ...p } }, ctx, p.inviteId);
  }

  @EventPattern(CreatorJoinedEvent.pattern)
  async onCreatorJoined(@Payload() p: CreatorJoined, @Ctx() ctx: AmqpContext): Promise<void> {
    if (!p.notifyEmail) {
      this.logger.warn(`creator ${p.creatorId} joined brand ${p.brandId}: nobody to notify`);
      return;
    }
    await this.queueEmail(
      { template: 'network-creator-joined', joined: { ...p, notifyEmail: p.notifyEmail } },
      ctx,
      p.inviteId,
    );
  }

  @EventPattern(OfferSentEvent.pattern)
  onOfferSent(@Payload() p: OfferSent, @Ctx() ctx: AmqpContext): Promise<void> {
    return this.queueEmail({ template: 'network-offer-sent', offer: { ...p } }, ctx, p.offerId);
  }

  private async queueEmail(email: NetworkEmail, ctx: AmqpContext, subject: string): Promise<void> {
    const result = await this.jobs.enqueue(
      JobName.SendEmail,
      { email, correlationId: currentCorrelationId() ?? randomUUID() },
      { jobId: jobIds.email(ctx.messageId) },
    );
    this.logger.log(`${ctx.pattern} ${subject}: ${email.template} email ${result}`);
  }
}
