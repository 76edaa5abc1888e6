import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import type { Party } from '@glimmer/contracts/actor';
import type { OfferInput } from '@glimmer/contracts/network/offer.messages';
import type { KeysetPosition } from '@glimmer/contracts/page';
import { Contract } from './contract.entity';
import { Offer, type OfferStatus, todayUtc } from './offer.entity';
import { pastPosition } from '@glimmer/database/page-cursor';

export type NewOffer = OfferInput & {
  id: string;
  brandId: string;
  currency: string;
  createdBy: string;
};

export interface NewContract {
  id: string;
  offerId: string;
  templateVersion: string;
  body: string;
  sha256: string;
  signerUserId: string;
  signerCreatorId: string;
  signatureName: string;
  signedAt: Date;
  signerIp: string | null;
  signerUserAgent: string | null;
}

/** `brandId` or `creatorId`: every read is scoped to the asking party. */
const scope = (party: Party) =>
  party.kind === 'brand' ? { brandId: party.brandId } : { creatorId: party.creatorId };

const lockOptions = (lock: boolean) =>
  lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {};

/** Offers and the contracts signed when accepting them. */
@Injectable()
export class OfferRepository {
  async insert(em: EntityManager, offer: NewOffer): Promise<Offer> {
    const created = em.create(Offer, { ...offer, title: offer.title.trim(), status: 'sent' });
    await em.flush();
    return created;
  }

  /** The party's offer (another brand's or creator's is not found), optionally locked. */
  get(em: EntityManager, party: Party, id: string, lock = false): Promise<Offer | null> {
    return em.findOne(Offer, { id, ...scope(party) }, lockOptions(lock));
  }

  /** Any party's offer, for system calls (the scheduler), optionally locked. */
  byId(em: EntityManager, id: string, lock = false): Promise<Offer | null> {
    return em.findOne(Offer, id, lockOptions(lock));
  }

  async decide(em: EntityManager, offer: Offer, status: Exclude<OfferStatus, 'sent'>) {
    em.assign(offer, { status, decidedAt: new Date() });
    await em.flush();
  }

  /** Still-`sent` offers past their due date (UTC), oldest due date first (offer_sent_due_idx). */
  due(em: EntityManager, limit: number): Promise<Offer[]> {
    return em.find(
      Offer,
      { status: 'sent', dueDate: { $lt: todayUtc() } },
      { orderBy: { dueDate: 'asc', id: 'asc' }, limit },
    );
  }

  /** The party's offers in the order they were made, after `after`. */
  async page(
    em: EntityManager,
    party: Party,
    after: KeysetPosition | undefined,
    limit: number,
  ): Promise<(Offer & { position: KeysetPosition })[]> {
    const qb = em
      .createQueryBuilder(Offer, 'o')
      .where(scope(party))
      .orderBy({ createdAt: 'asc', id: 'asc' })
      .limit(limit);
    const offers = await pastPosition(
      qb,
      { at: 'o.created_at', id: 'o.id' },
      after,
    ).getResultList();
    return offers.map((o) => Object.assign(o, { position: { createdAt: o.positionAt, id: o.id } }));
  }

  /** The contract signed when the offer was accepted, if it was. */
  contractOf(em: EntityManager, offerId: string): Promise<Contract | null> {
    return em.findOne(Contract, { offerId });
  }

  async insertContract(em: EntityManager, contract: NewContract): Promise<Contract> {
    const created = em.create(Contract, contract);
    await em.flush();
    return created;
  }
}
