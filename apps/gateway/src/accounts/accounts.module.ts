import { Module } from '@nestjs/common';
import { BrandRepository } from './brand.repository';
import { BrandSignupService } from './brand-signup.service';
import { BrandsController } from './brands.controller';
import { OpsUserSeeder } from './ops-user.seeder';
import { UserAccountRepository } from './user-account.repository';

/** Identities the gateway owns: user accounts, brand signups and the ops account. */
@Module({
  controllers: [BrandsController],
  providers: [BrandRepository, BrandSignupService, UserAccountRepository, OpsUserSeeder],
  exports: [UserAccountRepository],
})
export class AccountsModule {}
