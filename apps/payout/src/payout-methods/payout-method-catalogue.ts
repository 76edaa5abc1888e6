import type {
  AvailablePayoutMethod,
  FieldPattern,
  PayoutMethodType,
} from '@glimmer/contracts/payout/payout-method.messages';
import type { FieldError } from '@glimmer/errors/domain-error';
import {
  abaRoutingCheck,
  bicCheck,
  digitsCheck,
  emailCheck,
  FieldCheck,
  ibanCheck,
  ifscCheck,
  oneOfCheck,
  SEPA_COUNTRIES,
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
  /** The shape a form can check before sending (the check may do more, e.g. check digits). */
  pattern?: FieldPattern;
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
  {
    secret = false,
    required = true,
    pattern,
  }: { secret?: boolean; required?: boolean; pattern?: FieldPattern } = {},
): FieldSpec => ({ name, label, example, check, secret, required, pattern });

/**
 * A form-side shape: `regex` (case-insensitive) against the value with spaces and hyphens
 * removed, as the checks normalise it; `message` is the check's own message for a mismatch.
 */
const shape = (regex: string, message: string): FieldPattern => ({ regex, message });
const digits = (min: number, max = min): FieldPattern =>
  shape(
    min === max ? `^\\d{${min}}$` : `^\\d{${min},${max}}$`,
    min === max ? `must be ${min} digits` : `must be ${min} to ${max} digits`,
  );
const EMAIL_SHAPE = shape('^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', 'must be an email address');

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
        field('sortCode', 'Sort code', '12-34-56', digitsCheck(6), { pattern: digits(6) }),
        field('accountNumber', 'Account number', '12345678', digitsCheck(8), {
          secret: true,
          pattern: digits(8),
        }),
      ];
    case 'US':
      return [
        accountHolder,
        field('routingNumber', 'ABA routing number', '021000021', abaRoutingCheck, {
          pattern: digits(9),
        }),
        field('accountNumber', 'Account number', '000123456789', digitsCheck(4, 17), {
          secret: true,
          pattern: digits(4, 17),
        }),
        field(
          'accountType',
          'Account type (checking or savings)',
          'checking',
          oneOfCheck(['checking', 'savings']),
          { pattern: shape('^(checking|savings)$', 'must be one of checking, savings') },
        ),
      ];
    case 'IN':
      return [
        accountHolder,
        field('ifsc', 'IFSC', 'HDFC0001234', ifscCheck, {
          pattern: shape('^[A-Z]{4}0[A-Z0-9]{6}$', 'must be an 11-character IFSC'),
        }),
        field('accountNumber', 'Account number', '50100012345678', digitsCheck(9, 18), {
          secret: true,
          pattern: digits(9, 18),
        }),
      ];
    default:
      if (!SEPA_COUNTRIES.has(country)) return null;
      return [
        accountHolder,
        field('iban', 'IBAN', `${country}00 …`, ibanCheck(country), {
          secret: true,
          // Any IBAN's shape (15 to 34 characters) with this country's prefix; the service
          // checks the country's own format and the check digits.
          pattern: shape(
            `^${country}\\d{2}[A-Z0-9]{11,30}$`,
            `must be an IBAN from ${country} (${country}, 2 check digits, then the account)`,
          ),
        }),
        field('bic', 'BIC / SWIFT (optional)', 'DEUTDEFF', bicCheck, {
          required: false,
          pattern: shape(
            '^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$',
            'must be a BIC of 8 or 11 characters',
          ),
        }),
      ];
  }
}

/** The methods offered to a creator living in `country`, Payoneer first (offered everywhere). */
export function methodsFor(country: string): MethodSpec[] {
  const methods: MethodSpec[] = [
    {
      type: 'payoneer',
      name: 'Payoneer',
      fields: [
        field('email', 'Payoneer account email', 'ada@example.com', emailCheck, {
          pattern: EMAIL_SHAPE,
        }),
      ],
    },
  ];
  const bank = localBankFields(country);
  if (bank)
    methods.push({ type: 'local_bank_transfer', name: 'Local bank transfer', fields: bank });
  if (PAYPAL_COUNTRIES.has(country)) {
    methods.push({
      type: 'paypal',
      name: 'PayPal',
      fields: [
        field('email', 'PayPal account email', 'ada@example.com', emailCheck, {
          pattern: EMAIL_SHAPE,
        }),
      ],
    });
  }
  return methods;
}

export function methodFor(country: string, type: PayoutMethodType): MethodSpec | null {
  return methodsFor(country).find((m) => m.type === type) ?? null;
}

/**
 * The catalogue as clients see it: no checks, but whether each field is required and the shape
 * a form can check before sending (the service still checks everything, e.g. check digits).
 */
export function toAvailable(spec: MethodSpec): AvailablePayoutMethod {
  return {
    type: spec.type,
    name: spec.name,
    fields: spec.fields.map(({ name, label, secret, example, required, pattern }) => ({
      name,
      label,
      secret,
      example,
      required,
      ...(pattern ? { pattern } : {}),
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
