import type { CandidateProfile } from './candidate-profile';
import { applyEmployerCap } from './employer-cap';
import { isEmployerExcluded } from './employer-name';
import type { EquivalenceRule } from './equivalence-rules';
import { createMatchContext, type MatchContext } from './match-context';
import type { MatchableListing } from './matchable-listing';
import type { MatchResult, MissingCode, ScoredListing } from './match-result';
import { failsHardConstraint } from './quick-reject';
import { scoreInContext, scoreOnlyInContext } from './score-listing';

export interface RankOptions {
  rules: readonly EquivalenceRule[];
  now: Date;
  /** Also return listings the candidate cannot take, marked with what is missing. */
  stretch?: boolean;
  /** Most listings one employer may have on the first page. */
  employerCap?: number;
  pageSize?: number;
  /** Most results returned; all by default. */
  limit?: number;
}

/** Which places of the final order are shown, and so explained: [offset, offset + limit). */
export interface PageWindow {
  offset: number;
  limit: number;
}

export interface PageRankOptions extends RankOptions {
  /** Order the whole pool by score alone, and build the reasons only for these places. */
  explain: PageWindow;
}

/** One page of a ranking: its results in full, and how many results the whole ranking has. */
export interface RankedPage {
  /** The length of the list rankMatches returns without `explain` (the same options otherwise). */
  total: number;
  /** That list's places [offset, offset + limit), the same results to the byte. */
  page: MatchResult[];
}

export const DEFAULT_EMPLOYER_CAP = 3;
export const DEFAULT_PAGE_SIZE = 20;

/** A candidate who left an employer out never wants to see it, even as a stretch. */
const NEVER_STRETCH: ReadonlySet<MissingCode> = new Set<MissingCode>(['employer_excluded']);

function checkWholeNumber(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min)
    throw new RangeError(`${name} must be a whole number of at least ${min}`);
}

/**
 * Scores, filters and orders listings for a candidate: best score first (ties: newer, then id), then
 * the first page spread across employers. Stretch results are mixed in by their discounted score.
 *
 * With `explain`, only the places shown get reasons: the pool is ordered on scores worked out without
 * wording any reason (most of the cost of scoring), and the listings in the window are then scored in
 * full (all of them at once, when there are too few to reach past the window). The page is the same,
 * to the byte, as slicing the full ranking.
 */
export function rankMatches(
  listings: Iterable<MatchableListing>,
  profile: CandidateProfile,
  options: PageRankOptions,
): RankedPage;
export function rankMatches(
  listings: Iterable<MatchableListing>,
  profile: CandidateProfile,
  options: RankOptions & { explain?: undefined },
): MatchResult[];
export function rankMatches(
  listings: Iterable<MatchableListing>,
  profile: CandidateProfile,
  options: RankOptions & { explain?: PageWindow },
): MatchResult[] | RankedPage {
  checkWholeNumber('employerCap', options.employerCap ?? DEFAULT_EMPLOYER_CAP, 1);
  checkWholeNumber('pageSize', options.pageSize ?? DEFAULT_PAGE_SIZE, 1);
  if (options.limit !== undefined) checkWholeNumber('limit', options.limit, 0);
  const window = options.explain;
  if (window) {
    checkWholeNumber('explain.offset', window.offset, 0);
    checkWholeNumber('explain.limit', window.limit, 0);
  }

  // The candidate's side once, not per listing.
  const context = createMatchContext(profile, options.rules);
  const admitted = admit(listings, context, options.stretch ?? false);
  if (!window) return rank(admitted, context, options, scoreInContext);
  const end = window.offset + window.limit;
  if (admitted.length <= end) {
    // Every result falls before the end of the window: scoring them in full straight away is cheaper.
    const ranked = rank(admitted, context, options, scoreInContext);
    return { total: ranked.length, page: ranked.slice(window.offset, end) };
  }
  const ranked = rank(admitted, context, options, scoreOnlyInContext);
  const page = ranked.slice(window.offset, end).map((scored) => explainScored(scored, context, options.now));
  return { total: ranked.length, page };
}

/**
 * The listings worth scoring: none that cannot be returned. A plain ranking skips every ineligible
 * listing, a stretch one those from employers left out.
 */
function admit(
  listings: Iterable<MatchableListing>,
  context: MatchContext,
  stretch: boolean,
): MatchableListing[] {
  const excluded = context.profile.excludeEmployers;
  const admitted: MatchableListing[] = [];
  for (const listing of listings) {
    if (stretch ? !isEmployerExcluded(listing.employer, excluded) : !failsHardConstraint(listing, context)) {
      admitted.push(listing);
    }
  }
  return admitted;
}

/** The ranking itself, with the listings scored by `score`: in full, or without reasons. */
function rank<T extends ScoredListing>(
  admitted: readonly MatchableListing[],
  context: MatchContext,
  options: RankOptions,
  score: (listing: MatchableListing, context: MatchContext, now: Date) => T,
): T[] {
  const results: T[] = [];
  for (const listing of admitted) {
    const result = score(listing, context, options.now);
    if (result.eligible || (options.stretch && !result.missing.some((m) => NEVER_STRETCH.has(m.code)))) {
      results.push(result);
    }
  }
  results.sort(compareResults);
  const cap = options.employerCap ?? DEFAULT_EMPLOYER_CAP;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const spread = applyEmployerCap(results, (r) => r.listing.employer, cap, pageSize);
  return options.limit === undefined ? spread : spread.slice(0, options.limit);
}

/**
 * The full result for a listing placed by its score alone. Both come from the same code, so they
 * always agree; were they ever not to, the page would be out of order, so that fails loudly (two
 * comparisons for each listing shown).
 */
function explainScored(scored: ScoredListing, context: MatchContext, now: Date): MatchResult {
  const result = scoreInContext(scored.listing, context, now);
  if (result.score !== scored.score || result.eligible !== scored.eligible) {
    throw new Error(
      `rankMatches: listing ${scored.listingId} was ranked at ${scored.score} (eligible: ${scored.eligible}) ` +
        `but scores ${result.score} (eligible: ${result.eligible}) with its reasons`,
    );
  }
  return result;
}

function compareResults(a: ScoredListing, b: ScoredListing): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.eligible !== b.eligible) return a.eligible ? -1 : 1;
  const aPosted = a.listing.postedAt ?? '';
  const bPosted = b.listing.postedAt ?? '';
  if (aPosted !== bPosted) return aPosted < bPosted ? 1 : -1;
  return a.listingId < b.listingId ? -1 : a.listingId > b.listingId ? 1 : 0;
}
