import { Actor, BrandActor, isBrandActor } from '@glimmer/contracts/actor';
import { DomainError } from '@glimmer/errors/domain-error';

/**
 * Every brand RPC starts here: only a brand member with a brand and its currency may touch
 * credit. The gateway already checks roles; this keeps the service safe on its own.
 */
export function requireBrand(actor: Actor): BrandActor {
  if (!isBrandActor(actor))
    throw new DomainError('forbidden', 'only a brand member may use credit');
  return actor;
}

/** Ops' reads across every brand (the gateway checks the role too). */
export function requireOps(actor: Actor): Actor {
  if (actor.role !== 'ops') throw new DomainError('forbidden', 'only ops may do this');
  return actor;
}
