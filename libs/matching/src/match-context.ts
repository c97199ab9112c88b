import type { CandidateProfile } from './candidate-profile';
import type { EquivalenceRule } from './equivalence-rules';
import { holdingsOf, type Holdings } from './explain-credentials';
import { payMinimum, type PayMinimum } from './explain-pay';
import { candidateSpecialties, type CandidateSpecialties } from './explain-specialty';

/**
 * What scoring reads from the candidate and the rules, worked out once per ranking: rankMatches
 * scores a hundred or more listings for one candidate, and deriving these again for each listing was
 * a good share of the cost. Only createMatchContext builds one, so it always agrees with its profile.
 */
export interface MatchContext {
  readonly profile: CandidateProfile;
  readonly rules: readonly EquivalenceRule[];
  readonly holdings: Holdings;
  readonly minimum: PayMinimum | null;
  readonly specialties: CandidateSpecialties;
}

export function createMatchContext(
  profile: CandidateProfile,
  rules: readonly EquivalenceRule[],
): MatchContext {
  return {
    profile,
    rules,
    holdings: holdingsOf(profile, rules),
    minimum: payMinimum(profile),
    specialties: candidateSpecialties(profile),
  };
}
