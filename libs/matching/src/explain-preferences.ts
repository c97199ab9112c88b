import type { EmploymentType } from '#taxonomy';
import type { CandidateProfile } from './candidate-profile';
import { isEmployerExcluded } from './employer-name';
import { joinWords } from './join-words';
import type { MatchableListing } from './matchable-listing';
import type { MatchReason, MissingRequirement } from './match-result';

// Preferences that only decide eligibility: employers left out, employment types wanted. They
// carry no score part; a listing of unknown employment type is given the benefit of the doubt.

const EMPLOYMENT_WORDS: Record<EmploymentType, string> = {
  full_time: 'full-time',
  part_time: 'part-time',
  contract: 'contract',
  per_diem: 'per diem',
  temporary: 'temporary',
  unknown: 'unstated',
};

/** True when the candidate named employment types and this known type is not one of them. */
export function refusesEmploymentType(type: EmploymentType, wanted: readonly EmploymentType[]): boolean {
  return wanted.length > 0 && type !== 'unknown' && !wanted.includes(type);
}

/** Without reasons (withReasons false), only what is missing: for ranking and eligibility. */
export function explainPreferences(
  listing: MatchableListing,
  profile: CandidateProfile,
  withReasons = true,
): { reasons: MatchReason[]; missing: MissingRequirement[] } {
  const reasons: MatchReason[] = [];
  const missing: MissingRequirement[] = [];

  const excludedBy = isEmployerExcluded(listing.employer, profile.excludeEmployers);
  if (excludedBy) {
    const text = `Posted by ${listing.employer}: you asked to leave out ${excludedBy}`;
    missing.push({ code: 'employer_excluded', text });
    if (withReasons) reasons.push({ code: 'employer_excluded', text, effect: 'negative' });
  }

  const wanted = profile.employmentTypes;
  const type = listing.employmentType;
  if (wanted.length > 0 && type !== 'unknown') {
    const kind = EMPLOYMENT_WORDS[type];
    if (!refusesEmploymentType(type, wanted)) {
      if (withReasons) {
        reasons.push({
          code: 'employment_type_wanted',
          text: `${capitalise(kind)}, as you want`,
          effect: 'positive',
        });
      }
    } else {
      const text = `${capitalise(kind)}: you want ${joinWords(wanted.map((t) => EMPLOYMENT_WORDS[t]))} work`;
      missing.push({ code: 'employment_type_not_wanted', text });
      if (withReasons) reasons.push({ code: 'employment_type_not_wanted', text, effect: 'negative' });
    }
  }
  return { reasons, missing };
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
