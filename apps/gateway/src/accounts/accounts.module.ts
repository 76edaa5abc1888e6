import { Module } from '@nestjs/common';
import { BrandRepository } from './brand.repository';
import { BrandSignupService } from './brand-signup.service';
import { BrandsController } from './brands.controller';
import { UserAccountRepository } from './user-account.repository';

/** Identities the gateway owns: user accounts and brand signups (the ops account: `migrate`). */
@Module({
  controllers: [BrandsController],
  providers: [BrandRepository, BrandSignupService, UserAccountRepository],
  exports: [UserAccountRepository],
})
export class AccountsModule {}
