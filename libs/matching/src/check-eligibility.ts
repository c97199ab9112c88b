import type { CandidateProfile } from './candidate-profile';
import type { EquivalenceRule } from './equivalence-rules';
import { explainCredentials, holdingsOf } from './explain-credentials';
import { explainPay, payMinimum } from './explain-pay';
import { explainPreferences } from './explain-preferences';
import { explainRole } from './explain-role';
import { explainWorkModeLocation } from './explain-work-mode-location';
import type { MatchableListing } from './matchable-listing';
import type { MissingRequirement } from './match-result';

/**
 * Can the candidate take this listing at all? Hard constraints, in the order they are reported:
 * employer left out, employment type not wanted, role not wanted, work mode refused, remote state or
 * country not allowed, outside the commute (or commute unknown), a required credential missing with
 * no equivalent allowed, pay clearly below the minimum. Experience and specialty never bar a match.
 */
export function checkEligibility(
  listing: MatchableListing,
  profile: CandidateProfile,
  rules: readonly EquivalenceRule[],
): { eligible: boolean; missing: MissingRequirement[] } {
  // Only what is missing is read, so no reasons are worded (withReasons false).
  const missing = [
    ...explainPreferences(listing, profile, false).missing,
    ...explainRole(listing, profile, false).missing,
    ...explainWorkModeLocation(listing, profile, false).missing,
    ...explainCredentials(listing, profile, rules, holdingsOf(profile, rules), false).missing,
    ...explainPay(listing, profile, payMinimum(profile), false).missing,
  ];
  return { eligible: missing.length === 0, missing };
}
