/**
 * Money is an integer count of minor units (cents) in an ISO 4217 currency. Never a float.
 *
 * The bound keeps every sum Glimmer computes (balances, totals over thousands of movements)
 * far inside Number.MAX_SAFE_INTEGER, so plain JS numbers stay exact end to end.
 */
export const MAX_AMOUNT = 1_000_000_000_00; // 1 billion major units of a 2-decimal currency

/** ISO 4217 currencies a brand account may use, with their minor-unit exponent. */
export const CURRENCIES = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  CAD: 2,
  AUD: 2,
  NZD: 2,
  CHF: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  PLN: 2,
  SGD: 2,
  HKD: 2,
  MXN: 2,
  BRL: 2,
  INR: 2,
  ZAR: 2,
  JPY: 0,
  KRW: 0,
} as const;

export type Currency = keyof typeof CURRENCIES;
export const CURRENCY_CODES = Object.keys(CURRENCIES) as Currency[];

export function isCurrency(value: unknown): value is Currency {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CURRENCIES, value);
}

/** Why an amount is not acceptable, or null when it is. */
export function amountProblem(value: unknown): string | null {
  if (typeof value !== 'number') return 'must be an integer number of minor units';
  if (!Number.isInteger(value)) return 'must be a whole number of minor units (no fractions)';
  if (value <= 0) return 'must be greater than 0';
  if (value > MAX_AMOUNT) return `must be at most ${MAX_AMOUNT}`;
  return null;
}

export function isValidAmount(value: unknown): value is number {
  return amountProblem(value) === null;
}

function splitUnits(amount: number, currency: Currency | string) {
  const exponent = isCurrency(currency) ? CURRENCIES[currency] : 2;
  const digits = Math.abs(amount)
    .toString()
    .padStart(exponent + 1, '0');
  return {
    sign: amount < 0 ? '-' : '',
    major: exponent ? digits.slice(0, -exponent) : digits,
    minor: exponent ? `.${digits.slice(-exponent)}` : '',
  };
}

/** Human form for emails and logs: `formatMoney(12345, 'USD')` → `USD 123.45`. */
export function formatMoney(amount: number, currency: Currency | string): string {
  const { sign, major, minor } = splitUnits(amount, currency);
  const grouped = major.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${currency} ${sign}${grouped}${minor}`;
}

/** Exact decimal in major units for spreadsheets: `toMajorUnits(12345, 'USD')` → `123.45`. */
export function toMajorUnits(amount: number, currency: Currency | string): string {
  const { sign, major, minor } = splitUnits(amount, currency);
  return `${sign}${major}${minor}`;
}

/** Sums integer amounts, refusing any result that would lose precision. */
export function sumAmounts(amounts: readonly number[]): number {
  const total = amounts.reduce((acc, a) => acc + a, 0);
  if (!Number.isSafeInteger(total)) throw new RangeError('sum exceeds the safe integer range');
  return total;
}
