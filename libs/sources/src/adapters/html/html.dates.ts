import { toIsoTimestamp } from '../shared/ats-dates';

// Career pages write dates for people: "May 4, 2026", "4 May 2026", "05/04/2026", "2026-05-04",
// or "Posted 3 days ago". Parsing must not depend on the machine's time zone or clock, so calendar
// dates become UTC midnight and relative dates are left unread (the text is kept beside them).

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const MONTH_DAY_YEAR = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/;
const DAY_MONTH_YEAR = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/;
/** US order, as US career sites write it. */
const SLASHED = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/;
const ISO_LIKE = /\b\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?/;

/** An ISO timestamp for a written date, or null when there is none or it is relative. */
export function readPageDate(text: string | null): string | null {
  if (!text) return null;
  const iso = ISO_LIKE.exec(text);
  if (iso) return toIsoTimestamp(iso[0]);
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy) return utcDate(Number(mdy[3]), monthIndex(mdy[1]), Number(mdy[2]));
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) return utcDate(Number(dmy[3]), monthIndex(dmy[2]), Number(dmy[1]));
  const slashed = SLASHED.exec(text);
  if (slashed) return utcDate(Number(slashed[3]), Number(slashed[1]) - 1, Number(slashed[2]));
  return null;
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase());
}

function utcDate(year: number, month: number, day: number): string | null {
  if (month < 0 || month > 11 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month, day));
  // Reject dates that rolled over ("February 30").
  return date.getUTCDate() === day ? date.toISOString() : null;
}
