import { Module } from '@nestjs/common';
import { BrandsModule } from '../brands/brands.module';
import { CreatorsModule } from '../creators/creators.module';
import { ProjectsModule } from '../projects/projects.module';
import { OfferRepository } from './offer.repository';
import { OffersHandler } from './offers.handler';
import { OffersService } from './offers.service';

/** Offers and the contracts signed when accepting them (which start projects). */
@Module({
  imports: [BrandsModule, CreatorsModule, ProjectsModule],
  controllers: [OffersHandler],
  providers: [OfferRepository, OffersService],
})
export class OffersModule {}
