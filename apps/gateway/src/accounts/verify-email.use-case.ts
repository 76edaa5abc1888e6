import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { DomainError } from '@glimmer/errors/domain-error';
import { EmailVerificationDto } from './dto/email-verification.dto';
import { EmailVerificationRepository } from './email-verification.repository';
import {
  hashVerificationToken,
  invalidVerificationToken,
  VERIFICATION_TOKEN,
} from './verification-token';

/** Opens a link: once, before it expires. A used link says so (409), an old one 410. */
@Injectable()
export class VerifyEmail {
  constructor(
    private readonly orm: MikroORM,
    private readonly verifications: EmailVerificationRepository,
  ) {}

  async execute(token: string): Promise<EmailVerificationDto> {
    if (!VERIFICATION_TOKEN.test(token)) throw invalidVerificationToken();
    const hash = hashVerificationToken(token);
    return this.orm.em.fork().transactional(async (em) => {
      const link = await this.verifications.lockToken(em, hash);
      if (link.state === 'unknown') throw invalidVerificationToken();
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
}
