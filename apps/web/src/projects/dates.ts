/**
 * Dates as a person reads them ("Dec 1, 2026"). A calendar date from the API ("2026-12-15",
 * e.g. an expected payment date) is a day, not an instant: it is shown as that day in UTC so
 * no time zone moves it to the day before.
 */
const DAY = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
const INSTANT = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });
const INSTANT_WITH_TIME = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
});

export function formatDay(date: string): string {
  return DAY.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}

export function formatInstant(at: string, withTime = false): string {
  return (withTime ? INSTANT_WITH_TIME : INSTANT).format(new Date(at));
}
