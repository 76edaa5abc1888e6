import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import { creatorName } from '../components/creator-text';
import { NETWORK_KEY, useCreator } from '../network/network-api';
import type { Offer } from './offers-api';

/** creatorId → the name the brand knows them by, from one page of My Network. */
export function useNetworkNames(enabled: boolean) {
  return useQuery({
    queryKey: [...NETWORK_KEY, 'names'],
    queryFn: () => call(api.GET('/v1/network', { params: { query: { limit: 200 } } })),
    select: (page) => new Map(page.data.map((c) => [c.creatorId, creatorName(c)])),
    enabled,
    staleTime: 60_000,
  });
}

/** A creator beyond that page (a large network): asked for on their own, once. */
function CreatorNameById({ creatorId }: { creatorId: string }) {
  const creator = useCreator(creatorId);
  if (creator.data) return <>{creatorName(creator.data)}</>;
  return <>{creator.isError ? 'A creator no longer in your network' : '…'}</>;
}

/**
 * The brand's name, for a creator. Offers in the list carry only the brand's id; one offer's
 * own record (GET /v1/offers/:id) names its brand, so one request per brand is enough: every
 * row of that brand shares the answer.
 */
function BrandName({ offer }: { offer: Offer }) {
  const brand = useQuery({
    queryKey: ['brand-name', offer.brandId],
    queryFn: async () => {
      const detail = await call(api.GET('/v1/offers/{id}', { params: { path: { id: offer.id } } }));
      // `brandName` is on the offer's own record once the gateway sends it; cast narrowly.
      return (detail as { brandName?: string }).brandName ?? null;
    },
    staleTime: Infinity,
  });
  return <>{offer.brandName ?? brand.data ?? (brand.isPending ? '…' : 'Your client')}</>;
}

/** The other party of an offer: the creator (brand view) or the brand (creator view). */
export function OfferParty({
  offer,
  viewer,
  names,
}: {
  offer: Offer;
  viewer: 'brand' | 'creator';
  names?: Map<string, string>;
}) {
  if (viewer === 'creator') return <BrandName offer={offer} />;
  const known = offer.creatorName ?? names?.get(offer.creatorId);
  if (known) return <>{known}</>;
  // Until the names have loaded, say nothing rather than fetch each creator.
  if (!names) return <>…</>;
  return <CreatorNameById creatorId={offer.creatorId} />;
}
