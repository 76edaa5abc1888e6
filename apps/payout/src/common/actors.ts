import type { Actor } from '@glimmer/contracts/actor';
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
export function requireCreator(actor: Actor): CreatorActor {
  if (!isCreatorActor(actor)) throw new DomainError('forbidden', 'only a creator may do this');
  return actor;
}

export function requireOps(actor: Actor): Actor {
  if (actor.role !== 'ops') throw new DomainError('forbidden', 'only ops may do this');
  return actor;
}
