import { assertBalanced, inLockOrder, move } from './ledger-legs';

describe('ledger legs', () => {
  it('moves an amount as a debit and a credit that sum to zero', () => {
    expect(move('a', 'b', 150)).toEqual([
      { accountId: 'a', amount: -150 },
      { accountId: 'b', amount: 150 },
    ]);
    expect(() => assertBalanced(move('a', 'b', 150))).not.toThrow();
  });

  it.each([
    ['one leg', [{ accountId: 'a', amount: 0 }]],
    ['no legs', []],
    [
      'a non-zero sum',
      [
        { accountId: 'a', amount: -10 },
        { accountId: 'b', amount: 9 },
      ],
    ],
    [
      'a zero leg',
      [
        { accountId: 'a', amount: 0 },
        { accountId: 'b', amount: 0 },
      ],
    ],
    [
      'a fraction',
      [
        { accountId: 'a', amount: -0.5 },
        { accountId: 'b', amount: 0.5 },
      ],
    ],
    [
      'an account twice',
      [
        { accountId: 'a', amount: -1 },
        { accountId: 'a', amount: 1 },
      ],
    ],
    [
      'an unsafe integer',
      [
        { accountId: 'a', amount: -(2 ** 60) },
        { accountId: 'b', amount: 2 ** 60 },
      ],
    ],
  ])('refuses %s', (_name, legs) => {
    expect(() => assertBalanced(legs)).toThrow();
  });

  it('accepts three legs that balance', () => {
    expect(() =>
      assertBalanced([
        { accountId: 'a', amount: -10 },
        { accountId: 'b', amount: 4 },
        { accountId: 'c', amount: 6 },
      ]),
    ).not.toThrow();
  });

  it('orders legs by account id whatever the direction, so opposite movements lock alike', () => {
    const low = '0b7e8a52-0000-4000-8000-000000000000';
    const high = 'f3c1d7e9-0000-4000-8000-000000000000';
    expect(inLockOrder(move(high, low, 5)).map((l) => l.accountId)).toEqual([low, high]);
    expect(inLockOrder(move(low, high, 5)).map((l) => l.accountId)).toEqual([low, high]);
  });
});
