import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type ProjectInvoice = components['schemas']['ProjectInvoiceDto'];
export type InvoiceStatus = ProjectInvoice['status'];
export type CreditSource = components['schemas']['CreditSourceDto'];
export type CostCode = components['schemas']['CostCodeDto'];

export const INVOICE_STATUSES: InvoiceStatus[] = ['unpaid', 'partially_paid', 'paid', 'void'];

export function isInvoiceStatus(value: string | null): value is InvoiceStatus {
  return INVOICE_STATUSES.includes(value as InvoiceStatus);
}

/** Query keys: everything about invoices starts with 'invoices', so one invalidation covers all. */
export const invoiceKeys = {
  all: ['invoices'] as const,
  list: (status: InvoiceStatus | undefined) => ['invoices', 'list', status ?? 'all'] as const,
  one: (id: string) => ['invoices', 'one', id] as const,
};
const PAGE_SIZE = 50;

/** The brand's project invoices, newest first, one page at a time ("Load more"). */
export function useInvoices(status: InvoiceStatus | undefined) {
  return useInfiniteQuery({
    queryKey: invoiceKeys.list(status),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/v1/invoices', {
          params: { query: { status, limit: PAGE_SIZE, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // Switching the filter keeps the old rows on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

/** One invoice, fresh from the server; `shown` (e.g. its list row) fills in meanwhile. */
export function useInvoice(id: string | null, shown?: ProjectInvoice) {
  return useQuery({
    queryKey: invoiceKeys.one(id ?? ''),
    queryFn: () => call(api.GET('/v1/invoices/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
    placeholderData: shown?.id === id ? shown : undefined,
  });
}

/** Apply Credit is offered only on something payable, and only while there is credit to use. */
export function canOfferCredit(invoice: ProjectInvoice, brandAvailable: number): boolean {
  const payable = invoice.status === 'unpaid' || invoice.status === 'partially_paid';
  return payable && invoice.amountDue > 0 && (invoice.canApplyCredit || brandAvailable > 0);
}

/** The address of the CSV export with the page's filter; the session cookie goes with it. */
export function exportCsvHref(status: InvoiceStatus | undefined): string {
  return status ? `/v1/invoices/export.csv?status=${status}` : '/v1/invoices/export.csv';
}
