import type { Actor } from '@glimmer/contracts/actor';
import { DomainError } from '@glimmer/errors/domain-error';
import type { InvoiceParty } from './project-invoice.repository';

/**
 * Project invoices are the brand's to read and pay; the gateway checks roles already, this keeps
 * the service safe on its own.
 */
export function brandIdOf(actor: Actor): string {
  if (actor.role !== 'brand' || !actor.brandId) {
    throw new DomainError('forbidden', 'only a brand member may read or pay project invoices');
  }
  return actor.brandId;
}

/** For project views and dashboards a creator may see the invoice status of its own projects. */
export function partyOf(actor: Actor): InvoiceParty {
  if (actor.role === 'brand' && actor.brandId) return { brandId: actor.brandId };
  if (actor.role === 'creator' && actor.creatorId) return { creatorId: actor.creatorId };
  throw new DomainError('forbidden', 'only a brand member or a creator may do this');
}
