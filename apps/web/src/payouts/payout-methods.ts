import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type PayoutMethod = components['schemas']['PayoutMethodDto'];
export type AvailableMethod = components['schemas']['AvailablePayoutMethodDto'];
export type MethodField = components['schemas']['PayoutMethodFieldDto'];

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

/**
 * The same checks the service makes from the catalogue's metadata, so bad input is shown next
 * to the field and nothing is sent: required fields, and each field's shape (a regex against the
 * value without spaces and hyphens, case-insensitive, as the service normalises it). The service
 * checks more (check digits); its 400 field errors land on the same fields.
 */
export function checkField(field: MethodField, raw: string): string | null {
  const value = raw.trim();
  if (!value) return field.required ? `Enter the ${lowerFirst(stripOptional(field.label))}` : null;
  if (field.pattern && !new RegExp(field.pattern.regex, 'i').test(value.replace(/[\s-]/g, '')))
    return `${stripOptional(field.label)} ${field.pattern.message}`;
  return null;
}

const stripOptional = (label: string) => label.replace(/\s*\(optional\)\s*$/i, '');
const lowerFirst = (text: string) =>
  /^[A-Z]{2}/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);

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
