// Numbers, money and dates in US English. The formatters are made once: an Intl formatter costs tens
// of microseconds to build, and a search page formats a few hundred values.

const COUNT = new Intl.NumberFormat('en-US');
const DOLLARS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const CENTS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const DATE = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** 12345 -> "12,345" */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** 49920 -> "$49,920"; with cents, 21.5 -> "$21.50". */
export function formatDollars(n: number, cents = false): string {
  return `$${(cents ? CENTS : DOLLARS).format(n)}`;
}

/** "2026-11-18T14:00:00Z" -> "Nov 18, 2026" (the day in UTC). */
export function formatDate(iso: string): string {
  return DATE.format(new Date(iso));
}
