import { checkApplyCredit, creditChoices, type CreditChoice } from './apply-credit-form';

const MKT: CreditChoice = { costCodeId: 'mkt', code: 'MKT', available: 200_000, attached: true };
const LOW: CreditChoice = { costCodeId: 'low', code: 'LOW', available: 10_000, attached: true };
const TRAVEL: CreditChoice = {
  costCodeId: 'travel',
  code: 'TRAVEL',
  available: 30_000,
  attached: false,
};
const context = { amountDue: 150_000, currency: 'USD', choices: [MKT, LOW, TRAVEL] };

describe('Apply Credit form', () => {
  it('pays the whole amount due without naming an amount', () => {
    expect(checkApplyCredit({ costCodeId: 'mkt', payment: 'full', amount: '' }, context)).toEqual({
      ok: true,
      costCodeId: 'mkt',
      amount: undefined,
      attach: false,
    });
  });

  it('pays a partial amount in exact minor units', () => {
    expect(
      checkApplyCredit({ costCodeId: 'mkt', payment: 'partial', amount: '500.10' }, context),
    ).toEqual({ ok: true, costCodeId: 'mkt', amount: 50_010, attach: false });
  });

  it('attaches a code that is not attached to the project yet', () => {
    expect(
      checkApplyCredit({ costCodeId: 'travel', payment: 'partial', amount: '300' }, context),
    ).toMatchObject({ ok: true, attach: true, amount: 30_000 });
  });

  it.each([
    [{ costCodeId: '', payment: 'full' as const, amount: '' }, 'costCodeId', /Choose/],
    [{ costCodeId: 'low', payment: 'full' as const, amount: '' }, 'costCodeId', /only \$100\.00/],
    [{ costCodeId: 'mkt', payment: 'partial' as const, amount: '' }, 'amount', /Enter an amount/],
    [{ costCodeId: 'mkt', payment: 'partial' as const, amount: '1.234' }, 'amount', /decimal/],
    [{ costCodeId: 'mkt', payment: 'partial' as const, amount: '1,500.01' }, 'amount', /due/],
    [{ costCodeId: 'low', payment: 'partial' as const, amount: '100.01' }, 'amount', /only/],
  ])('refuses %o on %s', (values, field, message) => {
    const result = checkApplyCredit(values, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field as 'amount']).toMatch(message);
  });

  it('offers the attached codes, then the brand’s others that have credit', () => {
    expect(
      creditChoices(
        [{ costCodeId: 'mkt', code: 'MKT', available: 0 }],
        [
          { id: 'mkt', code: 'MKT', available: 0 },
          { id: 'travel', code: 'TRAVEL', available: 30_000 },
          { id: 'empty', code: 'EMPTY', available: 0 },
        ],
      ).map((c) => [c.code, c.attached]),
    ).toEqual([
      ['MKT', true],
      ['TRAVEL', false],
    ]);
  });
});
