import { rankMatches, type CandidateProfile, type EquivalenceRule } from '#matching';
import { matchesCriteria, type DigestCriteria } from './digest-criteria';
import type { DigestListing } from './digest-listing';
import { parseSnapshot, visibleIn, type Snapshot } from './snapshot';

/** One listing in a digest, with why it matches (profile digests). */
export interface DigestItem {
  listing: DigestListing;
  reasons: string[];
}

/** What one digest holds. */
export interface DigestSelection {
  /** Shown, best first: at most `cap`, at most `perEmployer` from one employer. */
  items: DigestItem[];
  /** Every new match, shown or not. */
  total: number;
  /** Left out for the per-employer limit: "2 more from Mercy Valley". */
  moreFromEmployer: Array<{ employer: string; count: number }>;
  /** Left out for the cap (after the per-employer ones): "and 14 more". */
  more: number;
}

export interface SelectOptions {
  cap: number;
  perEmployer: number;
}

export const DIGEST_CAP = 20;
export const DIGEST_PER_EMPLOYER = 3;
/** Reasons shown per listing of a profile digest. */
const REASONS_SHOWN = 3;

/**
 * The listings new for a watermark: opened by a transaction the watermark did not see, and that the
 * read's own snapshot did (the openings were read in it, so all of them).
 */
export function newSince(listings: readonly DigestListing[], watermark: Snapshot | string): DigestListing[] {
  const w = typeof watermark === 'string' ? parseSnapshot(watermark) : watermark;
  return listings.filter((l) => !visibleIn(l.openedXid, w));
}

/** A search digest's matches, newest first (the /jobs order without words): ties by id. */
export function rankForSearch(listings: readonly DigestListing[], criteria: DigestCriteria): DigestItem[] {
  return listings
    .filter((l) => matchesCriteria(l, criteria))
    .sort((a, b) => (a.sortAt === b.sortAt ? (a.id < b.id ? -1 : 1) : a.sortAt < b.sortAt ? 1 : -1))
    .map((listing) => ({ listing, reasons: [] }));
}

/**
 * A profile digest's matches, ranked as /matches ranks them (the matching core: eligible listings
 * only, best score first), each with its first reasons in words, positive ones first.
 */
export function rankForProfile(
  listings: readonly DigestListing[],
  profile: CandidateProfile,
  rules: readonly EquivalenceRule[],
  now: Date,
): DigestItem[] {
  const byId = new Map(listings.map((l) => [l.id, l]));
  // The digest spreads employers itself (selectDigest), so the core's first-page spread is off.
  const ranked = rankMatches(listings, profile, { rules, now, employerCap: Number.MAX_SAFE_INTEGER });
  return ranked.map((m) => ({
    listing: byId.get(m.listingId) as DigestListing,
    reasons: [...m.reasons]
      .sort((a, b) => Number(b.effect === 'positive') - Number(a.effect === 'positive'))
      .slice(0, REASONS_SHOWN)
      .map((r) => r.text),
  }));
}

const employerKey = (employer: string | null) => (employer ?? '').trim().toLowerCase();

/**
 * Cuts a ranking down to a digest: the order kept, at most `perEmployer` from one employer (the rest
 * counted per employer), at most `cap` in all (the rest counted). Null when there is nothing: no
 * matches, no mail.
 */
export function selectDigest(
  ranked: readonly DigestItem[],
  options: SelectOptions = { cap: DIGEST_CAP, perEmployer: DIGEST_PER_EMPLOYER },
): DigestSelection | null {
  if (ranked.length === 0) return null;
  const items: DigestItem[] = [];
  const shownPer = new Map<string, number>();
  const overflow = new Map<string, { employer: string; count: number }>();
  let more = 0;
  for (const item of ranked) {
    const employer = item.listing.employer;
    const key = employerKey(employer);
    const shown = shownPer.get(key) ?? 0;
    if (key && shown >= options.perEmployer) {
      const o = overflow.get(key) ?? { employer: employer as string, count: 0 };
      o.count++;
      overflow.set(key, o);
    } else if (items.length < options.cap) {
      items.push(item);
      shownPer.set(key, shown + 1);
    } else {
      more++;
    }
  }
  return { items, total: ranked.length, moreFromEmployer: [...overflow.values()], more };
}
