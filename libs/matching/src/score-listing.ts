import type { CandidateProfile } from './candidate-profile';
import type { EquivalenceRule } from './equivalence-rules';
import { explainCredentials } from './explain-credentials';
import { explainExperience } from './explain-experience';
import { explainPay } from './explain-pay';
import { explainPreferences } from './explain-preferences';
import { explainRecency } from './explain-recency';
import { explainRole } from './explain-role';
import { explainSpecialty } from './explain-specialty';
import { explainWorkModeLocation } from './explain-work-mode-location';
import { createMatchContext, type MatchContext } from './match-context';
import type { MatchableListing } from './matchable-listing';
import type { MatchParts, MatchResult, ScoredListing } from './match-result';
import { STRETCH_SHARE, weightedScore } from './score-weights';

/**
 * Scores one listing for one candidate, with the parts and the reasons behind the score. Works on
 * ineligible listings too (for stretch matches): their failing parts score zero and the total keeps
 * STRETCH_SHARE of what is left. Eligibility uses the same checks as checkEligibility.
 */
export function scoreListing(
  listing: MatchableListing,
  profile: CandidateProfile,
  rules: readonly EquivalenceRule[],
  now: Date,
): MatchResult {
  return scoreInContext(listing, createMatchContext(profile, rules), now);
}

/** scoreListing with the candidate's side already worked out, for ranking many listings. */
export function scoreInContext(listing: MatchableListing, context: MatchContext, now: Date): MatchResult {
  return scoreWith(listing, context, now, true);
}

/**
 * scoreInContext without the reasons, for ordering a whole pool when only one page is shown: the
 * same explain-* code works out the parts and what is missing, so the score, eligibility, missing
 * items and parts are those of scoreInContext; only the wording of the reasons is skipped.
 */
export function scoreOnlyInContext(
  listing: MatchableListing,
  context: MatchContext,
  now: Date,
): ScoredListing {
  return scoreWith(listing, context, now, false);
}

function scoreWith(
  listing: MatchableListing,
  context: MatchContext,
  now: Date,
  withReasons: true,
): MatchResult;
function scoreWith(
  listing: MatchableListing,
  context: MatchContext,
  now: Date,
  withReasons: false,
): ScoredListing;
function scoreWith(
  listing: MatchableListing,
  context: MatchContext,
  now: Date,
  withReasons: boolean,
): ScoredListing | MatchResult {
  const profile = context.profile;
  const preferences = explainPreferences(listing, profile, withReasons);
  const role = explainRole(listing, profile, withReasons);
  const where = explainWorkModeLocation(listing, profile, withReasons);
  const credentials = explainCredentials(listing, profile, context.rules, context.holdings, withReasons);
  const pay = explainPay(listing, profile, context.minimum, withReasons);
  const specialty = explainSpecialty(listing, profile, context.specialties, withReasons);
  const experience = explainExperience(listing, profile, withReasons);
  const recency = explainRecency(listing, now, withReasons);

  const missing = [
    ...preferences.missing,
    ...role.missing,
    ...where.missing,
    ...credentials.missing,
    ...pay.missing,
  ];
  const parts: MatchParts = {
    credentials: credentials.part,
    // The role's fit scales the specialty: the right specialty in a neighbouring role is a bit less.
    specialty: specialty.part * role.part,
    workModeLocation: where.part,
    pay: pay.part,
    experience: experience.part,
    recency: recency.part,
  };
  const eligible = missing.length === 0;
  const score = eligible ? weightedScore(parts) : Math.round(weightedScore(parts) * STRETCH_SHARE);

  if (!withReasons) return { listingId: listing.id, listing, score, eligible, missing, parts };
  return {
    listingId: listing.id,
    listing,
    score,
    eligible,
    missing,
    parts,
    reasons: [
      ...preferences.reasons,
      ...credentials.reasons,
      ...role.reasons,
      ...specialty.reasons,
      ...where.reasons,
      ...pay.reasons,
      ...experience.reasons,
      ...recency.reasons,
    ],
  };
}
