import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type Project = components['schemas']['ProjectDto'];
export type Payout = components['schemas']['PayoutDto'];

export const projectKeys = {
  all: ['projects'] as const,
  list: ['projects', 'list'] as const,
  one: (id: string) => ['projects', 'one', id] as const,
};

/** How often a page asks again while it waits for the other party or for money to move. */
const WAITING_POLL_MS = 5_000;
const LIST_POLL_MS = 15_000;

/** Whether the project still waits on something that happens elsewhere (or by itself). */
export function projectIsSettling(project: Project): boolean {
  if (project.status === 'active') return true;
  // Both completed: the invoice is issued by an event, a moment later.
  return project.invoiceId === null;
}

/** The caller's projects (a brand's, or a creator's own), one page at a time. */
export function useProjects() {
  return useInfiniteQuery({
    queryKey: projectKeys.list,
    queryFn: ({ pageParam }) =>
      call(api.GET('/v1/projects', { params: { query: { limit: 50, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.data.some(projectIsSettling)) ? LIST_POLL_MS : false,
  });
}

/**
 * One project. It is asked again while the other party has not completed, while the invoice
 * is being issued, and (for a creator, `awaitingPayment`) until the payment date is known.
 */
export function useProject(id: string, awaitingPayment = false) {
  return useQuery({
    queryKey: projectKeys.one(id),
    queryFn: () => call(api.GET('/v1/projects/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => {
      const project = query.state.data;
      if (!project) return false;
      const waitingForDate = awaitingPayment && project.expectedPaymentDate === null;
      return projectIsSettling(project) || waitingForDate ? WAITING_POLL_MS : false;
    },
  });
}

/** The brand's in-network creators by id, to name the creator of each project. */
export function useCreatorNames(enabled: boolean) {
  return useQuery({
    queryKey: ['network', 'names'],
    queryFn: () => call(api.GET('/v1/network', { params: { query: { limit: 200 } } })),
    select: (page) => new Map(page.data.map((c) => [c.creatorId, c.name])),
    enabled,
    staleTime: 60_000,
  });
}

/**
 * The creator's payout for one project (GET /v1/me/payouts, matched by projectId), asked again
 * until it is paid. `undefined` while loading; `null` when no payout exists yet.
 */
export function useProjectPayout(projectId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['me', 'payouts', 'for-project', projectId],
    queryFn: async () => {
      const page = await call(api.GET('/v1/me/payouts', { params: { query: { limit: 200 } } }));
      return page.data.find((p) => p.projectId === projectId) ?? null;
    },
    enabled,
    refetchInterval: (query) => (query.state.data?.status === 'paid' ? false : WAITING_POLL_MS * 2),
  });
}
