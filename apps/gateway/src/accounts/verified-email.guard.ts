import { CanActivate, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { DomainError } from '@glimmer/errors/domain-error';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { EmailVerificationRepository } from './email-verification.repository';

/**
 * For routes that make Glimmer email someone other than the caller on the brand's behalf
 * (a deposit's credit invoice to the finance contact, an invite to a creator): the calling
 * brand member must have verified their own email first, so nobody can sign up as anyone and
 * have Glimmer mail third parties. Refused, not held: 403 `email_not_verified`, nothing is
 * created and nothing is sent. The route must list `email_not_verified` in its `@ApiErrors`.
 * It reads the database on each call (not the token), so a verification counts at once. Put it
 * above `@RateLimit(...)`: guards run bottom-up, so the request is counted first.
 */
export const RequireVerifiedEmail = () => UseGuards(VerifiedEmailGuard);

@Injectable()
export class VerifiedEmailGuard implements CanActivate {
  constructor(
    private readonly orm: MikroORM,
    private readonly verifications: EmailVerificationRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    if (actor?.role !== 'brand') return true;
    const verifiedAt = await this.verifications.verifiedAt(this.orm.em.fork(), actor.userId);
    if (!verifiedAt) {
      throw new DomainError(
        'email_not_verified',
        `verify ${actor.email ?? 'your email address'} first (the link we emailed you, or ` +
          'POST /v1/auth/verify-email/resend): until then Glimmer sends no credit invoices or invites for your brand',
      );
    }
    return true;
  }
}
