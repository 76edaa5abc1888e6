import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { BrandActor } from '@glimmer/contracts/actor';
import { EmailVerificationDto } from './dto/email-verification.dto';
import { EmailVerificationRepository } from './email-verification.repository';
import { notABrandMember } from './verification-token';

/** Whether the signed-in brand member has verified their email yet. */
@Injectable()
export class GetEmailVerificationStatus {
  constructor(
    private readonly orm: MikroORM,
    private readonly verifications: EmailVerificationRepository,
  ) {}

  async execute(actor: BrandActor): Promise<EmailVerificationDto> {
    const member = await this.verifications.member(this.orm.em.fork(), actor.userId);
    if (!member) throw notABrandMember();
    return {
      email: member.email,
      verified: member.verifiedAt !== null,
      verifiedAt: member.verifiedAt,
    };
  }
}
