import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type PayoutMethod = components['schemas']['PayoutMethodDto'];
export type AvailableMethod = components['schemas']['AvailablePayoutMethodDto'];
export type MethodField = components['schemas']['PayoutMethodFieldDto'];
export { checkField } from './field-checks';

export const PAYOUT_METHODS_KEY = ['me', 'payout-methods'] as const;

/** The creator's own payout methods (secrets masked by the server). */
export function usePayoutMethods() {
  return useQuery({
    queryKey: PAYOUT_METHODS_KEY,
    queryFn: () => call(api.GET('/v1/me/payout-methods')),
  });
}

/** What Glimmer offers a creator living in `country` (nothing is asked before one is chosen). */
export function useAvailableMethods(country: string | null) {
  return useQuery({
    queryKey: ['payout-methods', 'available', country],
    queryFn: () =>
      call(api.GET('/v1/payout-methods/available', { params: { query: { country: country! } } })),
    enabled: Boolean(country),
    staleTime: 60 * 60_000,
  });
}

/** Labels for stored details (the list answers field names only). */
const DETAIL_LABELS: Record<string, string> = {
  accountHolder: 'Account holder',
  sortCode: 'Sort code',
  accountNumber: 'Account number',
  routingNumber: 'Routing number',
  accountType: 'Account type',
  iban: 'IBAN',
  bic: 'BIC / SWIFT',
  ifsc: 'IFSC',
  email: 'Email',
};

export function detailLabel(name: string): string {
  return DETAIL_LABELS[name] ?? name;
}

const ORDER = Object.keys(DETAIL_LABELS);

/** A method's details in the order a bank form asks them, formatted as people write them. */
export function detailRows(method: PayoutMethod): { name: string; label: string; value: string }[] {
  return Object.entries(method.details)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([name, value]) => ({
      name,
      label: detailLabel(name),
      // A UK sort code is written in pairs: 04-00-04.
      value:
        name === 'sortCode' && /^\d{6}$/.test(value)
          ? value.replace(/(\d\d)(?=\d)/g, '$1-')
          : value,
    }));
}

const rank = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);
