import { Module } from '@nestjs/common';
import { BrandsModule } from '../brands/brands.module';
import { IdempotencyModule } from '../common/idempotency.module';
import { CreatorsModule } from '../creators/creators.module';
import { ProjectsModule } from '../projects/projects.module';
import { AcceptOffer } from './accept-offer.use-case';
import { CloseOffer } from './close-offer.use-case';
import { CreateOffer } from './create-offer.use-case';
import { DeclineOffer } from './decline-offer.use-case';
import { ExpireOffer } from './expire-offer.use-case';
import { OfferQueries } from './offer.queries';
import { OfferRepository } from './offer.repository';
import { OffersRpc } from './offers.rpc';
import { WithdrawOffer } from './withdraw-offer.use-case';

/** Offers and the contracts signed when accepting them (which start projects). */
@Module({
  imports: [BrandsModule, CreatorsModule, ProjectsModule, IdempotencyModule],
  controllers: [OffersRpc],
  providers: [
    OfferRepository,
    OfferQueries,
    CreateOffer,
    AcceptOffer,
    CloseOffer,
    DeclineOffer,
    WithdrawOffer,
    ExpireOffer,
  ],
})
export class OffersModule {}
