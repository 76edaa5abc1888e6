import {
  amountProblem,
  formatMoney,
  isValidAmount,
  MAX_AMOUNT,
  sumAmounts,
  toMajorUnits,
} from './money';

describe('money', () => {
  it.each([
    [100, null],
    [1, null],
    [MAX_AMOUNT, null],
    [0, 'must be greater than 0'],
    [-5, 'must be greater than 0'],
    [10.5, 'must be a whole number of minor units (no fractions)'],
    ['100', 'must be an integer number of minor units'],
    [MAX_AMOUNT + 1, `must be at most ${MAX_AMOUNT}`],
    [Number.NaN, 'must be a whole number of minor units (no fractions)'],
    [null, 'must be an integer number of minor units'],
  ])('amountProblem(%p) is %p', (value, problem) => {
    expect(amountProblem(value)).toBe(problem);
    expect(isValidAmount(value)).toBe(problem === null);
  });

  it('formats by the currency exponent', () => {
    expect(formatMoney(123456, 'USD')).toBe('USD 1,234.56');
    expect(formatMoney(5, 'EUR')).toBe('EUR 0.05');
    expect(formatMoney(1500, 'JPY')).toBe('JPY 1,500');
    expect(formatMoney(-250, 'GBP')).toBe('GBP -2.50');
  });

  it('writes exact major units without grouping, for spreadsheets', () => {
    expect(toMajorUnits(123456, 'USD')).toBe('1234.56');
    expect(toMajorUnits(7, 'EUR')).toBe('0.07');
    expect(toMajorUnits(1500, 'JPY')).toBe('1500');
    expect(toMajorUnits(-250, 'GBP')).toBe('-2.50');
  });

  it('refuses sums beyond the safe integer range', () => {
    expect(sumAmounts([1, 2, 3])).toBe(6);
    expect(() => sumAmounts([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});
