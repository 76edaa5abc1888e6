import { isEmail } from './field-rules';

describe('isEmail', () => {
  it('takes an address and refuses what is not one', () => {
    expect(isEmail('ana@brand.example')).toBe(true);
    expect(isEmail('ana@brand')).toBe(false);
    expect(isEmail('ana brand@x.io')).toBe(false);
    expect(isEmail('')).toBe(false);
  });
});
