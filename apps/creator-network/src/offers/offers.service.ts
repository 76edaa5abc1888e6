import { Injectable } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { Actor, BrandActor } from '@glimmer/contracts/actor';
import { requestHash } from '@glimmer/database/idempotent-command';
import { OfferSentEvent } from '@glimmer/contracts/network/network.events';
import type {
  AcceptedOffer,
  DueOffer,
  AcceptOfferRequest,
  OfferContract,
  OfferDetail,
  OfferInput,
  OfferView,
} from '@glimmer/contracts/network/offer.messages';
import type { Page, PageQuery } from '@glimmer/contracts/page';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { OutboxService } from '@glimmer/messaging/outbox/outbox.service';
import { BrandRepository } from '../brands/brand.repository';
import { Party, partyOf, requireBrand, requireCreator } from '@glimmer/contracts/actor';
import { idempotentCreate } from '../common/idempotency-records';
import { keysetPage } from '@glimmer/database/page-cursor';
import { toIso } from '@glimmer/database/sql';
import { CreatorRepository } from '../creators/creator.repository';
import { ProjectRepository } from '../projects/project.repository';
import { CONTRACT_TEMPLATE_VERSION, renderContract, sha256Hex } from './contract-template';
import { OfferRepository, OfferRow, toOfferView } from './offer.repository';

const notOpen = (row: OfferRow) => {
  const status = toOfferView(row).status;
  if (status === 'expired')
    return new DomainError('offer_expired', `the offer expired on ${row.due_date}`);
  return new DomainError('offer_not_open', `the offer is ${status}`, { meta: { status } });
};

/** Hire: offers to in-network creators, accepted (e-signed), declined or withdrawn. */
@Injectable()
export class OffersService {
  constructor(
    private readonly orm: MikroORM,
    private readonly offers: OfferRepository,
    private readonly creators: CreatorRepository,
    private readonly brands: BrandRepository,
    private readonly projects: ProjectRepository,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Only to a creator in the brand's network (anyone else is not found), in the brand's currency.
   * With an Idempotency-Key, a retry with the same body returns the first offer (no second row,
   * no second `network.offer.sent.v1`); another body under the key is a 422.
   */
  async create(actor: Actor, input: OfferInput, idempotencyKey?: string): Promise<OfferView> {
    const brand = requireBrand(actor);
    return idempotentCreate(this.orm, {
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
      load: async (em, id) =>
        toOfferView((await this.offers.get(em, { kind: 'brand', brandId: brand.brandId }, id))!),
      create: (em) => this.createIn(em, brand, input),
    });
  }

  private async createIn(em: EntityManager, brand: BrandActor, input: OfferInput) {
    const today = new Date().toISOString().slice(0, 10);
    if (input.dueDate < today) {
      const message = 'dueDate must be today or later';
      throw new DomainError('validation_failed', message, {
        errors: [{ field: 'dueDate', messages: [message] }],
      });
    }
    const creator = await this.creators.byId(em, input.creatorId);
    if (!creator || !(await this.creators.isMember(em, brand.brandId, creator.id)))
      throw notFound('creator');
    const id = randomUUID();
    await this.offers.insert(em, {
      ...input,
      id,
      brandId: brand.brandId,
      currency: brand.currency,
      createdBy: brand.userId,
    });
    await this.outbox.add(em, OfferSentEvent, {
      offerId: id,
      brandId: brand.brandId,
      brandName: await this.brands.nameOf(em, brand.brandId),
      creatorId: creator.id,
      creatorEmail: creator.email,
      creatorName: creator.name,
      title: input.title.trim(),
      fee: input.fee,
      currency: brand.currency,
      dueDate: input.dueDate,
    });
    return toOfferView((await this.offers.get(em, { kind: 'brand', brandId: brand.brandId }, id))!);
  }

  /**
   * One offer for its page, with the contract its parties read: the stored signed text once
   * accepted; while open, the text accepting would sign now, from the same rendering.
   */
  async get(actor: Actor, offerId: string): Promise<OfferDetail> {
    const em = this.orm.em.fork();
    const row = await this.offers.get(em, partyOf(actor), offerId);
    if (!row) throw notFound('offer');
    const view = toOfferView(row);
    const brandName = await this.brands.nameOf(em, row.brand_id);
    let contract: OfferContract | null = null;
    if (view.status === 'accepted') {
      const signed = await this.offers.contractOf(em, row.id);
      if (signed)
        contract = {
          templateVersion: signed.template_version,
          text: signed.body,
          sha256: signed.sha256,
          signedAt: toIso(signed.signed_at)!,
          signatureName: signed.signature_name,
        };
    } else if (view.status === 'sent') {
      const text = await this.contractText(em, row, brandName);
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

  /** The one rendering of an offer's contract, for reading it and for signing it. */
  private async contractText(em: EntityManager, row: OfferRow, brandName: string) {
    const creator = (await this.creators.byId(em, row.creator_id))!;
    return renderContract({
      offerId: row.id,
      brandId: row.brand_id,
      brandName,
      creatorId: creator.id,
      creatorName: creator.name,
      title: row.title,
      brief: row.brief,
      fee: Number(row.fee),
      currency: row.currency.trim(),
      dueDate: row.due_date,
      costCodeId: row.cost_code_id,
      storyCode: row.story_code,
    });
  }

  async list(actor: Actor, query: PageQuery): Promise<Page<OfferView>> {
    const party = partyOf(actor);
    const em = this.orm.em.fork();
    return keysetPage(
      query,
      (after, limit) => this.offers.page(em, party, after, limit),
      toOfferView,
    );
  }

  /**
   * The creator accepts and e-signs: the contract text is generated from the offer, stored with
   * its SHA-256 and the signature (signer, typed name, time, IP, user agent), and the project
   * starts — all in one transaction with the offer row locked, so it happens once.
   */
  async accept(actor: Actor, req: AcceptOfferRequest): Promise<AcceptedOffer> {
    const creator = requireCreator(actor);
    const party: Party = { kind: 'creator', creatorId: creator.creatorId };
    return this.orm.em.fork().transactional(async (em) => {
      const row = await this.offers.get(em, party, req.offerId, true);
      if (!row) throw notFound('offer');
      if (row.status !== 'sent' || row.past_due) throw notOpen(row);
      const body = await this.contractText(em, row, await this.brands.nameOf(em, row.brand_id));
      const sha256 = sha256Hex(body);
      if (req.contractSha256 && req.contractSha256 !== sha256)
        throw new DomainError(
          'contract_changed',
          'the contract text changed since it was read; read it again before signing',
        );
      const contract = {
        id: randomUUID(),
        sha256,
        signedAt: new Date(),
        templateVersion: CONTRACT_TEMPLATE_VERSION,
      };
      await this.offers.decide(em, row.id, 'accepted');
      await this.offers.insertContract(em, {
        ...contract,
        offerId: row.id,
        body,
        signerUserId: creator.userId,
        signerCreatorId: creator.creatorId,
        signatureName: req.signatureName.trim(),
        ip: req.ip ?? null,
        userAgent: req.userAgent ?? null,
      });
      const projectId = randomUUID();
      await this.projects.insert(em, {
        id: projectId,
        offerId: row.id,
        contractId: contract.id,
        brandId: row.brand_id,
        creatorId: row.creator_id,
        title: row.title,
        fee: Number(row.fee),
        currency: row.currency.trim(),
        costCodeId: row.cost_code_id,
        storyCode: row.story_code,
      });
      return {
        offer: toOfferView((await this.offers.get(em, party, row.id))!),
        contract: {
          id: contract.id,
          sha256: contract.sha256,
          signedAt: contract.signedAt.toISOString(),
          templateVersion: contract.templateVersion,
        },
        project: { id: projectId, status: 'active' },
      };
    });
  }

  decline(actor: Actor, offerId: string): Promise<OfferView> {
    const creator = requireCreator(actor);
    return this.close({ kind: 'creator', creatorId: creator.creatorId }, offerId, 'declined');
  }

  withdraw(actor: Actor, offerId: string): Promise<OfferView> {
    const brand = requireBrand(actor);
    return this.close({ kind: 'brand', brandId: brand.brandId }, offerId, 'withdrawn');
  }

  /**
   * The scheduler's offer-expiry job: a `sent` offer past its due date becomes `expired`. Safe to
   * repeat; any other offer (decided, already expired, or not yet past due) is returned unchanged.
   */
  expire(offerId: string): Promise<OfferView> {
    return this.orm.em.fork().transactional(async (em) => {
      const row = await this.offers.byId(em, offerId, true);
      if (!row) throw notFound('offer');
      if (row.status !== 'sent' || !row.past_due) return toOfferView(row);
      await this.offers.decide(em, row.id, 'expired');
      return toOfferView((await this.offers.byId(em, row.id))!);
    });
  }

  /** The scheduler's offer sweep: the offers whose expiry is due (see DueOffersRpc). */
  async due(limit: number): Promise<DueOffer[]> {
    const rows = await this.offers.due(this.orm.em.fork(), limit);
    return rows.map((r) => ({ offerId: r.id, dueDate: r.due_date }));
  }

  /** Declining or withdrawing an open offer; repeating the same decision answers the same offer. */
  private close(party: Party, offerId: string, to: 'declined' | 'withdrawn'): Promise<OfferView> {
    return this.orm.em.fork().transactional(async (em) => {
      const row = await this.offers.get(em, party, offerId, true);
      if (!row) throw notFound('offer');
      if (row.status === to) return toOfferView(row);
      if (row.status !== 'sent') throw notOpen(row);
      await this.offers.decide(em, row.id, to);
      return toOfferView((await this.offers.get(em, party, row.id))!);
    });
  }
}
