import type {
  AvailablePayoutMethod,
  PayoutMethodType,
} from '@glimmer/contracts/payout/payout-method.messages';
import type { FieldError } from '@glimmer/errors/domain-error';
import {
  abaRoutingCheck,
  bicCheck,
  digitsCheck,
  emailCheck,
  FieldCheck,
  IBAN_LENGTHS,
  ibanCheck,
  ifscCheck,
  oneOfCheck,
  textCheck,
} from './bank-validators';

/** One field of a method in one country: what the form shows and how the service checks it. */
export interface FieldSpec {
  name: string;
  label: string;
  secret: boolean;
  required: boolean;
  example: string;
  check: FieldCheck;
}

export interface MethodSpec {
  type: PayoutMethodType;
  name: string;
  fields: FieldSpec[];
}

const field = (
  name: string,
  label: string,
  example: string,
  check: FieldCheck,
  { secret = false, required = true } = {},
): FieldSpec => ({ name, label, example, check, secret, required });

const accountHolder = field(
  'accountHolder',
  'Account holder name',
  'Ada Lovelace',
  textCheck(2, 140),
);

/** Countries where Glimmer pays by PayPal. */
export const PAYPAL_COUNTRIES: ReadonlySet<string> = new Set([
  'AT', 'AU', 'BE', 'BR', 'CA', 'CH', 'DE', 'DK', 'ES', 'FI', 'FR', 'GB', 'IE', 'IT', 'JP', 'LU',
  'MX', 'NL', 'NO', 'NZ', 'PL', 'PT', 'SE', 'SG', 'US',
]); // prettier-ignore

/** Local bank transfer: the fields a domestic transfer needs, by country. */
function localBankFields(country: string): FieldSpec[] | null {
  switch (country) {
    case 'GB':
      return [
        accountHolder,
        field('sortCode', 'Sort code', '12-34-56', digitsCheck(6)),
        field('accountNumber', 'Account number', '12345678', digitsCheck(8), { secret: true }),
      ];
    case 'US':
      return [
        accountHolder,
        field('routingNumber', 'ABA routing number', '021000021', abaRoutingCheck),
        field('accountNumber', 'Account number', '000123456789', digitsCheck(4, 17), {
          secret: true,
        }),
        field(
          'accountType',
          'Account type (checking or savings)',
          'checking',
          oneOfCheck(['checking', 'savings']),
        ),
      ];
    case 'IN':
      return [
        accountHolder,
        field('ifsc', 'IFSC', 'HDFC0001234', ifscCheck),
        field('accountNumber', 'Account number', '50100012345678', digitsCheck(9, 18), {
          secret: true,
        }),
      ];
    default:
      if (!(country in IBAN_LENGTHS)) return null;
      return [
        accountHolder,
        field('iban', 'IBAN', `${country}00 …`, ibanCheck(country), { secret: true }),
        field('bic', 'BIC / SWIFT (optional)', 'DEUTDEFF', bicCheck, { required: false }),
      ];
  }
}

/** The methods offered to a creator living in `country`, Payoneer first (offered everywhere). */
export function methodsFor(country: string): MethodSpec[] {
  const methods: MethodSpec[] = [
    {
      type: 'payoneer',
      name: 'Payoneer',
      fields: [field('email', 'Payoneer account email', 'ada@example.com', emailCheck)],
    },
  ];
  const bank = localBankFields(country);
  if (bank)
    methods.push({ type: 'local_bank_transfer', name: 'Local bank transfer', fields: bank });
  if (PAYPAL_COUNTRIES.has(country)) {
    methods.push({
      type: 'paypal',
      name: 'PayPal',
      fields: [field('email', 'PayPal account email', 'ada@example.com', emailCheck)],
    });
  }
  return methods;
}

export function methodFor(country: string, type: PayoutMethodType): MethodSpec | null {
  return methodsFor(country).find((m) => m.type === type) ?? null;
}

/** The catalogue as clients see it (no checks, no `required`: optional fields say so in their label). */
export function toAvailable(spec: MethodSpec): AvailablePayoutMethod {
  return {
    type: spec.type,
    name: spec.name,
    fields: spec.fields.map(({ name, label, secret, example }) => ({
      name,
      label,
      secret,
      example,
    })),
  };
}

export type DetailsCheck =
  | { ok: true; plain: Record<string, string>; secret: Record<string, string> }
  | { ok: false; errors: FieldError[] };

/**
 * Checks a method's details against its spec: every required field present, no unknown one,
 * each value valid. Returns the normalised values split into plain and secret ones, or every
 * field at fault (named `details.<field>`).
 */
export function checkDetails(spec: MethodSpec, details: Record<string, unknown>): DetailsCheck {
  const errors: FieldError[] = [];
  const plain: Record<string, string> = {};
  const secret: Record<string, string> = {};
  const known = new Set(spec.fields.map((f) => f.name));
  for (const name of Object.keys(details)) {
    if (!known.has(name)) {
      errors.push({
        field: `details.${name}`,
        messages: [`is not a field of ${spec.name}; expected ${[...known].join(', ')}`],
      });
    }
  }
  for (const f of spec.fields) {
    const raw = details[f.name];
    if (raw === undefined || raw === null || raw === '') {
      if (f.required) errors.push({ field: `details.${f.name}`, messages: ['is required'] });
      continue;
    }
    if (typeof raw !== 'string') {
      errors.push({ field: `details.${f.name}`, messages: ['must be a string'] });
      continue;
    }
    const checked = f.check(raw);
    if (!checked.ok) errors.push({ field: `details.${f.name}`, messages: [checked.message] });
    else (f.secret ? secret : plain)[f.name] = checked.value;
  }
  return errors.length ? { ok: false, errors } : { ok: true, plain, secret };
}

/** How a secret is shown: its last four characters at most, never the whole value. */
export function maskSecret(value: string): string {
  const visible = value.length > 6 ? value.slice(-4) : '';
  return `••••${visible}`;
}
