import { DomainError } from '@glimmer/errors/domain-error';
import type { OfferView } from '@glimmer/contracts/network/offer.messages';
import { toAmount } from '@glimmer/database/sql';
import { isPastDue, type Offer } from './offer.entity';

/** The contract's view of an offer, with the project its acceptance started (if any). */
export function toOfferView(offer: Offer, projectId: string | null): OfferView {
  return {
    id: offer.id,
    brandId: offer.brandId,
    creatorId: offer.creatorId,
    title: offer.title,
    brief: offer.brief,
    fee: toAmount(offer.fee),
    currency: offer.currency.trim(),
    dueDate: offer.dueDate,
    costCodeId: offer.costCodeId,
    storyCode: offer.storyCode,
    // A sent offer past its due date can no longer be accepted: it reads as expired.
    status: offer.status === 'sent' && isPastDue(offer) ? 'expired' : offer.status,
    createdAt: offer.createdAt.toISOString(),
    decidedAt: offer.decidedAt?.toISOString() ?? null,
    projectId,
  };
}

/** Why an offer cannot be decided any more: expired, or already decided. */
export function notOpen(offer: Offer): DomainError {
  const status = toOfferView(offer, null).status;
  if (status === 'expired')
    return new DomainError('offer_expired', `the offer expired on ${offer.dueDate}`);
  return new DomainError('offer_not_open', `the offer is ${status}`, { meta: { status } });
}
