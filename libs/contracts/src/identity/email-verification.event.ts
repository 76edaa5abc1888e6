import { IsEmail, IsString, IsUUID, MaxLength } from 'class-validator';
import { eventContract } from '../contract';

/**
 * A brand member asked to prove their email address (at sign-up, or a resend): the email with
 * the verification link (the scheduler makes it under APP_URL). The gateway keeps only the
 * token's hash.
 */
export class EmailVerificationRequested {
  @IsUUID()
  userId: string;

  @IsEmail()
  email: string;

  @IsString()
  @MaxLength(200)
  name: string;

  @IsString()
  @MaxLength(200)
  brandName: string;

  @IsString()
  token: string;

  @IsString()
  expiresAt: string;
}

export const EmailVerificationRequestedEvent = eventContract(
  'gateway',
  'identity.email-verification.requested.v1',
  EmailVerificationRequested,
);
