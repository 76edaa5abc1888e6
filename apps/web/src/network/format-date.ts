const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
const moment = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });

/** A calendar date from the API ("2027-04-30"), shown as that same day everywhere ("Apr 30, 2027"). */
export function formatDay(date: string): string {
  return day.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}

/** A moment from the API (ISO date-time), shown as the day it is in the reader's time zone. */
export function formatMoment(at: string): string {
  return moment.format(new Date(at));
}

/** Today in the reader's time zone, as the API writes dates ("2027-04-30"). */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
