import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { type Party, requireCreator } from '@glimmer/contracts/actor';
import type { AcceptedOffer, AcceptOfferRequest } from '@glimmer/contracts/network/offer.messages';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { BrandRepository } from '../brands/brand.repository';
import { CreatorRepository } from '../creators/creator.repository';
import { ProjectRepository } from '../projects/project.repository';
import { CONTRACT_TEMPLATE_VERSION, offerContractText, sha256Hex } from './contract-template';
import { isPastDue } from './offer.entity';
import { notOpen, toOfferView } from './offer-views';
import { OfferRepository } from './offer.repository';

export type AcceptOfferCommand = Pick<
  AcceptOfferRequest,
  'actor' | 'offerId' | 'signatureName' | 'contractSha256' | 'ip' | 'userAgent'
>;

/**
 * The creator accepts and e-signs: the contract text is generated from the offer, stored with
 * its SHA-256 and the signature (signer, typed name, time, IP, user agent), and the project
 * starts — all in one transaction with the offer row locked, so it happens once.
 */
@Injectable()
export class AcceptOffer {
  constructor(
    private readonly orm: MikroORM,
    private readonly offers: OfferRepository,
    private readonly creators: CreatorRepository,
    private readonly brands: BrandRepository,
    private readonly projects: ProjectRepository,
  ) {}

  execute(req: AcceptOfferCommand): Promise<AcceptedOffer> {
    const creator = requireCreator(req.actor);
    const party: Party = { kind: 'creator', creatorId: creator.creatorId };
    return this.orm.em.fork().transactional(async (em) => {
      const offer = await this.offers.get(em, party, req.offerId, true);
      if (!offer) throw notFound('offer');
      if (offer.status !== 'sent' || isPastDue(offer)) throw notOpen(offer);
      const body = offerContractText(offer, {
        brandName: await this.brands.nameOf(em, offer.brandId),
        creator: (await this.creators.byId(em, offer.creatorId))!,
      });
      const sha256 = sha256Hex(body);
      if (req.contractSha256 && req.contractSha256 !== sha256)
        throw new DomainError(
          'contract_changed',
          'the contract text changed since it was read; read it again before signing',
        );
      await this.offers.decide(em, offer, 'accepted');
      const contract = await this.offers.insertContract(em, {
        id: randomUUID(),
        offerId: offer.id,
        templateVersion: CONTRACT_TEMPLATE_VERSION,
        body,
        sha256,
        signerUserId: creator.userId,
        signerCreatorId: creator.creatorId,
        signatureName: req.signatureName.trim(),
        signedAt: new Date(),
        signerIp: req.ip ?? null,
        signerUserAgent: req.userAgent ?? null,
      });
      const project = await this.projects.insert(em, {
        id: randomUUID(),
        offerId: offer.id,
        contractId: contract.id,
        brandId: offer.brandId,
        creatorId: offer.creatorId,
        title: offer.title,
        fee: Number(offer.fee),
        currency: offer.currency.trim(),
        costCodeId: offer.costCodeId,
        storyCode: offer.storyCode,
      });
      return {
        offer: toOfferView(offer, project.id),
        contract: {
          id: contract.id,
          sha256: contract.sha256,
          signedAt: contract.signedAt.toISOString(),
          templateVersion: contract.templateVersion,
        },
        project: { id: project.id, status: 'active' },
      };
    });
  }
}
