import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { CONFIG } from '@glimmer/config/config';
import { EmailVerificationRequestedEvent } from '@glimmer/contracts/identity/email-verification.event';
import { OutboxService } from '@glimmer/messaging/outbox/outbox.service';
import type { GatewayConfig } from '../gateway.config';
import { EmailVerificationRepository } from './email-verification.repository';
import { hashVerificationToken } from './verification-token';

export interface VerificationRecipient {
  id: string;
  email: string;
  name: string;
  brandName: string;
}

/**
 * A brand member proves their email address by opening a link: until then Glimmer emails nobody
 * else on the brand's behalf (VerifiedEmailGuard). Links expire (EMAIL_VERIFICATION_TTL_HOURS),
 * work once, and only their token's hash is stored. This issues a new link (the member's
 * earlier ones stop working) and its email, inside the caller's transaction (sign-up's, or a
 * resend's).
 */
@Injectable()
export class SendVerificationEmail {
  constructor(
    private readonly verifications: EmailVerificationRepository,
    private readonly outbox: OutboxService,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  async execute(em: EntityManager, member: VerificationRecipient): Promise<void> {
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
}
