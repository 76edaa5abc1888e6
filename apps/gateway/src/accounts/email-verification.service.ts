import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { createHash, randomBytes } from 'node:crypto';
import { CONFIG } from '@glimmer/config/config';
import type { BrandActor } from '@glimmer/contracts/actor';
import { EmailVerificationRequestedEvent } from '@glimmer/contracts/identity/email-verification.event';
import { DomainError } from '@glimmer/errors/domain-error';
import { OutboxService } from '@glimmer/messaging/outbox/outbox.service';
import type { GatewayConfig } from '../gateway.config';
import { retryAfterSeconds } from '../rate-limit/rate-limit.policy';
import { EmailVerificationRepository } from './email-verification.repository';
import { EmailVerificationDto } from './dto/email-verification.dto';

const DAY_MS = 86_400_000;

/** 256 random bits, base64url: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function hashVerificationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const invalidToken = () =>
  new DomainError(
    'email_verification_token_invalid',
    'this verification link is not valid; log in and ask for a new one',
  );

/**
 * A brand member proves their email address by opening a link: until then Glimmer emails nobody
 * else on the brand's behalf (VerifiedEmailGuard). Links expire (EMAIL_VERIFICATION_TTL_HOURS),
 * work once, and only their token's hash is stored; a member is sent at most
 * EMAIL_VERIFICATION_SENDS_PER_DAY of them, so an address typed by someone else gets few.
 */
@Injectable()
export class EmailVerificationService {
  constructor(
    private readonly orm: MikroORM,
    private readonly verifications: EmailVerificationRepository,
    private readonly outbox: OutboxService,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** Inside the caller's transaction (sign-up's, or a resend's): a new link and its email. */
  async send(
    em: EntityManager,
    member: { id: string; email: string; name: string; brandName: string },
  ): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.EMAIL_VERIFICATION_TTL_HOURS * 3_600_000);
    await this.verifications.issue(em, member.id, hashVerificationToken(token), expiresAt);
    await this.outbox.add(em, EmailVerificationRequestedEvent, {
      userId: member.id,
      email: member.email,
      name: member.name,
      brandName: member.brandName,
      token,
      expiresAt: expiresAt.toISOString(),
    });
  }

  async resend(actor: BrandActor): Promise<EmailVerificationDto> {
    return this.orm.em.fork().transactional(async (em) => {
      const member = await this.verifications.member(em, actor.userId, { lock: true });
      if (!member) throw new DomainError('forbidden', 'only brand members verify an email here');
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
      await this.send(em, member);
      return { email: member.email, verified: false, verifiedAt: null };
    });
  }

  /** Opens a link: once, before it expires. A used link says so (409), an old one 410. */
  async verify(token: string): Promise<EmailVerificationDto> {
    if (!TOKEN.test(token)) throw invalidToken();
    const hash = hashVerificationToken(token);
    return this.orm.em.fork().transactional(async (em) => {
      const link = await this.verifications.lockToken(em, hash);
      if (link.state === 'unknown') throw invalidToken();
      if (link.state === 'used') {
        throw new DomainError(
          'email_verification_token_used',
          'this verification link has already been used; log in to continue',
        );
      }
      if (link.state === 'expired') {
        throw new DomainError(
          'email_verification_token_expired',
          'this verification link has expired; log in and ask for a new one',
        );
      }
      await this.verifications.consume(em, hash, link.userId);
      const member = await this.verifications.member(em, link.userId);
      return {
        email: member!.email,
        verified: true,
        verifiedAt: member!.verifiedAt,
      };
    });
  }

  async status(actor: BrandActor): Promise<EmailVerificationDto> {
    const member = await this.verifications.member(this.orm.em.fork(), actor.userId);
    if (!member) throw new DomainError('forbidden', 'only brand members verify an email here');
    return {
      email: member.email,
      verified: member.verifiedAt !== null,
      verifiedAt: member.verifiedAt,
    };
  }
}
