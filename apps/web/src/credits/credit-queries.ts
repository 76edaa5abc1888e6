import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
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

/** Totals and every cost code with its balances (GET /v1/credit). */
export function useCreditOverview(options: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: CREDIT_OVERVIEW_KEY,
    queryFn: () => call(api.GET('/v1/credit')),
    refetchInterval: options.poll ? PENDING_POLL_MS : false,
  });
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
    refetchInterval: options.poll ? PENDING_POLL_MS : false,
  });
}

/** "MKT-2027 — Marketing 2027", as people name a cost code in sentences. */
export function costCodeLabel(costCode: Pick<CostCode, 'code' | 'name'>): string {
  return costCode.name ? `${costCode.code} — ${costCode.name}` : costCode.code;
}
