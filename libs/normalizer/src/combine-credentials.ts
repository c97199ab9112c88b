// Turns the units read from a posting into its requirements: a unit of one credential is required, a
// unit of several is a choice (anyOf), preferred ones are listed apart. Every list comes out in the
// vocabulary's order, so two postings asking for the same credentials compare equal.
import { CREDENTIALS, LICENCES, type Credential } from '#taxonomy';
import type { CertificationRequirements } from './normalized-listing';

export interface CredentialUnit {
  /** Alternatives: holding any one satisfies the unit. */
  credentials: Credential[];
  /** Those of them the posting named itself (not read from "an AAPC credential"). */
  named: Credential[];
  kind: 'required' | 'preferred';
  generic: boolean;
  phrase: string;
}

const VOCABULARY_ORDER = new Map<Credential, number>(CREDENTIALS.map((code, i) => [code, i]));

export function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function byVocabulary(a: Credential, b: Credential): number {
  return (VOCABULARY_ORDER.get(a) ?? 0) - (VOCABULARY_ORDER.get(b) ?? 0);
}

/** Groups by their first differing credential, in vocabulary order; a shorter prefix first. */
function compareGroups(a: Credential[], b: Credential[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = byVocabulary(a[i], b[i]);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

export function combineUnits(
  units: CredentialUnit[],
  requiredWithinDays: number | null,
  equivalentAccepted: boolean,
  apprenticeAccepted: boolean,
): CertificationRequirements {
  const required = new Set<Credential>();
  const groups: Credential[][] = [];
  const preferred = new Set<Credential>();
  for (const unit of units) {
    const choices = unique(unit.credentials);
    if (unit.kind === 'preferred') choices.forEach((c) => preferred.add(c));
    else if (choices.length === 1) required.add(choices[0]);
    else groups.push(choices);
  }
  const anyOf: Credential[][] = [];
  const seen = new Set<string>();
  for (const group of groups) {
    if (group.some((c) => required.has(c))) continue;
    const sorted = [...group].sort(byVocabulary);
    const key = sorted.join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    anyOf.push(sorted);
  }
  const named = new Set([...required, ...anyOf.flat(), ...preferred]);
  const licences = LICENCES.filter((code) => named.has(code));
  return {
    required: [...required].sort(byVocabulary),
    anyOf: anyOf.sort(compareGroups),
    preferred: [...preferred].filter((c) => !required.has(c)).sort(byVocabulary),
    requiredWithinDays: required.size + anyOf.length > 0 ? requiredWithinDays : null,
    equivalentAccepted: equivalentAccepted && required.size + anyOf.length > 0,
    apprenticeAccepted,
    ...(licences.length > 0 ? { licences } : {}),
  };
}
