import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { CONFIG } from '@glimmer/config/config';
import type { BrandActor } from '@glimmer/contracts/actor';
import { DomainError } from '@glimmer/errors/domain-error';
import type { GatewayConfig } from '../gateway.config';
import { retryAfterSeconds } from '../rate-limit/rate-limit.policy';
import { EmailVerificationDto } from './dto/email-verification.dto';
import { EmailVerificationRepository } from './email-verification.repository';
import { SendVerificationEmail } from './send-verification-email.use-case';
import { notABrandMember } from './verification-token';

const DAY_MS = 86_400_000;

/**
 * Sends an unverified brand member a new link. A member is sent at most
 * EMAIL_VERIFICATION_SENDS_PER_DAY of them, so an address typed by someone else gets few; the
 * member's row is locked, so concurrent resends of one account take turns on that count.
 */
@Injectable()
export class ResendVerificationEmail {
  constructor(
    private readonly orm: MikroORM,
    private readonly verifications: EmailVerificationRepository,
    private readonly send: SendVerificationEmail,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  execute(actor: BrandActor): Promise<EmailVerificationDto> {
    return this.orm.em.fork().transactional(async (em) => {
      const member = await this.verifications.member(em, actor.userId, { lock: true });
      if (!member) throw notABrandMember();
      if (member.verifiedAt) {
        throw new DomainError('email_already_verified', `${member.email} is already verified`);
      }
      const limit = this.config.EMAIL_VERIFICATION_SENDS_PER_DAY;
      const sent = await this.verifications.sentSince(em, member.id, new Date(Date.now() - DAY_MS));
      if (sent.count >= limit) {
        // The wait until the oldest send of the last 24 hours leaves the window.
        const waitMs = Date.parse(sent.oldest!) + DAY_MS - Date.now();
        throw new DomainError(
          'rate_limited',
          `at most ${limit} verification emails a day are sent to one address`,
          { meta: { retryAfterSeconds: retryAfterSeconds(waitMs) } },
        );
      }
      await this.send.execute(em, member);
      return { email: member.email, verified: false, verifiedAt: null };
    });
  }
}
