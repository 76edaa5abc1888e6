import { randomUUID } from 'node:crypto';
import { jobIds, JobName, QUEUE_OF } from './job-types';
import { QUEUE_NAMES } from './queue-names';

describe('job types', () => {
  it('routes every job to a known queue', () => {
    for (const name of Object.values(JobName)) expect(QUEUE_NAMES).toContain(QUEUE_OF[name]);
  });

  it('makes deterministic ids BullMQ accepts (no single ":")', () => {
    const id = randomUUID();
    expect(jobIds.clearDeposit(id)).toBe(`clear-deposit.${id}`);
    expect(jobIds.clearDeposit(id)).toBe(jobIds.clearDeposit(id));
    expect(jobIds.sandboxConfirm(id)).not.toBe(jobIds.clearDeposit(id));
    expect(jobIds.email('a:b')).toMatch(/^email\.[0-9a-f]{64}$/);
    expect(jobIds.payoutDispatch(id, 2)).toBe(`payout-dispatch.${id}.2`);
    expect(jobIds.payoutDispatch(id, 2)).not.toBe(jobIds.payoutDispatch(id, 3));
    expect(jobIds.payoutDispatch('x:y', 1)).not.toContain(':');
  });
});
