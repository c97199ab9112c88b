import type { MatchParts } from './match-result';

/**
 * How the parts add up to the 0-100 score: score = round(100 * sum(weight * part)). Credentials and
 * specialty decide whether the candidate can do the job; location and pay whether they would take
 * it; experience and recency order what is left. Specialty outweighs recency on purpose: a two-week-old
 * posting in the candidate's own specialty is a better match than yesterday's generic one. The
 * weights sum to 1.
 */
export const PART_WEIGHTS: Readonly<MatchParts> = {
  credentials: 0.25,
  specialty: 0.3,
  workModeLocation: 0.15,
  pay: 0.15,
  experience: 0.08,
  recency: 0.07,
};

/**
 * A stretch match (shown only on request) keeps this share of its score, on top of the zero its
 * failing part already scores, so a near miss can pass a weak match but not a comparable one.
 */
export const STRETCH_SHARE = 0.8;

export function weightedScore(parts: MatchParts): number {
  // Spelled out, not a loop over the keys: this runs for every listing ranked. Added in the order of
  // PART_WEIGHTS' keys, the order the sum has always been taken in, so scores stay the same to the bit.
  const w = PART_WEIGHTS;
  let sum = 0;
  sum += w.credentials * parts.credentials;
  sum += w.specialty * parts.specialty;
  sum += w.workModeLocation * parts.workModeLocation;
  sum += w.pay * parts.pay;
  sum += w.experience * parts.experience;
  sum += w.recency * parts.recency;
  return Math.round(100 * Math.min(1, Math.max(0, sum)));
}
