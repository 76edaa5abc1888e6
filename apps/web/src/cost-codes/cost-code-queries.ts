import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';

export const COST_CODES_KEY = ['cost-codes'] as const;
const COST_CODES_PER_PAGE = 100;

/** The brand's cost codes, a page at a time ("Show more"). */
export function useCostCodes() {
  return useInfiniteQuery({
    queryKey: COST_CODES_KEY,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/v1/cost-codes', {
          params: { query: { limit: COST_CODES_PER_PAGE, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (data) => ({
      costCodes: data.pages.flatMap((p) => p.data),
      hasMore: Boolean(data.pages.at(-1)?.nextCursor),
    }),
  });
}

/** One of the brand's cost codes with its balances (a project's page names its code). */
export function useCostCode(id: string, { enabled = true } = {}) {
  return useQuery({
    queryKey: [...COST_CODES_KEY, 'one', id],
    queryFn: () => call(api.GET('/v1/cost-codes/{id}', { params: { path: { id } } })),
    enabled,
    staleTime: 60_000,
  });
}
