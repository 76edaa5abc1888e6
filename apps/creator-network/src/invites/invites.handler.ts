import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AcceptedInvite,
  AcceptInviteRequest,
  AcceptInviteRpc,
  CreateInviteRequest,
  CreateInviteRpc,
  InviteIdRequest,
  InviteLink,
  InviteLinkRequest,
  InviteLinkRpc,
  InvitePreview,
  InviteView,
  ListInvitesRequest,
  ListInvitesRpc,
  PreviewInviteRequest,
  PreviewInviteRpc,
  ResendInviteRpc,
  RevokeInviteRpc,
} from '@glimmer/contracts/network/invite.messages';
import type { Page } from '@glimmer/contracts/page';
import { InvitesService } from './invites.service';

/**
 * Brand RPCs carry an actor; preview and accept come from the gateway's public accept route; link
 * from the scheduler's email job.
 */
@Controller()
export class InvitesHandler {
  constructor(private readonly invites: InvitesService) {}

  @MessagePattern(CreateInviteRpc.pattern)
  create(@Payload() req: CreateInviteRequest): Promise<InviteView> {
    return this.invites.create(
      req.actor,
      { email: req.email, message: req.message },
      req.idempotencyKey,
    );
  }

  @MessagePattern(ResendInviteRpc.pattern)
  resend(@Payload() req: InviteIdRequest): Promise<InviteView> {
    return this.invites.resend(req.actor, req.inviteId);
  }

  @MessagePattern(RevokeInviteRpc.pattern)
  revoke(@Payload() req: InviteIdRequest): Promise<InviteView> {
    return this.invites.revoke(req.actor, req.inviteId);
  }

  @MessagePattern(ListInvitesRpc.pattern)
  list(@Payload() req: ListInvitesRequest): Promise<Page<InviteView>> {
    return this.invites.list(req.actor, req);
  }

  /** From the scheduler, at send time: the link goes into the email and nowhere else. */
  @MessagePattern(InviteLinkRpc.pattern)
  link(@Payload() req: InviteLinkRequest): Promise<InviteLink> {
    return this.invites.link(req);
  }

  @MessagePattern(PreviewInviteRpc.pattern)
  preview(@Payload() req: PreviewInviteRequest): Promise<InvitePreview> {
    return this.invites.preview(req.token);
  }

  @MessagePattern(AcceptInviteRpc.pattern)
  accept(@Payload() req: AcceptInviteRequest): Promise<AcceptedInvite> {
    return this.invites.accept(req);
  }
}
