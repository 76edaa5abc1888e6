import {
  checkDetails,
  maskSecret,
  methodFor,
  methodsFor,
  toAvailable,
} from './payout-method-catalogue';
import { isIBAN } from 'class-validator';
import { ibanCheck, isAbaRoutingNumber, SEPA_COUNTRIES } from './bank-validators';

const types = (country: string) => methodsFor(country).map((m) => m.type);
const fieldsAtFault = (result: ReturnType<typeof checkDetails>) =>
  result.ok ? [] : result.errors.map((e) => e.field);

describe('payout method catalogue', () => {
  it('offers Payoneer everywhere, PayPal and local bank transfer where supported', () => {
    expect(types('GB')).toEqual(['payoneer', 'local_bank_transfer', 'paypal']);
    expect(types('US')).toEqual(['payoneer', 'local_bank_transfer', 'paypal']);
    expect(types('DE')).toEqual(['payoneer', 'local_bank_transfer', 'paypal']);
    expect(types('IN')).toEqual(['payoneer', 'local_bank_transfer']);
    expect(types('NG')).toEqual(['payoneer']);
    expect(methodFor('NG', 'local_bank_transfer')).toBeNull();
  });

  it('lists per-country bank fields, secret ones marked, without internal checks', () => {
    const fields = (country: string) =>
      toAvailable(methodFor(country, 'local_bank_transfer')!).fields;
    expect(fields('GB').map((f) => [f.name, f.secret])).toEqual([
      ['accountHolder', false],
      ['sortCode', false],
      ['accountNumber', true],
    ]);
    expect(fields('US').map((f) => f.name)).toEqual([
      'accountHolder',
      'routingNumber',
      'accountNumber',
      'accountType',
    ]);
    expect(fields('FR').map((f) => [f.name, f.secret])).toEqual([
      ['accountHolder', false],
      ['iban', true],
      ['bic', false],
    ]);
    expect(Object.keys(fields('FR')[0]).sort()).toEqual([
      'example',
      'label',
      'name',
      'required',
      'secret',
    ]);
    expect(fields('FR')[2]).toMatchObject({ name: 'bic', required: false });
  });

  it('gives forms shapes that agree with the checks (a shape never refuses what the service takes)', () => {
    const shapeAccepts = (regex: string, value: string) =>
      new RegExp(regex, 'i').test(value.replace(/[\s-]/g, ''));
    const samples: [string, string, string[]][] = [
      ['GB', 'sortCode', ['12-34-56', '123456', '12345', '1234567', '12a456']],
      ['GB', 'accountNumber', ['1234 5678', '1234567', 'abcdefgh']],
      ['US', 'routingNumber', ['021000021', '02100002', '021000022']],
      ['US', 'accountType', ['Checking', 'savings', 'current']],
      [
        'DE',
        'iban',
        ['DE89 3704 0044 0532 0130 00', 'DE8937040044053201300', 'FR7630006000011234567890189'],
      ],
      ['DE', 'bic', ['DEUTDEFF', 'DEUTDEFF500', 'DEUT']],
      ['IN', 'ifsc', ['HDFC0001234', 'HDFC1001234']],
    ];
    for (const [country, name, values] of samples) {
      const spec = methodFor(country, 'local_bank_transfer')!.fields.find((f) => f.name === name)!;
      for (const value of values) {
        // The service may refuse more (check digits); it never accepts what the shape refuses.
        if (spec.check(value).ok)
          expect([name, value, shapeAccepts(spec.pattern!.regex, value)]).toEqual([
            name,
            value,
            true,
          ]);
        else if (shapeAccepts(spec.pattern!.regex, value))
          expect(['routingNumber', 'iban']).toContain(name);
      }
    }
    const payoneer = methodFor('GB', 'payoneer')!.fields[0];
    expect(shapeAccepts(payoneer.pattern!.regex, 'ada@example.com')).toBe(true);
    expect(shapeAccepts(payoneer.pattern!.regex, 'ada@example')).toBe(false);
  });
});

describe('checkDetails', () => {
  const gb = methodFor('GB', 'local_bank_transfer')!;
  const us = methodFor('US', 'local_bank_transfer')!;
  const de = methodFor('DE', 'local_bank_transfer')!;
  const inBank = methodFor('IN', 'local_bank_transfer')!;

  it('normalises valid GB details and splits secret from plain', () => {
    const result = checkDetails(gb, {
      accountHolder: ' Ada  Lovelace ',
      sortCode: '12-34-56',
      accountNumber: '1234 5678',
    });
    expect(result).toEqual({
      ok: true,
      plain: { accountHolder: 'Ada Lovelace', sortCode: '123456' },
      secret: { accountNumber: '12345678' },
    });
  });

  it('names every field at fault: unknown, missing and invalid', () => {
    const result = checkDetails(gb, { sortCode: '12345', accountNumber: '1234567', iban: 'x' });
    expect(fieldsAtFault(result).sort()).toEqual([
      'details.accountHolder',
      'details.accountNumber',
      'details.iban',
      'details.sortCode',
    ]);
  });

  it('checks US routing numbers with the ABA checksum and account types', () => {
    const base = { accountHolder: 'Ada', accountNumber: '000123456789', accountType: 'checking' };
    expect(checkDetails(us, { ...base, routingNumber: '021000021' }).ok).toBe(true);
    expect(fieldsAtFault(checkDetails(us, { ...base, routingNumber: '021000022' }))).toEqual([
      'details.routingNumber',
    ]);
    expect(
      fieldsAtFault(
        checkDetails(us, { ...base, routingNumber: '021000021', accountType: 'brokerage' }),
      ),
    ).toEqual(['details.accountType']);
    expect(
      fieldsAtFault(
        checkDetails(us, { ...base, routingNumber: '021000021', accountNumber: '123' }),
      ),
    ).toEqual(['details.accountNumber']);
  });

  it('checks IBANs: country prefix, length and mod 97; the BIC is optional', () => {
    const iban = 'DE89 3704 0044 0532 0130 00';
    expect(checkDetails(de, { accountHolder: 'Ada', iban })).toMatchObject({
      ok: true,
      secret: { iban: 'DE89370400440532013000' },
    });
    expect(
      fieldsAtFault(checkDetails(de, { accountHolder: 'Ada', iban: 'DE89370400440532013001' })),
    ).toEqual(['details.iban']);
    const french = 'FR1420041010050500013M02606';
    expect(fieldsAtFault(checkDetails(de, { accountHolder: 'Ada', iban: french }))).toEqual([
      'details.iban',
    ]);
    expect(
      checkDetails(methodFor('FR', 'local_bank_transfer')!, { accountHolder: 'Ada', iban: french })
        .ok,
    ).toBe(true);
    expect(checkDetails(de, { accountHolder: 'Ada', iban, bic: 'deutdeff' })).toMatchObject({
      ok: true,
      plain: { bic: 'DEUTDEFF' },
    });
    expect(checkDetails(de, { accountHolder: 'Ada', iban, bic: 'DEUTDEFF500' }).ok).toBe(true);
    expect(fieldsAtFault(checkDetails(de, { accountHolder: 'Ada', iban, bic: 'DEUTDE' }))).toEqual([
      'details.bic',
    ]);
  });

  it('checks Indian IFSC codes and account numbers', () => {
    const ok = { accountHolder: 'Ada', ifsc: 'HDFC0001234', accountNumber: '50100012345678' };
    expect(checkDetails(inBank, ok).ok).toBe(true);
    expect(fieldsAtFault(checkDetails(inBank, { ...ok, ifsc: 'HDFC1001234' }))).toEqual([
      'details.ifsc',
    ]);
  });

  it('checks emails and refuses values that are not strings', () => {
    const payoneer = methodFor('GB', 'payoneer')!;
    expect(checkDetails(payoneer, { email: 'ada@example.com' }).ok).toBe(true);
    expect(fieldsAtFault(checkDetails(payoneer, { email: 'ada' }))).toEqual(['details.email']);
    expect(fieldsAtFault(checkDetails(payoneer, { email: 42 }))).toEqual(['details.email']);
  });
});

describe('validators', () => {
  it('ABA checksum', () => {
    for (const good of ['021000021', '011000015', '121000358'])
      expect(isAbaRoutingNumber(good)).toBe(true);
    for (const bad of ['123456789', '02100002', 'abcdefghi'])
      expect(isAbaRoutingNumber(bad)).toBe(false);
  });

  it('IBAN mod 97 (isIBAN from validator)', () => {
    expect(isIBAN('GB82WEST12345698765432')).toBe(true);
    expect(isIBAN('NL91ABNA0417164300')).toBe(true);
    expect(isIBAN('NL91ABNA0417164301')).toBe(false);
  });

  it('refuses an IBAN of the right country and length whose check digits are wrong', () => {
    const valid: Record<string, string> = {
      DE: 'DE89370400440532013000',
      FR: 'FR1420041010050500013M02606',
      NL: 'NL91ABNA0417164300',
      BE: 'BE68539007547034',
      ES: 'ES9121000418450200051332',
    };
    for (const [country, iban] of Object.entries(valid)) {
      expect(SEPA_COUNTRIES.has(country)).toBe(true);
      expect(ibanCheck(country)(iban)).toEqual({ ok: true, value: iban });
      // The same characters with the check digits changed: format and length still right.
      const wrongCheck = `${iban.slice(0, 2)}${iban[2] === '9' ? '0' : '9'}${iban.slice(3)}`;
      expect(wrongCheck).toHaveLength(iban.length);
      expect(ibanCheck(country)(wrongCheck)).toEqual({
        ok: false,
        message: `is not a valid IBAN for ${country}: check its length and check digits`,
      });
    }
  });

  it('refuses an IBAN of the wrong length for its country (the formats of validator)', () => {
    expect(ibanCheck('DE')('DE8937040044053201300').ok).toBe(false);
    expect(ibanCheck('NL')('NL91ABNA04171643001').ok).toBe(false);
  });
});

describe('maskSecret', () => {
  it('shows at most the last four characters', () => {
    expect(maskSecret('12345678')).toBe('••••5678');
    expect(maskSecret('DE89370400440532013000')).toBe('••••3000');
    expect(maskSecret('123456')).toBe('••••');
  });
});
