import { DomainError } from '@glimmer/errors/domain-error';
import { depositRequestHash } from './deposits/deposit-request';
import { transferRequestHash } from './transfers/transfer-request';
import {
  assertSameRequest,
  canonicalJson,
  requestHash,
} from '@glimmer/database/idempotent-command';

const ID = '3f1c6a2e-8a4d-4c1b-9a51-6f0d2b7e9c10';
const OTHER = '9a0e4d5b-1c2f-4e3a-8b7c-0d1e2f3a4b5c';

describe('request hashing for idempotency keys', () => {
  it('ignores key order and undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: 'x' }, z: undefined })).toBe(
      '{"a":{"c":"x","d":[1,2]},"b":1}',
    );
    expect(requestHash({ a: 1, b: 2 })).toBe(requestHash({ b: 2, a: 1 }));
    expect(requestHash({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('binds a deposit key to its amount and destination', () => {
    const base = depositRequestHash({ amount: 100, costCodeId: ID });
    expect(depositRequestHash({ amount: 100, costCodeId: ID })).toBe(base);
    expect(depositRequestHash({ amount: 101, costCodeId: ID })).not.toBe(base);
    expect(depositRequestHash({ amount: 100, costCodeId: OTHER })).not.toBe(base);
    const fly = depositRequestHash({ amount: 100, costCode: { code: 'A', name: 'a' } });
    expect(fly).not.toBe(base);
    expect(depositRequestHash({ amount: 100, costCode: { code: 'A', name: 'b' } })).not.toBe(fly);
  });

  it('binds a transfer key to amount, origin and destination', () => {
    const base = transferRequestHash({ amount: 5, fromCostCodeId: ID, toCostCodeId: OTHER });
    expect(transferRequestHash({ amount: 5, fromCostCodeId: OTHER, toCostCodeId: ID })).not.toBe(
      base,
    );
    expect(
      transferRequestHash({ amount: 5, fromCostCodeId: ID, toCostCode: { code: 'N', name: 'n' } }),
    ).not.toBe(base);
  });

  it('needs exactly one destination, naming the fields at fault', () => {
    const neither = () => depositRequestHash({ amount: 1 });
    expect(neither).toThrow(DomainError);
    try {
      transferRequestHash({
        amount: 1,
        fromCostCodeId: ID,
        toCostCodeId: OTHER,
        toCostCode: { code: 'N', name: 'n' },
      });
    } catch (err) {
      expect((err as DomainError).code).toBe('validation_failed');
      expect((err as DomainError).extra.errors?.map((e) => e.field)).toEqual([
        'toCostCodeId',
        'toCostCode',
      ]);
    }
    expect.assertions(3);
  });

  it('refuses a different request under a used key with 422', () => {
    expect(() => assertSameRequest('a', 'a')).not.toThrow();
    expect(() => assertSameRequest('a', 'b')).toThrow(
      expect.objectContaining({ code: 'idempotency_key_reused', status: 422 }),
    );
  });
});
