import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import {
  INVITE_STATUSES,
  InviteStatus,
  NewInvite,
} from '@glimmer/contracts/network/invite.messages';

/** Invite a creator by email: the contract's NewInvite (the key comes from the header). */
export class CreateInviteDto extends PickType(NewInvite, ['email', 'message'] as const) {}

export class InviteDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  email: string;

  @ApiProperty({ type: String, nullable: true })
  message: string | null;

  @ApiProperty({ enum: INVITE_STATUSES, enumName: 'InviteStatus' })
  status: InviteStatus;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  acceptedAt: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  creatorId: string | null;
}

export class InvitePageDto {
  @ApiProperty({ type: [InviteDto] })
  data: InviteDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

/**
 * Accept an invite. Without a session: `name` and `password` create the creator's account
 * (or link the existing creator with the invite's email). Signed in as a creator: `token` only.
 *
 * Kept apart from the contract's AcceptInviteRequest on purpose: the public request carries the
 * new login's `password` (the gateway makes the account; it never crosses to creator-network),
 * while the contract's `creatorId` comes from the session, never from the body.
 */
export class AcceptInviteDto {
  @ApiProperty({ description: 'The token from the invite email' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;

  @ApiPropertyOptional({ example: 'Ada Lens', description: 'Required unless signed in' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ minLength: 10, maxLength: 200, description: 'Required unless signed in' })
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password?: string;
}

/**
 * `?token=` of the invite link, checked as the accept body's token is (the same messages); the
 * contract's PreviewInviteRequest is the service's own, stricter-worded check.
 */
export class InvitePreviewQueryDto extends PickType(AcceptInviteDto, ['token'] as const) {}

/**
 * What the accept page may show before the creator commits: who invited which email, and
 * whether the invite can still be accepted. Nothing else about the brand or the invite.
 */
export class InvitePreviewDto {
  @ApiProperty({ example: 'Acme Studios' })
  brandName: string;

  @ApiProperty({ example: 'ada@creator.example', description: 'The invited email' })
  email: string;

  @ApiProperty({
    enum: INVITE_STATUSES,
    enumName: 'InviteStatus',
    description:
      '`sent`: can be accepted; `accepted`: already used; `expired`, `revoked`: ask again',
  })
  status: InviteStatus;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;
}

export class AcceptedInviteDto {
  @ApiProperty({ format: 'uuid' })
  creatorId: string;

  @ApiProperty({ format: 'uuid' })
  brandId: string;
}
