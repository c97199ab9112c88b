import type { Credential } from '#taxonomy';
import type { EquivalenceRule } from './equivalence-rules';
import type { MatchableListing } from './matchable-listing';

/** How a candidate meets one credential a listing asks for. */
export type CredentialRoute =
  | { kind: 'held'; credential: Credential }
  | { kind: 'rule'; credential: Credential; holding: Credential; rule: EquivalenceRule };

function ruleApplies(rule: EquivalenceRule, listing: MatchableListing): boolean {
  if (rule.onlyForSpecialties && !rule.onlyForSpecialties.some((s) => listing.specialties.includes(s))) {
    return false;
  }
  switch (rule.condition) {
    case 'always':
      return true;
    case 'listing_accepts_equivalent':
      return listing.certifications.equivalentAccepted;
    case 'listing_accepts_apprentice':
      return listing.certifications.apprenticeAccepted;
  }
}

/** The candidate's way to meet `wanted`: holding it, else the first rule in file order that applies. */
export function routeToCredential(
  wanted: Credential,
  held: ReadonlySet<Credential>,
  listing: MatchableListing,
  rules: readonly EquivalenceRule[],
): CredentialRoute | null {
  if (held.has(wanted)) return { kind: 'held', credential: wanted };
  for (const rule of rules) {
    if (held.has(rule.holds) && rule.satisfies.includes(wanted) && ruleApplies(rule, listing)) {
      return { kind: 'rule', credential: wanted, holding: rule.holds, rule };
    }
  }
  return null;
}

/** One of a group: a credential held outright beats one met through a rule. */
export function routeToAnyOf(
  group: readonly Credential[],
  held: ReadonlySet<Credential>,
  listing: MatchableListing,
  rules: readonly EquivalenceRule[],
): CredentialRoute | null {
  const direct = group.find((credential) => held.has(credential));
  if (direct) return { kind: 'held', credential: direct };
  for (const credential of group) {
    const route = routeToCredential(credential, held, listing, rules);
    if (route) return route;
  }
  return null;
}
