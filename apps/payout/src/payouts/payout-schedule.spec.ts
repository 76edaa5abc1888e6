import {
  backoffMs,
  dueByOf,
  firstDispatchAt,
  mayRetry,
  retryAt,
  retryWindowMs,
  utcDate,
} from './payout-schedule';

const DAY = 86_400_000;
const MIN = 60_000;
const rules = { maxDays: 14, dispatchDelayMs: 3 * DAY, maxAttempts: 5, retryBaseMs: 15 * MIN };
const paidAt = new Date('2027-03-01T22:30:00.000Z');

describe('payout schedule', () => {
  it('is due within the promise, first dispatched after the hold', () => {
    expect(dueByOf(paidAt, rules).toISOString()).toBe('2027-03-15T22:30:00.000Z');
    const first = firstDispatchAt(paidAt, paidAt, rules);
    expect(first.toISOString()).toBe('2027-03-04T22:30:00.000Z');
    expect(utcDate(first)).toBe('2027-03-04');
  });

  it('dispatches at once when the hold is over (a method added late)', () => {
    const late = new Date('2027-03-10T09:00:00.000Z');
    expect(firstDispatchAt(paidAt, late, rules)).toEqual(late);
  });

  it('backs off exponentially and sums the retry window', () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(a, rules) / MIN)).toEqual([15, 30, 60, 120]);
    expect(retryWindowMs(5, 15 * MIN) / MIN).toBe(225);
    expect(retryWindowMs(1, 15 * MIN)).toBe(0);
    expect(mayRetry(4, rules)).toBe(true);
    expect(mayRetry(5, rules)).toBe(false);
  });

  it('never schedules a retry past the due date; past it, retries go at once', () => {
    const now = new Date('2027-03-05T00:00:00.000Z');
    const dueBy = dueByOf(paidAt, rules);
    expect(retryAt(2, now, dueBy, rules).getTime()).toBe(now.getTime() + 30 * MIN);
    const nearDue = new Date(dueBy.getTime() - 10 * MIN);
    expect(retryAt(3, nearDue, dueBy, rules)).toEqual(dueBy);
    const pastDue = new Date(dueBy.getTime() + DAY);
    expect(retryAt(1, pastDue, dueBy, rules)).toEqual(pastDue);
  });
});
