import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { type Actor, type BrandActor, requireBrand } from '@glimmer/contracts/actor';
import { OfferSentEvent } from '@glimmer/contracts/network/network.events';
import type { OfferInput, OfferView } from '@glimmer/contracts/network/offer.messages';
import { requestHash } from '@glimmer/database/idempotent-command';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { OutboxService } from '@glimmer/messaging/outbox/outbox.service';
import { BrandRepository } from '../brands/brand.repository';
import { IdempotentCreate } from '../common/idempotency-records';
import { CreatorRepository } from '../creators/creator.repository';
import { ProjectRepository } from '../projects/project.repository';
import { todayUtc } from './offer.entity';
import { toOfferView } from './offer-views';
import { OfferRepository } from './offer.repository';

export interface CreateOfferCommand {
  actor: Actor;
  offer: OfferInput;
  idempotencyKey?: string;
}

/**
 * Only to a creator in the brand's network (anyone else is not found), in the brand's currency.
 * With an Idempotency-Key, a retry with the same body returns the first offer (no second row,
 * no second `network.offer.sent.v1`); another body under the key is a 422.
 */
@Injectable()
export class CreateOffer {
  constructor(
    private readonly idempotent: IdempotentCreate,
    private readonly offers: OfferRepository,
    private readonly creators: CreatorRepository,
    private readonly brands: BrandRepository,
    private readonly projects: ProjectRepository,
    private readonly outbox: OutboxService,
  ) {}

  execute({ actor, offer: input, idempotencyKey }: CreateOfferCommand): Promise<OfferView> {
    const brand = requireBrand(actor);
    return this.idempotent.run({
      scope: 'offer',
      brand,
      key: idempotencyKey,
      hash: requestHash({
        creatorId: input.creatorId,
        title: input.title,
        brief: input.brief,
        fee: input.fee,
        dueDate: input.dueDate,
        costCodeId: input.costCodeId,
        storyCode: input.storyCode,
      }),
      load: async (em, id) => {
        const offer = (await this.offers.get(em, { kind: 'brand', brandId: brand.brandId }, id))!;
        return toOfferView(offer, (await this.projects.idsByOffer(em, [id])).get(id) ?? null);
      },
      create: (em) => this.create(em, brand, input),
    });
  }

  private async create(em: EntityManager, brand: BrandActor, input: OfferInput) {
    if (input.dueDate < todayUtc()) {
      const message = 'dueDate must be today or later';
      throw new DomainError('validation_failed', message, {
        errors: [{ field: 'dueDate', messages: [message] }],
      });
    }
    const creator = await this.creators.byId(em, input.creatorId);
    if (!creator || !(await this.creators.isMember(em, brand.brandId, creator.id)))
      throw notFound('creator');
    const offer = await this.offers.insert(em, {
      ...input,
      id: randomUUID(),
      brandId: brand.brandId,
      currency: brand.currency,
      createdBy: brand.userId,
    });
    await this.outbox.add(em, OfferSentEvent, {
      offerId: offer.id,
      brandId: brand.brandId,
      brandName: await this.brands.nameOf(em, brand.brandId),
      creatorId: creator.id,
      creatorEmail: creator.email,
      creatorName: creator.name,
      title: offer.title,
      fee: input.fee,
      currency: brand.currency,
      dueDate: input.dueDate,
    });
    return toOfferView(offer, null);
  }
}
