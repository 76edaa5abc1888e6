import { Controller, Logger } from '@nestjs/common';
import {
  CreatorJoined,
  CreatorJoinedEvent,
  InviteSent,
  InviteSentEvent,
  OfferSent,
  OfferSentEvent,
} from '@glimmer/contracts/network/network.events';
import { AmqpContext } from '@glimmer/messaging/amqp.context';
import { OnEvent } from '@glimmer/messaging/handlers';
import { JobQueue } from '../jobs/job-queue.service';
import { EMAIL_JOB_ID_DEDUPES, queueEmailFor } from './email-queue';
import type { NetworkEmail } from './email.templates';

/**
 * Creator-network emails: the invite (the only place its token travels: the job holds a nonce
 * and the worker fetches the link when it sends), "joined your network"
 * to the inviting brand member, and offers to creators. One send-email job per event, keyed by
 * the event's message id, so a redelivered event sends nothing more. (The offer-expiry module
 * consumes the same OfferSent event.)
 */
@Controller()
export class NetworkEvents {
  private readonly logger = new Logger(NetworkEvents.name);

  constructor(private readonly jobs: JobQueue) {}

  @OnEvent(InviteSentEvent, {
    consumer: 'scheduler.notifications.invite-sent',
    withoutInbox: EMAIL_JOB_ID_DEDUPES,
  })
  onInviteSent(p: InviteSent, ctx: AmqpContext): Promise<string> {
    return this.queueEmail({ template: 'network-invite-link', invite: { ...p } }, ctx, p.inviteId);
  }

  @OnEvent(CreatorJoinedEvent, {
    consumer: 'scheduler.notifications.creator-joined',
    withoutInbox: EMAIL_JOB_ID_DEDUPES,
  })
  async onCreatorJoined(p: CreatorJoined, ctx: AmqpContext): Promise<string | void> {
    if (!p.notifyEmail) {
      this.logger.warn(`creator ${p.creatorId} joined brand ${p.brandId}: nobody to notify`);
      return;
    }
    return this.queueEmail(
      { template: 'network-creator-joined', joined: { ...p, notifyEmail: p.notifyEmail } },
      ctx,
      p.inviteId,
    );
  }

  @OnEvent(OfferSentEvent, {
    consumer: 'scheduler.notifications.offer-sent',
    withoutInbox: EMAIL_JOB_ID_DEDUPES,
  })
  onOfferSent(p: OfferSent, ctx: AmqpContext): Promise<string> {
    return this.queueEmail({ template: 'network-offer-sent', offer: { ...p } }, ctx, p.offerId);
  }

  private async queueEmail(
    email: NetworkEmail,
    ctx: AmqpContext,
    subject: string,
  ): Promise<string> {
    const result = await queueEmailFor(this.jobs, ctx.messageId, email);
    return `${ctx.pattern} ${subject}: ${email.template} email ${result}`;
  }
}
