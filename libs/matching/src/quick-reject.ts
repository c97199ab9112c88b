import type { CandidateProfile } from './candidate-profile';
import { isEmployerExcluded } from './employer-name';
import { meetsCredentialRequirements } from './explain-credentials';
import { payStanding } from './explain-pay';
import { refusesEmploymentType } from './explain-preferences';
import { roleFit } from './explain-role';
import { outsideCommute, refusesWorkMode, remoteBar } from './explain-work-mode-location';
import type { EquivalenceRule } from './equivalence-rules';
import { createMatchContext, type MatchContext } from './match-context';
import type { MatchableListing } from './matchable-listing';
import { annualRange } from './pay-amounts';

/**
 * The hard constraints that need no text and no arithmetic, checked with the same predicates the
 * explain-* modules use. Ranking a large set skips these listings before building any reasons; a
 * listing that passes is still checked in full by scoreListing.
 */
export function failsCheapConstraint(listing: MatchableListing, profile: CandidateProfile): boolean {
  return (
    roleFit(listing.role, profile.roles) === 'not_wanted' ||
    refusesWorkMode(listing.workMode, profile.workMode) ||
    refusesEmploymentType(listing.employmentType, profile.employmentTypes) ||
    (listing.workMode === 'remote' && remoteBar(listing, profile.stateOfResidence) !== null)
  );
}

/**
 * Every hard constraint checkEligibility reports, as a yes or no without the words: a plain ranking
 * returns only eligible listings, so it skips these before building any reasons. The cheap ones
 * first; then employer, place, credentials and pay, with the explain-* modules' own predicates.
 */
export function failsHardConstraint(listing: MatchableListing, context: MatchContext): boolean {
  const profile = context.profile;
  if (failsCheapConstraint(listing, profile)) return true;
  if (isEmployerExcluded(listing.employer, profile.excludeEmployers)) return true;
  if (listing.workMode !== 'remote' && outsideCommute(listing, profile)) return true;
  if (!meetsCredentialRequirements(listing, context.holdings)) return true;
  if (!context.minimum) return false;
  const range = annualRange(listing.salary);
  return range !== null && payStanding(range, context.minimum.annual) === 'below';
}

/**
 * Eligibility for one candidate across many listings: the same answer as checkEligibility(...).eligible
 * (quick-reject.spec.ts holds them to it), without building the missing items, with the candidate's
 * side worked out once.
 */
export function eligibilityTest(
  profile: CandidateProfile,
  rules: readonly EquivalenceRule[],
): (listing: MatchableListing) => boolean {
  const context = createMatchContext(profile, rules);
  return (listing) => !failsHardConstraint(listing, context);
}
