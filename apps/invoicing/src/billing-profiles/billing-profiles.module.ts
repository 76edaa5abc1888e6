import { Module } from '@nestjs/common';
import { BillingProfileRepository } from './billing-profile.repository';
import { BrandRegisteredEvents } from './brand-registered.events';

@Module({
  controllers: [BrandRegisteredEvents],
  providers: [BillingProfileRepository],
  exports: [BillingProfileRepository],
})
export class BillingProfilesModule {}
