import { type InfiniteData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type Invite = components['schemas']['InviteDto'];
type InvitePage = components['schemas']['InvitePageDto'];
export type NetworkCreator = components['schemas']['NetworkCreatorDto'];
export type Creator = components['schemas']['CreatorDto'];
export type WorkSample = components['schemas']['WorkSampleDto'];
export type CostCode = components['schemas']['CostCodeDto'];

export const INVITES_KEY = ['invites'] as const;
export const NETWORK_KEY = ['network'] as const;
export const COST_CODES_KEY = ['cost-codes'] as const;
export const creatorKey = (creatorId: string) => ['creators', creatorId] as const;

const PAGE_SIZE = 50;
/** While an invite is out, the lists refresh on their own so an acceptance shows up. */
export const PENDING_POLL_MS = 10_000;

/** The brand's invites, a page at a time (the API lists them oldest first). */
export function useInvites() {
  return useInfiniteQuery({
    queryKey: INVITES_KEY,
    refetchInterval: (query: { state: { data?: InfiniteData<InvitePage> } }) =>
      query.state.data?.pages.some((page) => page.data.some((i) => i.status === 'sent'))
        ? PENDING_POLL_MS
        : false,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/v1/invites', {
          params: { query: { limit: PAGE_SIZE, cursor: pageParam ?? undefined } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** In-network creators ("My Network"), a page at a time, in the order they joined. */
export function useNetwork({ poll = false }: { poll?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: NETWORK_KEY,
    refetchInterval: poll ? PENDING_POLL_MS : false,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/v1/network', {
          params: { query: { limit: PAGE_SIZE, cursor: pageParam ?? undefined } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/**
 * One in-network creator with photo and work samples. The network list carries neither, so each
 * card asks for its creator too; the answer is shared with the profile page.
 */
export function useCreator(creatorId: string) {
  return useQuery({
    queryKey: creatorKey(creatorId),
    queryFn: () => call(api.GET('/v1/creators/{id}', { params: { path: { id: creatorId } } })),
    staleTime: 30_000,
  });
}

/** The brand's cost codes, for the offer form (the API allows up to 200 in one page). */
export function useCostCodes() {
  return useQuery({
    queryKey: COST_CODES_KEY,
    queryFn: () => call(api.GET('/v1/cost-codes', { params: { query: { limit: 200 } } })),
    select: (page) => page.data,
  });
}
