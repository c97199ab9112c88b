export { candidateProfileSchema, CANDIDATE_WORK_MODES, MIN_PAY_PERIODS } from './candidate-profile';
export type {
  CandidateProfile,
  CandidateProfileFields,
  CandidateProfileInput,
  CandidateWorkMode,
  GeoPoint,
  MinPayPeriod,
} from './candidate-profile';
export type { MatchableListing } from './matchable-listing';
export type {
  MatchParts,
  MatchReason,
  MatchResult,
  MissingCode,
  MissingRequirement,
  ReasonEffect,
  ScoredListing,
} from './match-result';
export {
  EQUIVALENCE_CONDITIONS,
  EquivalenceRulesError,
  defaultEquivalenceRules,
  parseEquivalenceRules,
} from './equivalence-rules';
export type { EquivalenceCondition, EquivalenceRule } from './equivalence-rules';
export { checkEligibility } from './check-eligibility';
export { eligibilityTest, failsCheapConstraint } from './quick-reject';
export { remoteBar } from './explain-work-mode-location';
export { scoreListing } from './score-listing';
export { rankMatches, DEFAULT_EMPLOYER_CAP, DEFAULT_PAGE_SIZE } from './rank-matches';
export type { PageRankOptions, PageWindow, RankedPage, RankOptions } from './rank-matches';
export { applyEmployerCap } from './employer-cap';
export { haversineMiles } from './geo-distance';
export { PART_WEIGHTS, STRETCH_SHARE } from './score-weights';
export { PAY_TOLERANCE } from './explain-pay';
export { annualise } from './pay-amounts';
