import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  candidateProfileSchema,
  defaultEquivalenceRules,
  rankMatches,
  type CandidateProfile,
  type MatchableListing,
  type MatchResult,
} from '#matching';
import { findCity } from '../../support/synthetic-listings';
import { EVAL_NOW, LISTINGS_FILE } from './build-listings';

// Runs the matcher over the hand-judged relevance set. Shared by run-eval.ts (prints a report) and
// tests/matching/relevance.test.ts (asserts floors). Paths are relative to the repository root.

const PROFILES_FILE = 'tests/eval/matching/profiles.json';
const JUDGEMENTS_FILE = 'tests/eval/matching/judgements.json';
export const CUTOFF = 10;

/** -1: breaks a hard constraint; 0-3: graded relevance. */
type Grade = -1 | 0 | 1 | 2 | 3;

export interface ProfileEvaluation {
  id: string;
  /** Judged after the scoring weights were last changed: an estimate free of tuning. */
  heldOut: boolean;
  ndcg: number;
  returned: number;
  /** Returned in plain (non-stretch) mode although judged -1. */
  eligibilityErrors: { listingId: string; score: number }[];
  /** Judged relevant (1-3) but not returned. */
  missedRelevant: { listingId: string; grade: Grade; missing: string[] }[];
  top: MatchResult[];
}

export interface MatchingEvaluation {
  meanNdcg: number;
  /** Mean over the held-out profiles only. */
  heldOutMeanNdcg: number | null;
  eligibilityErrors: number;
  missedRelevant: number;
  listings: number;
  judged: number;
  profiles: ProfileEvaluation[];
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(resolve(process.cwd(), path), 'utf8')) as T;

function toProfile(id: string, body: unknown): CandidateProfile {
  const fields = candidateProfileSchema.parse(body);
  const place = fields.homePostalCode ?? fields.homeCity;
  const city = place ? findCity(place) : null;
  if (place && !city) throw new Error(`profile ${id}: home ${place} is not in the city table`);
  return { ...fields, home: city ? { lat: city.lat, lon: city.lon } : null };
}

/** Exponential gain, log2 discount; unjudged and -1 count as 0. */
export function ndcgAt(
  ranked: readonly string[],
  grades: Readonly<Record<string, Grade>>,
  k = CUTOFF,
): number {
  const gain = (grade: number) => 2 ** Math.max(0, grade) - 1;
  const dcg = ranked.slice(0, k).reduce((sum, id, i) => sum + gain(grades[id] ?? 0) / Math.log2(i + 2), 0);
  const ideal = Object.values(grades)
    .filter((g) => g > 0)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce<number>((sum, g, i) => sum + gain(g) / Math.log2(i + 2), 0);
  return ideal === 0 ? 1 : dcg / ideal;
}

export function evaluateMatching(): MatchingEvaluation {
  const listings = readJson<MatchableListing[]>(LISTINGS_FILE);
  const profiles = readJson<{ id: string; profile: unknown; heldOut?: boolean }[]>(PROFILES_FILE);
  const { judgements } = readJson<{ judgements: Record<string, Record<string, Grade>> }>(JUDGEMENTS_FILE);
  const rules = defaultEquivalenceRules();
  const byId = new Map(listings.map((l) => [l.id, l]));

  const evaluations = profiles.map(({ id, profile: body, heldOut }): ProfileEvaluation => {
    const grades = judgements[id];
    if (!grades) throw new Error(`no judgements for profile ${id}`);
    for (const listingId of Object.keys(grades)) {
      if (!byId.has(listingId)) throw new Error(`judgements for ${id} name an unknown listing ${listingId}`);
    }
    const profile = toProfile(id, body);
    const results = rankMatches(listings, profile, { rules, now: EVAL_NOW });
    const returned = new Set(results.map((r) => r.listingId));
    const all = rankMatches(listings, profile, { rules, now: EVAL_NOW, stretch: true });
    return {
      id,
      heldOut: heldOut === true,
      ndcg: ndcgAt(
        results.map((r) => r.listingId),
        grades,
      ),
      returned: results.length,
      eligibilityErrors: results
        .filter((r) => grades[r.listingId] === -1)
        .map((r) => ({ listingId: r.listingId, score: r.score })),
      missedRelevant: Object.entries(grades)
        .filter(([listingId, grade]) => grade > 0 && !returned.has(listingId))
        .map(([listingId, grade]) => ({
          listingId,
          grade,
          missing: all.find((r) => r.listingId === listingId)?.missing.map((m) => m.text) ?? [
            'not returned even as a stretch',
          ],
        })),
      top: results.slice(0, CUTOFF),
    };
  });

  const heldOutSet = evaluations.filter((e) => e.heldOut);
  const mean = (list: ProfileEvaluation[]) => list.reduce((sum, e) => sum + e.ndcg, 0) / list.length;
  return {
    meanNdcg: mean(evaluations),
    heldOutMeanNdcg: heldOutSet.length > 0 ? mean(heldOutSet) : null,
    eligibilityErrors: evaluations.reduce((sum, e) => sum + e.eligibilityErrors.length, 0),
    missedRelevant: evaluations.reduce((sum, e) => sum + e.missedRelevant.length, 0),
    listings: listings.length,
    judged: Object.values(judgements).reduce((sum, j) => sum + Object.keys(j).length, 0),
    profiles: evaluations,
  };
}
