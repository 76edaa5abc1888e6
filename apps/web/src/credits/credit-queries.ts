import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type CostCode = components['schemas']['CostCodeDto'];
export type CreditOverview = components['schemas']['CreditOverviewDto'];
export type CreditInvoice = components['schemas']['CreditInvoiceDto'];
export type CreditInvoiceStatus = CreditInvoice['status'];

/** Everything under this key changes when credit moves: invalidate it after any deposit. */
export const CREDIT_KEY = ['credit'] as const;
export const CREDIT_OVERVIEW_KEY = [...CREDIT_KEY, 'overview'] as const;
export const creditInvoicesKey = (status: CreditInvoiceStatus) =>
  [...CREDIT_KEY, 'invoices', status] as const;

/** How often the page asks again while a deposit is pending or an invoice unpaid. */
export const PENDING_POLL_MS = 2_000;
const INVOICES_PER_PAGE = 25;

/**
 * Totals and every cost code with its balances (GET /v1/credit). While any credit is pending
 * (a deposit waiting for its funds, so also every unpaid credit invoice) it asks again every
 * two seconds; when the last pending credit clears, every credit query is refreshed once more,
 * so a list fetched a moment before the change does not stay stale.
 */
export function useCreditOverview() {
  const queryClient = useQueryClient();
  const overview = useQuery({
    queryKey: CREDIT_OVERVIEW_KEY,
    queryFn: () => call(api.GET('/v1/credit')),
    refetchInterval: (query) => (query.state.data?.pending ? PENDING_POLL_MS : false),
  });
  const pending = Boolean(overview.data?.pending);
  const wasPending = useRef(pending);
  useEffect(() => {
    if (wasPending.current && !pending)
      void queryClient.invalidateQueries({ queryKey: CREDIT_KEY });
    wasPending.current = pending;
  }, [pending, queryClient]);
  return overview;
}

/** One status's credit invoices, newest first, a page at a time ("Show more"). */
export function useCreditInvoices(status: CreditInvoiceStatus, options: { poll?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: creditInvoicesKey(status),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/v1/credit-invoices', {
          params: { query: { status, limit: INVOICES_PER_PAGE, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (data) => ({
      invoices: data.pages.flatMap((p) => p.data),
      hasMore: Boolean(data.pages.at(-1)?.nextCursor),
    }),
    // An unpaid list also watches itself: a voided or paid invoice leaves it a moment after the
    // pending credit does (the invoicing service follows the credit service's event).
    refetchInterval: (query) =>
      options.poll || (status === 'unpaid' && query.state.data?.pages[0]?.data.length)
        ? PENDING_POLL_MS
        : false,
  });
}
