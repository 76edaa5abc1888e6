import { checkField, detailErrors } from './field-checks';

const sortCode = {
  name: 'sortCode',
  label: 'Sort code',
  secret: false,
  example: '12-34-56',
  required: true,
  pattern: { regex: '^\\d{6}$', message: 'must be 6 digits' },
};
const bic = {
  name: 'bic',
  label: 'BIC / SWIFT (optional)',
  secret: false,
  example: 'DEUTDEFF',
  required: false,
  pattern: {
    regex: '^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$',
    message: 'must be a BIC of 8 or 11 characters',
  },
};

describe('payout method field checks (mirroring the catalogue metadata)', () => {
  it('asks for required fields and leaves optional ones alone', () => {
    expect(checkField(sortCode, '  ')).toBe('Enter the sort code');
    expect(checkField(bic, '')).toBeNull();
  });

  it('checks the shape on the value without spaces and hyphens, case-insensitively', () => {
    expect(checkField(sortCode, '12-34-56')).toBeNull();
    expect(checkField(sortCode, '12 34 5')).toBe('Sort code must be 6 digits');
    expect(checkField(bic, 'deutdeff')).toBeNull();
    expect(checkField(bic, 'DEUT')).toBe('BIC / SWIFT must be a BIC of 8 or 11 characters');
  });

  it('words the service field errors like its own', () => {
    expect(
      detailErrors({ 'details.sortCode': 'Must be 6 digits', type: 'Not offered' }, [
        sortCode,
        bic,
      ]),
    ).toEqual({ 'details.sortCode': 'Sort code must be 6 digits', type: 'Not offered' });
  });
});
