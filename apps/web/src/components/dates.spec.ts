import { formatDay, formatInstant, MISSING, timeAgo, todayIso } from './dates';

describe('dates', () => {
  it('shows a calendar day as that day, whatever the time zone', () => {
    expect(formatDay('2026-12-01')).toBe('Dec 1, 2026');
    expect(formatDay('2026-12-01T23:30:00Z')).toBe('Dec 1, 2026');
  });

  it('shows an instant to the day, minute or second', () => {
    const at = new Date(2026, 11, 1, 15, 4, 5).toISOString();
    expect(formatInstant(at)).toBe('Dec 1, 2026');
    expect(formatInstant(at, 'minute')).toMatch(/^Dec 1, 2026, 3:04\sPM$/);
    expect(formatInstant(at, 'second')).toMatch(/^Dec 1, 2026, 3:04:05\sPM$/);
  });

  it('reads a missing value as a dash and keeps a value that is not a date', () => {
    expect(formatDay(null)).toBe(MISSING);
    expect(formatInstant(undefined)).toBe(MISSING);
    expect(formatInstant('')).toBe(MISSING);
    expect(formatInstant('soon')).toBe('soon');
  });

  it('writes today as the API does', () => {
    expect(todayIso(new Date(2027, 3, 5))).toBe('2027-04-05');
  });

  it('says how long ago', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    expect(timeAgo('2026-12-01T11:57:00Z', now)).toBe('3 minutes ago');
    expect(timeAgo('2026-12-01T10:00:00Z', now)).toBe('2 hours ago');
    expect(timeAgo('2026-11-30T12:00:00Z', now)).toBe('yesterday');
    expect(timeAgo(null, now)).toBe('');
  });
});
