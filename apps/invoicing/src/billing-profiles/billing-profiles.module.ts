import { Module } from '@nestjs/common';
import { BillingProfileRepository } from './billing-profile.repository';
import { BrandRegisteredHandler } from './brand-registered.handler';

@Module({
  controllers: [BrandRegisteredHandler],
  providers: [BillingProfileRepository],
  exports: [BillingProfileRepository],
})
export class BillingProfilesModule {}
