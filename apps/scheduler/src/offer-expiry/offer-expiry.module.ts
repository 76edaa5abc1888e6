import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { OfferExpiryEvents } from './offer-expiry.events';
import { OfferExpiryProcessor } from './offer-expiry.processor';
import { OfferExpiryScheduler } from './offer-expiry.scheduler';

/** Sent offers → a delayed job at the end of the due date → creator-network expires the offer. */
@Module({
  imports: [JobsModule],
  controllers: [OfferExpiryEvents],
  providers: [OfferExpiryScheduler, OfferExpiryProcessor],
  exports: [OfferExpiryScheduler],
})
export class OfferExpiryModule {}
