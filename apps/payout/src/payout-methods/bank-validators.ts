import { isEmail, isIBAN } from 'class-validator';

/**
 * Checks for the values payout methods carry. Each normalises its input (spaces, case) and
 * returns either the stored form or the message to show for the field.
 */
export type FieldCheck = (
  raw: string,
) => { ok: true; value: string } | { ok: false; message: string };

const ok = (value: string) => ({ ok: true as const, value });
const bad = (message: string) => ({ ok: false as const, message });

/** Spaces and hyphens are how people write these numbers; they are not part of them. */
const compact = (raw: string) => raw.replace(/[\s-]/g, '');

export const emailCheck: FieldCheck = (raw) => {
  const value = raw.trim();
  return isEmail(value) ? ok(value) : bad('must be an email address');
};

export function textCheck(min: number, max: number): FieldCheck {
  return (raw) => {
    const value = raw.trim().replace(/\s+/g, ' ');
    return value.length >= min && value.length <= max
      ? ok(value)
      : bad(`must be ${min} to ${max} characters`);
  };
}

export function digitsCheck(min: number, max: number = min): FieldCheck {
  return (raw) => {
    const value = compact(raw);
    if (/^\d+$/.test(value) && value.length >= min && value.length <= max) return ok(value);
    return bad(min === max ? `must be ${min} digits` : `must be ${min} to ${max} digits`);
  };
}

export function oneOfCheck(values: readonly string[]): FieldCheck {
  return (raw) => {
    const value = raw.trim().toLowerCase();
    return values.includes(value) ? ok(value) : bad(`must be one of ${values.join(', ')}`);
  };
}

/** ABA routing number: 9 digits whose weighted sum (3, 7, 1 repeating) is a multiple of 10. */
export function isAbaRoutingNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const d = [...value].map(Number);
  const sum = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8]);
  return sum % 10 === 0;
}

export const abaRoutingCheck: FieldCheck = (raw) => {
  const value = compact(raw);
  if (!/^\d{9}$/.test(value)) return bad('must be 9 digits');
  return isAbaRoutingNumber(value) ? ok(value) : bad('is not a valid ABA routing number');
};

/** Countries where Glimmer pays by SEPA transfer to an IBAN (the local bank transfer there). */
export const SEPA_COUNTRIES: ReadonlySet<string> = new Set([
  'AT', 'BE', 'DE', 'ES', 'FI', 'FR', 'IE', 'IT', 'LU', 'NL', 'PT',
]); // prettier-ignore

/**
 * An IBAN of `country` (the creator's country of residence): its prefix here, then validator's
 * isIBAN (via class-validator), which checks the country's format (length included) and mod 97.
 */
export function ibanCheck(country: string): FieldCheck {
  return (raw) => {
    const value = raw.replace(/\s/g, '').toUpperCase();
    if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(value)) return bad('is not an IBAN');
    if (value.slice(0, 2) !== country)
      return bad(`must be an IBAN from ${country} (starts with ${country})`);
    return isIBAN(value)
      ? ok(value)
      : bad(`is not a valid IBAN for ${country}: check its length and check digits`);
  };
}

/** BIC/SWIFT: bank (4 letters), country (2), location (2), optional branch (3). */
export const bicCheck: FieldCheck = (raw) => {
  const value = raw.replace(/\s/g, '').toUpperCase();
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(value)
    ? ok(value)
    : bad('must be a BIC of 8 or 11 characters');
};

/** Indian Financial System Code: 4 letters (bank), a zero, 6 letters or digits (branch). */
export const ifscCheck: FieldCheck = (raw) => {
  const value = raw.replace(/\s/g, '').toUpperCase();
  return /^[A-Z]{4}0[A-Z0-9]{6}$/.test(value) ? ok(value) : bad('must be an 11-character IFSC');
};
