import type { MatchableListing } from './matchable-listing';
import { NO_REASONS, type Assessment, type MatchReason } from './match-result';
import { parseInstant } from './parse-instant';

// Fresh listings are worth more: coding roles fill in weeks, and an old posting is often already
// filled or a standing ad. The value halves every thirty days.

const HALF_LIFE_DAYS = 30;
const DATE_UNKNOWN = 0.4;
const FRESH_DAYS = 7;
const STALE_DAYS = 45;
const DAY_MS = 86_400_000;
/** The value for each of the first 366 days, computed once rather than per listing (Math.pow is slow). */
const DECAY = Array.from({ length: 366 }, (_, days) => Math.pow(0.5, days / HALF_LIFE_DAYS));

/** Without reasons (withReasons false), only the part: for ranking. */
export function explainRecency(listing: MatchableListing, now: Date, withReasons = true): Assessment {
  const posted = listing.postedAt ? parseInstant(listing.postedAt) : NaN;
  if (Number.isNaN(posted)) {
    return {
      part: DATE_UNKNOWN,
      reasons: withReasons
        ? [{ code: 'posted_date_unknown', text: 'Posting date unknown', effect: 'neutral' }]
        : NO_REASONS,
      missing: [],
    };
  }
  // A date slightly in the future is clock skew between sources, not a scheduled posting.
  const days = Math.max(0, Math.floor((now.getTime() - posted) / DAY_MS));
  const part = days < DECAY.length ? DECAY[days] : Math.pow(0.5, days / HALF_LIFE_DAYS);
  if (!withReasons) return { part, reasons: NO_REASONS, missing: [] };
  const when = days === 0 ? 'Posted today' : days === 1 ? 'Posted yesterday' : `Posted ${days} days ago`;
  let reason: MatchReason;
  if (days <= FRESH_DAYS) reason = { code: 'posted_recently', text: when, effect: 'positive' };
  else if (days > STALE_DAYS)
    reason = { code: 'posted_long_ago', text: `${when}: it may be filled`, effect: 'negative' };
  else reason = { code: 'posted', text: when, effect: 'neutral' };
  return { part, reasons: [reason], missing: [] };
}
