import { eventContract, rpcContract } from './contract';
import { MESSAGE_REGISTRY } from './registry';

describe('message registry', () => {
  it('holds every contract once, each with a versioned pattern', () => {
    const patterns = MESSAGE_REGISTRY.map((c) => c.pattern);
    expect(patterns.length).toBeGreaterThan(10);
    expect(new Set(patterns).size).toBe(patterns.length);
    for (const pattern of patterns) expect(pattern).toMatch(/\.v\d+$/);
  });

  it('rejects an unversioned or malformed pattern at definition time', () => {
    class P {}
    expect(() => rpcContract('credit', 'credit.deposit.create', P)).toThrow(/\.vN/);
    expect(() => eventContract('credit', 'Credit.Deposit.v1', P)).toThrow(/lower-case/);
  });
});
