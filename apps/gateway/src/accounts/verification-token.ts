import { createHash } from 'node:crypto';
import { DomainError } from '@glimmer/errors/domain-error';

/** 256 random bits, base64url: 43 characters. */
export const VERIFICATION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Only this hash of a link's token is stored (the token is 256 random bits: no oracle). */
export function hashVerificationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const invalidVerificationToken = () =>
  new DomainError(
    'email_verification_token_invalid',
    'this verification link is not valid; log in and ask for a new one',
  );

export const notABrandMember = () =>
  new DomainError('forbidden', 'only brand members verify an email here');
