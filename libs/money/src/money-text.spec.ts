import { MAX_AMOUNT } from './money';
import { formatMoneyText, minorToInputText, parseMoney } from './money-text';

const minor = (text: string, currency = 'USD') => {
  const parsed = parseMoney(text, currency);
  if (!parsed.ok) throw new Error(`"${text}" was refused: ${parsed.reason}`);
  return parsed.minor;
};
const reason = (text: string, currency = 'USD') => {
  const parsed = parseMoney(text, currency);
  if (parsed.ok) throw new Error(`"${text}" was accepted as ${parsed.minor}`);
  return parsed.reason;
};

describe('parseMoney: decimal text to exact minor units', () => {
  it('reads grouped and plain amounts in a two-decimal currency', () => {
    expect(minor('2,500.00')).toBe(250_000);
    expect(minor('2500')).toBe(250_000);
    expect(minor('2500.5')).toBe(250_050);
    expect(minor(' 1 234.56 ')).toBe(123_456);
    expect(minor('.75')).toBe(75);
    expect(minor('12.')).toBe(1_200);
  });

  it('never goes through a float: 0.29 and 1.005-style values stay exact', () => {
    expect(minor('0.29')).toBe(29); // 0.29 * 100 = 28.999999999999996 as a float
    expect(minor('4.35')).toBe(435); // 434.99999999999994 as a float
    expect(minor('1,000,000.07')).toBe(100_000_007);
  });

  it('reads currencies with no minor unit (JPY) as whole amounts only', () => {
    expect(minor('1,500', 'JPY')).toBe(1_500);
    expect(minor('1500', 'JPY')).toBe(1_500);
    expect(reason('1500.5', 'JPY')).toMatch(/no minor unit/);
    expect(reason('1500.00', 'JPY')).toMatch(/no minor unit/);
  });

  it('accepts the API bound exactly and refuses one minor unit more', () => {
    expect(minor('1,000,000,000.00')).toBe(MAX_AMOUNT);
    expect(minor('0.01')).toBe(1);
    expect(reason('1,000,000,000.01')).toMatch(/at most \$1,000,000,000\.00/);
    expect(reason('99999999999999999999999')).toMatch(/at most/);
    expect(minor(String(MAX_AMOUNT), 'JPY')).toBe(MAX_AMOUNT);
    expect(reason(String(MAX_AMOUNT + 1), 'JPY')).toMatch(/at most/);
  });

  it('refuses what is not a positive amount, with a reason a person understands', () => {
    expect(reason('')).toBe('Enter an amount');
    expect(reason('0')).toMatch(/more than zero/);
    expect(reason('0.00')).toMatch(/more than zero/);
    expect(reason('-5')).toMatch(/more than zero/);
    expect(reason('1.234')).toMatch(/at most 2 decimal places/);
    expect(reason('12,34.00')).toMatch(/like 2,500\.00/);
    expect(reason('1e5')).toMatch(/like/);
    expect(reason('abc')).toMatch(/like/);
    expect(reason('.')).toMatch(/like/);
  });
});

describe('formatMoneyText: minor units shown with Intl', () => {
  it('shows the currency symbol, grouping and the right number of decimals', () => {
    expect(formatMoneyText(250_000, 'USD')).toBe('$2,500.00');
    expect(formatMoneyText(7, 'EUR')).toBe('€0.07');
    expect(formatMoneyText(1_500, 'JPY')).toBe('¥1,500');
    expect(formatMoneyText(MAX_AMOUNT, 'USD')).toBe('$1,000,000,000.00');
    expect(formatMoneyText(MAX_AMOUNT, 'JPY')).toBe('¥100,000,000,000');
  });

  it('prefills inputs with text that parses back to the same amount', () => {
    for (const [amount, currency] of [
      [250_000, 'USD'],
      [1, 'GBP'],
      [1_500, 'JPY'],
      [MAX_AMOUNT, 'USD'],
    ] as const) {
      expect(minor(minorToInputText(amount, currency), currency)).toBe(amount);
    }
    expect(minorToInputText(250_000, 'USD')).toBe('2,500.00');
  });
});
