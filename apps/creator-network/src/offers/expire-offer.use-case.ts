import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { OfferView } from '@glimmer/contracts/network/offer.messages';
import { notFound } from '@glimmer/errors/domain-error';
import { ProjectRepository } from '../projects/project.repository';
import { isPastDue } from './offer.entity';
import { toOfferView } from './offer-views';
import { OfferRepository } from './offer.repository';

export interface ExpireOfferCommand {
  offerId: string;
}

/**
 * The scheduler's offer-expiry job: a `sent` offer past its due date becomes `expired`. Safe to
 * repeat; any other offer (decided, already expired, or not yet past due) is returned unchanged.
 */
@Injectable()
export class ExpireOffer {
  constructor(
    private readonly orm: MikroORM,
    private readonly offers: OfferRepository,
    private readonly projects: ProjectRepository,
  ) {}

  execute({ offerId }: ExpireOfferCommand): Promise<OfferView> {
    return this.orm.em.fork().transactional(async (em) => {
      const offer = await this.offers.byId(em, offerId, true);
      if (!offer) throw notFound('offer');
      if (offer.status !== 'sent' || !isPastDue(offer)) {
        const projectId = (await this.projects.idsByOffer(em, [offer.id])).get(offer.id) ?? null;
        return toOfferView(offer, projectId);
      }
      await this.offers.decide(em, offer, 'expired');
      return toOfferView(offer, null);
    });
  }
}
