import { CURRENCIES, Currency, isCurrency, MAX_AMOUNT, toMajorUnits } from './money';

/**
 * Money as people type and read it: decimal text in major units ("2,500.00"), parsed to
 * integer minor units digit by digit — never through a float, so "0.29" is 29 cents and not
 * 28.999… — and shown with Intl in the currency's own form.
 */
export type ParsedMoney = { ok: true; minor: number } | { ok: false; reason: string };

export function minorUnitExponent(currency: Currency | string): number {
  return isCurrency(currency) ? CURRENCIES[currency] : 2;
}

/**
 * `parseMoney('2,500.00', 'USD')` → 250000; `parseMoney('1,500', 'JPY')` → 1500. Accepts
 * thousands separators (`,`, spaces, `'`, `_`) in the whole part and at most as many decimals
 * as the currency has; refuses signs, exponents and anything outside 1 … MAX_AMOUNT minor units.
 */
export function parseMoney(text: string, currency: Currency | string): ParsedMoney {
  const exponent = minorUnitExponent(currency);
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'Enter an amount' };
  if (/^-/.test(trimmed)) return { ok: false, reason: 'The amount must be more than zero' };
  const match = /^(\d{1,3}(?:[,\s'_]\d{3})+|\d+)?(?:\.(\d*))?$/.exec(trimmed);
  if (!match || (match[1] === undefined && !match[2]))
    return { ok: false, reason: 'Enter an amount like 2,500.00' };
  const whole = (match[1] ?? '0').replace(/[,\s'_]/g, '');
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) {
    return {
      ok: false,
      reason:
        exponent === 0
          ? `${currency} has no minor unit: enter a whole amount`
          : `Use at most ${exponent} decimal places`,
    };
  }
  const digits = (whole + fraction.padEnd(exponent, '0')).replace(/^0+(?=\d)/, '');
  // Longer than the bound's digits cannot fit; compare as strings so no digit is lost.
  const max = String(MAX_AMOUNT);
  if (digits.length > max.length || (digits.length === max.length && digits > max))
    return {
      ok: false,
      reason: `The amount must be at most ${formatMoneyText(MAX_AMOUNT, currency)}`,
    };
  const minor = Number(digits);
  if (minor <= 0) return { ok: false, reason: 'The amount must be more than zero' };
  return { ok: true, minor };
}

/**
 * `formatMoneyText(250000, 'USD')` → "$2,500.00"; `formatMoneyText(1500, 'JPY')` → "¥1,500".
 * Intl formats the exact decimal string, so no float rounding happens on the way.
 */
export function formatMoneyText(
  minor: number,
  currency: Currency | string,
  locale = 'en-US',
): string {
  const exponent = minorUnitExponent(currency);
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  // Intl accepts a decimal string (ES2023) and formats it exactly.
  return format.format(toMajorUnits(minor, currency) as unknown as number);
}

/** The amount as decimal text to prefill an input: 250000 USD → "2,500.00". */
export function minorToInputText(minor: number, currency: Currency | string): string {
  const exponent = minorUnitExponent(currency);
  const [whole, fraction] = toMajorUnits(minor, currency).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return exponent ? `${grouped}.${fraction}` : grouped;
}
