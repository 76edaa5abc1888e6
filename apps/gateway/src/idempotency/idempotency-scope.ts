import type { Actor } from '@glimmer/contracts/actor';

/** Keys are per tenant: two brands may use the same key without meeting each other. */
export function idempotencyScope(actor: Actor | undefined): string {
  if (!actor) return 'anon';
  if (actor.role === 'brand' && actor.brandId) return `brand:${actor.brandId}`;
  if (actor.role === 'creator' && actor.creatorId) return `creator:${actor.creatorId}`;
  return `${actor.role}:${actor.userId}`;
}
