import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { CONFIG } from '@glimmer/config/config';
import { BrandRegisteredEvent } from '@glimmer/contracts/identity/brand-registered.event';
import { isUniqueViolation } from '@glimmer/database/sql';
import { DomainError } from '@glimmer/errors/domain-error';
import { OutboxService } from '@glimmer/messaging/outbox/outbox.service';
import { hashPassword } from '../auth/password';
import type { GatewayConfig } from '../gateway.config';
import { BrandRepository } from './brand.repository';
import { BrandDto, CreateBrandDto } from './dto/create-brand.dto';
import { SendVerificationEmail } from './send-verification-email.use-case';
import { UserAccountRepository } from './user-account.repository';

/**
 * Signs a brand up: the brand record, its first member's account, the BrandRegistered event and
 * the admin's email verification link commit together, so the other services hear of every
 * brand that can sign in, and only those. The admin is unverified until they open the link.
 * OPS_EMAIL is never a brand's, whether or not `migrate` has seeded the ops account yet.
 */
@Injectable()
export class SignUpBrand {
  constructor(
    private readonly orm: MikroORM,
    private readonly brands: BrandRepository,
    private readonly users: UserAccountRepository,
    private readonly outbox: OutboxService,
    private readonly sendVerification: SendVerificationEmail,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  async execute(input: CreateBrandDto): Promise<BrandDto> {
    const brand = {
      id: randomUUID(),
      name: input.name.trim(),
      currency: input.currency,
      financeEmail: input.financeEmail,
    };
    const admin = {
      id: randomUUID(),
      email: input.admin.email.trim(),
      name: input.admin.name.trim(),
    };
    if (admin.email.toLowerCase() === this.config.OPS_EMAIL.trim().toLowerCase()) {
      throw new DomainError('email_taken', `An account already uses ${admin.email}`);
    }
    const passwordHash = await hashPassword(input.admin.password);
    try {
      await this.orm.em.fork().transactional(async (em) => {
        await this.brands.insert(em, brand);
        await this.users.insert(em, { ...admin, passwordHash, role: 'brand', brandId: brand.id });
        await this.outbox.add(em, BrandRegisteredEvent, {
          brandId: brand.id,
          name: brand.name,
          currency: brand.currency,
          financeEmail: brand.financeEmail,
          adminUserId: admin.id,
          adminEmail: admin.email,
          adminName: admin.name,
        });
        await this.sendVerification.execute(em, { ...admin, brandName: brand.name });
      });
    } catch (err) {
      if (isUniqueViolation(err, 'user_account_email_key')) {
        throw new DomainError('email_taken', `An account already uses ${admin.email}`);
      }
      throw err;
    }
    return brand;
  }
}
