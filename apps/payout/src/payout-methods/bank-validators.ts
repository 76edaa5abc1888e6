import { isEmail } from 'class-validator';

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

/** IBAN length by country, for the countries Glimmer pays by SEPA transfer. */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AT: 20,
  BE: 16,
  DE: 22,
  ES: 24,
  FI: 18,
  FR: 27,
  IE: 22,
  IT: 27,
  LU: 20,
  NL: 18,
  PT: 25,
};

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function ibanChecksumValid(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const n = ch >= 'A' && ch <= 'Z' ? ch.charCodeAt(0) - 55 : Number(ch);
    remainder = Number(`${remainder}${n}`) % 97;
  }
  return remainder === 1;
}

/** An IBAN of `country` (the creator's country of residence): prefix, length and mod 97. */
export function ibanCheck(country: string): FieldCheck {
  return (raw) => {
    const value = raw.replace(/\s/g, '').toUpperCase();
    if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(value)) return bad('is not an IBAN');
    if (value.slice(0, 2) !== country)
      return bad(`must be an IBAN from ${country} (starts with ${country})`);
    const length = IBAN_LENGTHS[country];
    if (length && value.length !== length)
      return bad(`must be ${length} characters for ${country}`);
    return ibanChecksumValid(value) ? ok(value) : bad('has a wrong check digit');
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
