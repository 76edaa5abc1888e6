import { Controller } from '@nestjs/common';
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
import { OnRpc } from '@glimmer/messaging/handlers';
import { AcceptInvite } from './accept-invite.use-case';
import { CreateInvite } from './create-invite.use-case';
import { InviteQueries } from './invite.queries';
import { ResendInvite } from './resend-invite.use-case';
import { RevokeInvite } from './revoke-invite.use-case';

/**
 * Brand RPCs carry an actor; preview and accept come from the gateway's public accept route; link
 * from the scheduler's email job.
 */
@Controller()
export class InvitesRpc {
  constructor(
    private readonly queries: InviteQueries,
    private readonly createInvite: CreateInvite,
    private readonly resendInvite: ResendInvite,
    private readonly revokeInvite: RevokeInvite,
    private readonly acceptInvite: AcceptInvite,
  ) {}

  @OnRpc(CreateInviteRpc)
  create(req: CreateInviteRequest): Promise<InviteView> {
    return this.createInvite.execute({
      actor: req.actor,
      invite: { email: req.email, message: req.message },
      idempotencyKey: req.idempotencyKey,
    });
  }

  @OnRpc(ResendInviteRpc)
  resend(req: InviteIdRequest): Promise<InviteView> {
    return this.resendInvite.execute({ actor: req.actor, inviteId: req.inviteId });
  }

  @OnRpc(RevokeInviteRpc)
  revoke(req: InviteIdRequest): Promise<InviteView> {
    return this.revokeInvite.execute({ actor: req.actor, inviteId: req.inviteId });
  }

  @OnRpc(ListInvitesRpc)
  list(req: ListInvitesRequest): Promise<Page<InviteView>> {
    return this.queries.list(req.actor, req);
  }

  /** From the scheduler, at send time: the link goes into the email and nowhere else. */
  @OnRpc(InviteLinkRpc)
  link(req: InviteLinkRequest): Promise<InviteLink> {
    return this.queries.link(req);
  }

  @OnRpc(PreviewInviteRpc)
  preview(req: PreviewInviteRequest): Promise<InvitePreview> {
    return this.queries.preview(req.token);
  }

  @OnRpc(AcceptInviteRpc)
  accept(req: AcceptInviteRequest): Promise<AcceptedInvite> {
    return this.acceptInvite.execute({
      token: req.token,
      creatorId: req.creatorId,
      name: req.name,
    });
  }
}
