import { IsEmail, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsSupportedCurrency } from '@glimmer/money/money.validators';
import { eventContract } from '../contract';
import { INVITE_NONCE_PATTERN } from './invite.messages';

/**
 * An invite (or its resend) to email. It carries no token: the token is derived by
 * creator-network from the invite id and `nonce` under a secret only it holds, and handed to the
 * scheduler at send time (`network.invite.link.v1`), so the outbox, the broker, the email job
 * and dead letters never hold a usable link.
 */
export class InviteSent {
  @IsUUID()
  inviteId: string;

  /** Random, not secret: names this issue of the invite's token (a resend is a new nonce). */
  @Matches(INVITE_NONCE_PATTERN)
  nonce: string;

  @IsString()
  brandName: string;

  @IsEmail()
  email: string;

  @IsString()
  expiresAt: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  message?: string | null;
}

/** A creator accepted an invite and joined a brand's network; the inviter is told. */
export class CreatorJoined {
  @IsUUID()
  brandId: string;

  @IsString()
  brandName: string;

  @IsUUID()
  creatorId: string;

  @IsString()
  creatorName: string;

  @IsEmail()
  creatorEmail: string;

  @IsUUID()
  inviteId: string;

  /** Who to tell: the brand member who sent the invite, else the brand's first admin. */
  @IsOptional()
  @IsEmail()
  notifyEmail?: string | null;

  @IsString()
  joinedAt: string;
}

/** A brand hired an in-network creator: the creator is emailed the offer. */
export class OfferSent {
  @IsUUID()
  offerId: string;

  @IsUUID()
  brandId: string;

  @IsString()
  brandName: string;

  @IsUUID()
  creatorId: string;

  @IsEmail()
  creatorEmail: string;

  @IsString()
  creatorName: string;

  @IsString()
  title: string;

  @IsInt()
  fee: number;

  @IsSupportedCurrency()
  currency: string;

  @IsString()
  dueDate: string;
}

/** Both parties marked the project complete: what invoicing needs to issue the project invoice. */
export class ProjectCompleted {
  @IsUUID()
  projectId: string;

  @IsUUID()
  brandId: string;

  @IsUUID()
  creatorId: string;

  @IsInt()
  fee: number;

  @IsSupportedCurrency()
  currency: string;

  @IsUUID()
  costCodeId: string;

  @IsString()
  storyCode: string;

  @IsString()
  title: string;

  @IsString()
  completedAt: string;
}

/** v2: the token and link left the event (v1 carried them; see the invite-token migration). */
export const InviteSentEvent = eventContract(
  'creator-network',
  'network.invite.sent.v2',
  InviteSent,
);
export const CreatorJoinedEvent = eventContract(
  'creator-network',
  'network.creator.joined.v1',
  CreatorJoined,
);
export const OfferSentEvent = eventContract('creator-network', 'network.offer.sent.v1', OfferSent);
export const ProjectCompletedEvent = eventContract(
  'creator-network',
  'network.project.completed.v1',
  ProjectCompleted,
);
