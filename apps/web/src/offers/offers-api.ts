import { type InfiniteData, useInfiniteQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

/**
 * An offer as listed. The API's offer carries ids only; `brandName` / `creatorName` are read when
 * the gateway sends them (not yet in the OpenAPI document), so the page can name the other party.
 */
export type Offer = components['schemas']['OfferDto'] & {
  brandName?: string;
  creatorName?: string;
};
type OfferPage = { data: Offer[]; nextCursor: string | null };

export const OFFERS_KEY = ['offers'] as const;
/** While an offer is open, the list looks again this often, so an acceptance shows by itself. */
export const OPEN_OFFER_POLL_MS = 5_000;

export const isOpenOffer = (offer: Pick<Offer, 'status'>) => offer.status === 'sent';

/** The caller's offers (the brand's, or the creator's own), a page at a time. */
export function useOffers() {
  return useInfiniteQuery({
    queryKey: [...OFFERS_KEY, 'list'],
    queryFn: async ({ pageParam }): Promise<OfferPage> =>
      call(
        api.GET('/v1/offers', {
          params: { query: { limit: 50, cursor: pageParam ?? undefined } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: (query: { state: { data?: InfiniteData<OfferPage> } }) =>
      query.state.data?.pages.some((page) => page.data.some(isOpenOffer))
        ? OPEN_OFFER_POLL_MS
        : false,
  });
}
