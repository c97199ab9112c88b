// Reads when a posting was published and until when it is open, as ISO 8601 timestamps: the source's
// fields first ("2024-05-06", "Posted 3 Days Ago", "Posted 30+ Days Ago"), then the text ("Open
// 05/06/2024 to 05/20/2024", "Closing date: June 30, 2024").
import type { Evidence } from './normalized-listing';
import type { PostingLine } from './posting-lines';

const DAY_MS = 86_400_000;
const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec';

/** An ISO timestamp for a date as sources write it, or null. Relative dates need `now`. */
export function readDate(value: string | null | undefined, now: Date): string | null {
  if (!value) return null;
  const text = value.trim().slice(0, 80);
  const relative = /\b(?:posted\s+)?(today|yesterday|(\d{1,3})\+?\s+(day|week|month)s?\s+ago)\b/i.exec(text);
  if (relative) {
    const days =
      relative[1].toLowerCase() === 'today'
        ? 0
        : relative[1].toLowerCase() === 'yesterday'
          ? 1
          : Number(relative[2]) *
            (relative[3].toLowerCase() === 'week' ? 7 : relative[3].toLowerCase() === 'month' ? 30 : 1);
    return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - days * DAY_MS).toISOString();
  }
  const iso =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      text,
    );
  if (iso) {
    const date = new Date(iso[4] && !iso[7] ? `${text.replace(' ', 'T')}Z` : text);
    return valid(date);
  }
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (us) return valid(new Date(Date.UTC(Number(us[3]), Number(us[1]) - 1, Number(us[2]))));
  const named = new RegExp(`^(${MONTHS})[a-z]*\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})$`, 'i').exec(text);
  if (named) return valid(new Date(`${named[1]} ${named[2]} ${named[3]} UTC`));
  return null;
}

function valid(date: Date): string | null {
  const time = date.getTime();
  return Number.isFinite(time) && date.getUTCFullYear() > 1990 && date.getUTCFullYear() < 2200
    ? date.toISOString()
    : null;
}

const DATE_TEXT = `(\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\/\\d{1,2}\\/\\d{4}|(?:${MONTHS})[a-z]*\\.?\\s+\\d{1,2},?\\s+\\d{4})`;
const POSTED_LINE = new RegExp(
  `\\b(?:date posted|posted(?: on)?|open(?:ing date)?|publish(?:ed)?)\\s*:?\\s*${DATE_TEXT}`,
  'i',
);
const CLOSING_LINE = new RegExp(
  `\\b(?:closing date|closes(?: on)?|apply by|deadline|valid through|open until|to)\\s*:?\\s*${DATE_TEXT}`,
  'i',
);

export interface DateReading {
  postedAt: string | null;
  validThrough: string | null;
  evidence: Evidence[];
}

export function extractDates(
  postedAt: string | null | undefined,
  validThrough: string | null | undefined,
  lines: PostingLine[],
  now: Date,
): DateReading {
  let posted = readDate(postedAt, now);
  let through = readDate(validThrough, now);
  const evidence: Evidence[] = [];
  if (!posted || !through) {
    for (const line of lines) {
      if (!/\d{4}/.test(line.text)) continue;
      if (!posted) {
        const m = POSTED_LINE.exec(line.text);
        posted = m ? readDate(m[1], now) : null;
        if (posted) evidence.push({ field: 'postedAt', value: posted, phrase: m?.[0] ?? '' });
      }
      if (!through) {
        const m = CLOSING_LINE.exec(line.text);
        through = m ? readDate(m[1], now) : null;
        if (through) evidence.push({ field: 'validThrough', value: through, phrase: m?.[0] ?? '' });
      }
    }
  }
  return { postedAt: posted, validThrough: through, evidence };
}
