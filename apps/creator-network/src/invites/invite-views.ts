import type { AcceptedInvite, InviteView } from '@glimmer/contracts/network/invite.messages';
import type { Creator } from '../creators/creator.entity';
import type { Invite } from './invite.entity';
import { effectiveInviteStatus } from './invite-token';

/** The contract's view of an invite (a sent invite past its expiry reads as expired). */
export function toInviteView(invite: Invite, now = new Date()): InviteView {
  return {
    id: invite.id,
    email: invite.email,
    message: invite.message,
    status: effectiveInviteStatus(invite.status, invite.expiresAt, now),
    expiresAt: invite.expiresAt.toISOString(),
    createdAt: invite.createdAt.toISOString(),
    acceptedAt: invite.acceptedAt?.toISOString() ?? null,
    creatorId: invite.acceptedCreatorId,
  };
}

export function toAcceptedInvite(
  invite: Invite,
  creator: Pick<Creator, 'id' | 'email' | 'name'>,
  replayed: boolean,
): AcceptedInvite {
  return {
    inviteId: invite.id,
    replayed,
    creatorId: creator.id,
    brandId: invite.brandId,
    email: creator.email,
    name: creator.name,
  };
}
