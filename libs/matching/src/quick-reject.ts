import type { CandidateProfile } from './candidate-profile';
import { refusesEmploymentType } from './explain-preferences';
import { roleFit } from './explain-role';
import { refusesWorkMode, remoteBar } from './explain-work-mode-location';
import type { MatchableListing } from './matchable-listing';

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
