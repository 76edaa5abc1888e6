import { Module } from '@nestjs/common';
import { BrandRepository } from './brand.repository';
import { BrandsController } from './brands.controller';
import { SignUpBrand } from './sign-up-brand.use-case';
import { UserAccountRepository } from './user-account.repository';

/** Identities the gateway owns: user accounts and brand signups (the ops account: `migrate`). */
@Module({
  controllers: [BrandsController],
  providers: [BrandRepository, SignUpBrand, UserAccountRepository],
  exports: [UserAccountRepository],
})
export class AccountsModule {}
