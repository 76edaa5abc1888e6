/**
 * Every date the web app shows, written one way ("Dec 1, 2026", "Dec 1, 2026, 3:04 PM").
 *
 * Two kinds of value come from the API:
 * - a calendar day ("2026-12-15", e.g. a due date or an expected payment date): a day, not an
 *   instant, so it is shown as that day in UTC and no time zone moves it to the day before;
 * - an instant (ISO date-time, e.g. when something was paid): shown in the reader's time zone,
 *   as the day only, or with the time to the minute or (for ops, who match it against logs) the
 *   second.
 *
 * A missing value (null / undefined / '') reads as '—', so a table cell or detail row never shows
 * "Invalid Date".
 */
export type Precision = 'day' | 'minute' | 'second';

export const MISSING = '—';

const DAY = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
const INSTANT: Record<Precision, Intl.DateTimeFormat> = {
  day: new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }),
  minute: new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }),
  second: new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'medium' }),
};

type Maybe = string | null | undefined;

/** A calendar day from the API ("2027-04-30"), shown as that same day everywhere ("Apr 30, 2027"). */
export function formatDay(date: Maybe): string {
  if (!date) return MISSING;
  return DAY.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}

/** An instant from the API, in the reader's time zone; a value that is not a date is shown as sent. */
export function formatInstant(at: Maybe, precision: Precision = 'day'): string {
  if (!at) return MISSING;
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : INSTANT[precision].format(date);
}

/** Today in the reader's time zone, as the API writes dates ("2027-04-30"). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const RELATIVE = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
];

/** "3 minutes ago", "2 hours ago", "yesterday"; '' when there is no instant. */
export function timeAgo(at: Maybe, now = Date.now()): string {
  if (!at) return '';
  let value = Math.round((new Date(at).getTime() - now) / 1000);
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return RELATIVE.format(value, unit);
    value = Math.round(value / size);
  }
  return RELATIVE.format(value, 'year');
}
