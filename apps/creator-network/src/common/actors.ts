import { Actor, BrandActor, isBrandActor } from '@glimmer/contracts/actor';
import { DomainError } from '@glimmer/errors/domain-error';

/** A creator's actor with its creator id present. */
export interface CreatorActor extends Actor {
  role: 'creator';
  creatorId: string;
}

export function isCreatorActor(actor: Actor): actor is CreatorActor {
  return actor.role === 'creator' && !!actor.creatorId;
}

/** The gateway checks roles already; these keep the service safe on its own. */
export function requireBrand(actor: Actor): BrandActor {
  if (!isBrandActor(actor)) throw new DomainError('forbidden', 'only a brand member may do this');
  return actor;
}

export function requireCreator(actor: Actor): CreatorActor {
  if (!isCreatorActor(actor)) throw new DomainError('forbidden', 'only a creator may do this');
  return actor;
}

/** Brand members and creators each see their own side of offers and projects. */
export type Party = { kind: 'brand'; brandId: string } | { kind: 'creator'; creatorId: string };

export function partyOf(actor: Actor): Party {
  if (isBrandActor(actor)) return { kind: 'brand', brandId: actor.brandId };
  if (isCreatorActor(actor)) return { kind: 'creator', creatorId: actor.creatorId };
  throw new DomainError('forbidden', 'only a brand member or a creator may do this');
}
