import { IsInt } from 'class-validator';
import { VerifyLedgerRequest } from '@glimmer/contracts/credit/ledger.messages';
import { DomainError } from '@glimmer/errors/domain-error';
import { validatePayload } from './payload-validation';

class Sum {
  @IsInt() a: number;
}

describe('validatePayload', () => {
  it('returns an instance of the contract class for a valid payload', async () => {
    const sum = await validatePayload(Sum, { a: 1 });
    expect(sum).toBeInstanceOf(Sum);
    expect(sum.a).toBe(1);
  });

  it('refuses unknown fields and wrong types, naming them', async () => {
    const err = (await validatePayload(Sum, { a: '1', b: 2 }).catch(
      (e: unknown) => e,
    )) as DomainError;
    expect(err.code).toBe('validation_failed');
    expect(err.extra.errors?.map((f) => f.field).sort()).toEqual(['a', 'b']);
  });

  it('accepts nothing or {} for a request without fields, and refuses anything else', async () => {
    await expect(validatePayload(VerifyLedgerRequest, {})).resolves.toBeInstanceOf(
      VerifyLedgerRequest,
    );
    await expect(validatePayload(VerifyLedgerRequest, undefined)).resolves.toBeInstanceOf(
      VerifyLedgerRequest,
    );
    const err = (await validatePayload(VerifyLedgerRequest, { all: true }).catch(
      (e: unknown) => e,
    )) as DomainError;
    expect(err.code).toBe('validation_failed');
    expect(err.extra.errors).toEqual([
      { field: 'all', messages: ['property all should not exist'] },
    ]);
    await expect(validatePayload(VerifyLedgerRequest, 'x')).rejects.toThrow('takes no fields');
  });
});
