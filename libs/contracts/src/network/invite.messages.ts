import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IntersectionType } from '@nestjs/mapped-types';
import {
  IsEmail,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { rpcContract } from '../contract';
import { Page, PageQuery } from '../page';
import { ActorRequest, IDEMPOTENCY_KEY_PATTERN } from '../validation';

export const INVITE_STATUSES = ['sent', 'accepted', 'expired', 'revoked'] as const;
export type InviteStatus = (typeof INVITE_STATUSES)[number];

/** An invite as its brand sees it. The token is never part of it: it travels only in the email. */
export interface InviteView {
  id: string;
  email: string;
  message: string | null;
  status: InviteStatus;
  expiresAt: string;
  createdAt: string;
  acceptedAt: string | null;
  creatorId: string | null;
}

/** 32 bytes (an HMAC-SHA256), base64url: 43 characters. Anything else cannot be a token we issued. */
export const INVITE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** 16 random bytes, base64url: names one issue of an invite's token. */
export const INVITE_NONCE_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export class NewInvite {
  @ApiProperty({ example: 'ada@creator.example' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ description: 'A personal note shown in the invite email' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  message?: string;
}

export class CreateInviteRequest extends IntersectionType(ActorRequest, NewInvite) {
  /** The request's Idempotency-Key: a retry with the same key and body replays the first result. */
  @IsOptional()
  @Matches(IDEMPOTENCY_KEY_PATTERN)
  idempotencyKey?: string;
}

export class InviteIdRequest extends ActorRequest {
  @IsUUID()
  inviteId: string;
}

export class ListInvitesRequest extends IntersectionType(ActorRequest, PageQuery) {}

/**
 * Accepting an invite. Anonymous (from the email link): `name` names the new creator. A creator
 * already signed in passes its actor instead, and the invite links that creator.
 */
export class AcceptInviteRequest {
  @IsString()
  @MaxLength(200)
  token: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @IsOptional()
  @IsUUID()
  creatorId?: string;
}

export interface AcceptedInvite {
  inviteId: string;
  /**
   * True when the invite had already been accepted by this creator before this call: a retry
   * (a lost answer, or a gateway that stopped before making the login). The gateway then only
   * finishes what is missing and refuses anyone who is not the same person.
   */
  replayed: boolean;
  creatorId: string;
  brandId: string;
  /** The creator's email (the invite's for a new creator): the gateway's account login. */
  email: string;
  name: string;
}

/** What the accept page shows before the creator commits: who invited whom. */
export class PreviewInviteRequest {
  @IsString()
  @Matches(/^.{1,200}$/)
  token: string;
}

export interface InvitePreview {
  inviteId: string;
  email: string;
  brandName: string;
  status: InviteStatus;
  expiresAt: string;
  /**
   * Accepted by the creator with the invite's own email (anonymously, from the link), as
   * opposed to a signed-in creator linking another account: the gateway then knows whether
   * that creator's login exists, i.e. whether the acceptance was finished.
   */
  acceptedByInvitee: boolean;
}

/** The scheduler asks for an invite email's link at send time (see InviteSent). */
export class InviteLinkRequest {
  @IsUUID()
  inviteId: string;

  @Matches(INVITE_NONCE_PATTERN)
  nonce: string;
}

/**
 * The link for the email, only while that issue is the invite's current token and the invite
 * can still be accepted (else 409 invite_not_pending: a resend replaced it, or it was accepted,
 * revoked or expired). A credential: its receiver puts it in the email and nowhere else.
 */
export interface InviteLink {
  acceptUrl: string;
  token: string;
}

export const CreateInviteRpc = rpcContract<CreateInviteRequest, InviteView>(
  'creator-network',
  'network.invite.create.v1',
  CreateInviteRequest,
);
export const ResendInviteRpc = rpcContract<InviteIdRequest, InviteView>(
  'creator-network',
  'network.invite.resend.v1',
  InviteIdRequest,
);
export const RevokeInviteRpc = rpcContract<InviteIdRequest, InviteView>(
  'creator-network',
  'network.invite.revoke.v1',
  InviteIdRequest,
);
export const ListInvitesRpc = rpcContract<ListInvitesRequest, Page<InviteView>>(
  'creator-network',
  'network.invite.list.v1',
  ListInvitesRequest,
);
export const PreviewInviteRpc = rpcContract<PreviewInviteRequest, InvitePreview>(
  'creator-network',
  'network.invite.preview.v1',
  PreviewInviteRequest,
);
export const AcceptInviteRpc = rpcContract<AcceptInviteRequest, AcceptedInvite>(
  'creator-network',
  'network.invite.accept.v1',
  AcceptInviteRequest,
);
export const InviteLinkRpc = rpcContract<InviteLinkRequest, InviteLink>(
  'creator-network',
  'network.invite.link.v1',
  InviteLinkRequest,
);
