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
export const CREDIT_PAGES_KEY = [...CREDIT_KEY, 'pages'] as const;
export const creditInvoicesKey = (status: CreditInvoiceStatus) =>
  [...CREDIT_KEY, 'invoices', status] as const;

/** How often the page asks again while a deposit is pending or an invoice unpaid. */
export const PENDING_POLL_MS = 2_000;
const INVOICES_PER_PAGE = 25;

/** A page of the Credits page's "cost codes with credit" table. */
const COST_CODES_PER_PAGE = 50;

/**
 * Totals and every cost code with its balances (GET /v1/credit, whole): what the cost-code
 * pickers and the invoices' credit need. `fresh`: asked again whenever a screen that spends
 * credit opens, as credit may have moved.
 */
export const creditOverviewQuery = {
  queryKey: CREDIT_OVERVIEW_KEY,
  queryFn: () => call(api.GET('/v1/credit')),
  staleTime: 10_000,
};

export function useCreditOverview({ enabled = true, fresh = false } = {}) {
  return useQuery({ ...creditOverviewQuery, enabled, refetchOnMount: fresh ? 'always' : true });
}

/**
 * Reports → Credits: the totals and the cost codes that carry credit, a page at a time (so a
 * brand with thousands of codes is not read whole to show them). While any credit is pending (a
 * deposit waiting for its funds, so also every unpaid credit invoice) it asks again every two
 * seconds; when the last pending credit clears, every credit query is refreshed once more, so a
 * list fetched a moment before the change does not stay stale.
 */
export function useCreditPages() {
  const queryClient = useQueryClient();
  const pages = useInfiniteQuery({
    queryKey: CREDIT_PAGES_KEY,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/v1/credit', {
          params: { query: { withCredit: true, limit: COST_CODES_PER_PAGE, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (data) => {
      const first = data.pages[0];
      return {
        currency: first.currency,
        available: first.available,
        pending: first.pending,
        costCodes: data.pages.flatMap((p) => p.costCodes),
      };
    },
    refetchInterval: (query) => (query.state.data?.pages[0]?.pending ? PENDING_POLL_MS : false),
  });
  const pending = Boolean(pages.data?.pending);
  const wasPending = useRef(pending);
  useEffect(() => {
    if (wasPending.current && !pending)
      void queryClient.invalidateQueries({ queryKey: CREDIT_KEY });
    wasPending.current = pending;
  }, [pending, queryClient]);
  return pages;
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
