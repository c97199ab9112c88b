import type { CandidateProfile } from './candidate-profile';
import { applyEmployerCap } from './employer-cap';
import { isEmployerExcluded } from './employer-name';
import type { EquivalenceRule } from './equivalence-rules';
import { createMatchContext } from './match-context';
import type { MatchableListing } from './matchable-listing';
import type { MatchResult, MissingCode } from './match-result';
import { failsHardConstraint } from './quick-reject';
import { scoreInContext } from './score-listing';

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
 */
export function rankMatches(
  listings: Iterable<MatchableListing>,
  profile: CandidateProfile,
  options: RankOptions,
): MatchResult[] {
  const cap = options.employerCap ?? DEFAULT_EMPLOYER_CAP;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  checkWholeNumber('employerCap', cap, 1);
  checkWholeNumber('pageSize', pageSize, 1);
  if (options.limit !== undefined) checkWholeNumber('limit', options.limit, 0);

  // The candidate's side once, not per listing; and no reasons for listings that cannot be returned:
  // a plain ranking skips every ineligible listing, a stretch one those from employers left out.
  const context = createMatchContext(profile, options.rules);
  const results: MatchResult[] = [];
  for (const listing of listings) {
    if (
      options.stretch
        ? isEmployerExcluded(listing.employer, profile.excludeEmployers)
        : failsHardConstraint(listing, context)
    ) {
      continue;
    }
    const result = scoreInContext(listing, context, options.now);
    if (result.eligible || (options.stretch && !result.missing.some((m) => NEVER_STRETCH.has(m.code)))) {
      results.push(result);
    }
  }
  results.sort(compareResults);
  const spread = applyEmployerCap(results, (r) => r.listing.employer, cap, pageSize);
  return options.limit === undefined ? spread : spread.slice(0, options.limit);
}

function compareResults(a: MatchResult, b: MatchResult): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.eligible !== b.eligible) return a.eligible ? -1 : 1;
  const aPosted = a.listing.postedAt ?? '';
  const bPosted = b.listing.postedAt ?? '';
  if (aPosted !== bPosted) return aPosted < bPosted ? 1 : -1;
  return a.listingId < b.listingId ? -1 : a.listingId > b.listingId ? 1 : 0;
}
