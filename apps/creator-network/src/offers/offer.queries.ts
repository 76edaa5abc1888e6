import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { type Actor, partyOf } from '@glimmer/contracts/actor';
import type {
  DueOffer,
  OfferContract,
  OfferDetail,
  OfferView,
} from '@glimmer/contracts/network/offer.messages';
import type { Page, PageQuery } from '@glimmer/contracts/page';
import { keysetPage } from '@glimmer/database/page-cursor';
import { notFound } from '@glimmer/errors/domain-error';
import { BrandRepository } from '../brands/brand.repository';
import { CreatorRepository } from '../creators/creator.repository';
import { ProjectRepository } from '../projects/project.repository';
import { CONTRACT_TEMPLATE_VERSION, offerContractText, sha256Hex } from './contract-template';
import { toOfferView } from './offer-views';
import { OfferRepository } from './offer.repository';

/**
 * The offer aggregate's read-only queries, one class for the aggregate (nothing here writes):
 * one offer with its contract, a party's list, and the scheduler's due offers.
 */
@Injectable()
export class OfferQueries {
  constructor(
    private readonly orm: MikroORM,
    private readonly offers: OfferRepository,
    private readonly creators: CreatorRepository,
    private readonly brands: BrandRepository,
    private readonly projects: ProjectRepository,
  ) {}

  /**
   * One offer for its page, with the contract its parties read: the stored signed text once
   * accepted; while open, the text accepting would sign now, from the same rendering.
   */
  async get(actor: Actor, offerId: string): Promise<OfferDetail> {
    const em = this.orm.em.fork();
    const offer = await this.offers.get(em, partyOf(actor), offerId);
    if (!offer) throw notFound('offer');
    const view = toOfferView(
      offer,
      (await this.projects.idsByOffer(em, [offer.id])).get(offer.id) ?? null,
    );
    const brandName = await this.brands.nameOf(em, offer.brandId);
    let contract: OfferContract | null = null;
    if (view.status === 'accepted') {
      const signed = await this.offers.contractOf(em, offer.id);
      if (signed)
        contract = {
          templateVersion: signed.templateVersion,
          text: signed.body,
          sha256: signed.sha256,
          signedAt: signed.signedAt.toISOString(),
          signatureName: signed.signatureName,
        };
    } else if (view.status === 'sent') {
      const creator = (await this.creators.byId(em, offer.creatorId))!;
      const text = offerContractText(offer, { brandName, creator });
      contract = {
        templateVersion: CONTRACT_TEMPLATE_VERSION,
        text,
        sha256: sha256Hex(text),
        signedAt: null,
        signatureName: null,
      };
    }
    return { ...view, brandName, contract };
  }

  list(actor: Actor, query: PageQuery): Promise<Page<OfferView>> {
    const party = partyOf(actor);
    const em = this.orm.em.fork();
    let projectIds = new Map<string, string>();
    return keysetPage(
      query,
      async (after, limit) => {
        const offers = await this.offers.page(em, party, after, limit);
        projectIds = await this.projects.idsByOffer(
          em,
          offers.map((o) => o.id),
        );
        return offers;
      },
      (offer) => toOfferView(offer, projectIds.get(offer.id) ?? null),
    );
  }

  /** The scheduler's offer sweep: the offers whose expiry is due (see DueOffersRpc). */
  async due(limit: number): Promise<DueOffer[]> {
    const offers = await this.offers.due(this.orm.em.fork(), limit);
    return offers.map((o) => ({ offerId: o.id, dueDate: o.dueDate }));
  }
}
