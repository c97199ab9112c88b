import type { MatchableListing } from './matchable-listing';

/** Why a listing is not one the candidate can take. Stable codes for API clients; text for people. */
export type MissingCode =
  | 'employer_excluded'
  | 'role_not_wanted'
  | 'employment_type_not_wanted'
  | 'work_mode_refused'
  | 'work_mode_unknown'
  | 'remote_state_not_allowed'
  | 'remote_state_excluded'
  | 'remote_country_not_allowed'
  | 'outside_commute'
  | 'listing_location_unknown'
  | 'home_location_unknown'
  | 'credential_missing'
  | 'credential_group_missing'
  | 'pay_below_minimum';

export interface MissingRequirement {
  code: MissingCode;
  text: string;
}

export type ReasonEffect = 'positive' | 'negative' | 'neutral';

export interface MatchReason {
  code: string;
  text: string;
  effect: ReasonEffect;
}

/** Each part is 0..1; see score-weights.ts for how they add up to the score. */
export interface MatchParts {
  credentials: number;
  specialty: number;
  workModeLocation: number;
  pay: number;
  experience: number;
  recency: number;
}

/**
 * A listing scored without its reasons: all that ordering, the employer cap and stretch filtering
 * read. scoreOnlyInContext builds one from the same code as the MatchResult of scoreInContext.
 */
export interface ScoredListing {
  listingId: string;
  listing: MatchableListing;
  /** 0-100 integer. */
  score: number;
  eligible: boolean;
  /** Empty when eligible. */
  missing: MissingRequirement[];
  parts: MatchParts;
}

export interface MatchResult extends ScoredListing {
  /** In the candidate's words, in the order of the parts. */
  reasons: MatchReason[];
}

/**
 * What one explain-* module says about one side of a match. Asked without reasons (ranking, or only
 * eligibility), a module still works out the part and the missing items, but leaves the reasons empty.
 */
export interface Assessment {
  /** 0..1 */
  part: number;
  reasons: readonly MatchReason[];
  missing: MissingRequirement[];
}

/** The reasons of an assessment made without them: one shared empty list, frozen so none is added. */
export const NO_REASONS: readonly MatchReason[] = Object.freeze([]);
