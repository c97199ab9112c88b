import type { Credential } from '#taxonomy';
import type { CandidateProfile } from './candidate-profile';
import { routeToAnyOf, routeToCredential, type CredentialRoute } from './credential-coverage';
import type { EquivalenceRule } from './equivalence-rules';
import { joinWords } from './join-words';
import type { MatchableListing } from './matchable-listing';
import type { Assessment, MatchReason, MissingRequirement } from './match-result';

// How much each requirement contributes to the credentials part. Meeting a requirement through an
// equivalence rule is weaker than holding it: a screener may read the posting literally. The risk is
// small when the posting invites equivalents or apprentices, larger when the rule applies unasked.
const HELD = 1;
const BY_RULE_INVITED = 0.95;
const BY_RULE_UNASKED = 0.85;
const EARN_AFTER_HIRE = 0.35;
const NOTHING_REQUIRED = 0.7;
const PREFERRED_HELD_BONUS = 0.3;
const PREFERRED_MISSING_PENALTY = 0.1;

/** "6 months", "90 days". */
function describeDays(days: number): string {
  if (days >= 60 && days % 30 === 0) return `${days / 30} months`;
  if (days === 365) return '12 months';
  return `${days} days`;
}

/** " or equivalent", " (apprentices welcome)" or nothing: the same for every requirement of a listing. */
function requirementSuffix(listing: MatchableListing): string {
  const certs = listing.certifications;
  return certs.equivalentAccepted
    ? ' or equivalent'
    : certs.apprenticeAccepted
      ? ' (apprentices welcome)'
      : '';
}

function describeRequirement(credentials: readonly Credential[], many: boolean, suffix: string): string {
  return `Requires ${many ? `one of ${joinWords(credentials)}` : credentials[0]}${suffix}`;
}

function routeReason(requirement: string, route: CredentialRoute, many: boolean): MatchReason {
  if (route.kind === 'held') {
    return {
      code: 'credential_held',
      text: many ? `${requirement}: you hold ${route.credential}` : `${requirement}: you hold it`,
      effect: 'positive',
    };
  }
  return {
    code: 'credential_by_equivalence',
    text: `${requirement}: your ${route.holding} is accepted (${route.rule.label})`,
    effect: 'positive',
  };
}

function routeValue(route: CredentialRoute): number {
  if (route.kind === 'held') return HELD;
  return route.rule.condition === 'always' ? BY_RULE_UNASKED : BY_RULE_INVITED;
}

/**
 * The candidate's credentials and the rules that could ever use one of them, in file order: a rule
 * for a credential they do not hold never applies, so routes need not look at it. Worked out once per
 * ranking rather than per listing.
 */
export interface Holdings {
  held: ReadonlySet<Credential>;
  rules: readonly EquivalenceRule[];
}

export function holdingsOf(profile: CandidateProfile, rules: readonly EquivalenceRule[]): Holdings {
  const held = new Set<Credential>(profile.credentials);
  return { held, rules: rules.filter((rule) => held.has(rule.holds)) };
}

/**
 * True when every requirement is met, by holding or by a rule, or may be earned after hire: the
 * listing is then not barred on credentials. The same routes explainCredentials reports.
 */
export function meetsCredentialRequirements(listing: MatchableListing, holdings: Holdings): boolean {
  const certs = listing.certifications;
  if (certs.requiredWithinDays !== null) return true;
  const { held, rules } = holdings;
  for (const credential of certs.required) {
    if (!routeToCredential(credential, held, listing, rules)) return false;
  }
  for (const group of certs.anyOf) {
    if (group.length > 0 && !routeToAnyOf(group, held, listing, rules)) return false;
  }
  return true;
}

/** Without reasons (withReasons false), only the part and what is missing: for ranking. */
export function explainCredentials(
  listing: MatchableListing,
  profile: CandidateProfile,
  rules: readonly EquivalenceRule[],
  holdings: Holdings = holdingsOf(profile, rules),
  withReasons = true,
): Assessment {
  const certs = listing.certifications;
  const { held } = holdings;
  const reasons: MatchReason[] = [];
  const missing: MissingRequirement[] = [];
  const afterHire = certs.requiredWithinDays;
  const suffix = requirementSuffix(listing);
  let sum = 0;
  let count = 0;

  const assess = (credentials: readonly Credential[], group: boolean): void => {
    // A one-credential group reads like a plain requirement.
    const many = group && credentials.length > 1;
    // The requirement is worded only where it is said: in a reason, or in what is missing.
    const route = group
      ? routeToAnyOf(credentials, held, listing, holdings.rules)
      : routeToCredential(credentials[0], held, listing, holdings.rules);
    count++;
    if (route) {
      sum += routeValue(route);
      if (withReasons) reasons.push(routeReason(describeRequirement(credentials, many, suffix), route, many));
    } else if (afterHire !== null) {
      // Earning it after hire is allowed, so this is a weaker match, not a missing requirement.
      sum += EARN_AFTER_HIRE;
      if (withReasons) {
        reasons.push({
          code: 'credential_after_hire',
          text: `${describeRequirement(credentials, many, suffix)} within ${describeDays(afterHire)} of hire: you can earn it after you start`,
          effect: 'negative',
        });
      }
    } else {
      const requirement = describeRequirement(credentials, many, suffix);
      const text = many
        ? `${requirement}: you hold none of them`
        : certs.equivalentAccepted
          ? `${requirement}: you hold neither it nor an accepted equivalent`
          : `${requirement}: you do not hold it`;
      missing.push({ code: group ? 'credential_group_missing' : 'credential_missing', text });
      if (withReasons) {
        reasons.push({
          code: group ? 'credential_group_missing' : 'credential_missing',
          text,
          effect: 'negative',
        });
      }
    }
  };
  // Required credentials one by one, then the any-of groups (an empty group asks nothing).
  for (const credential of certs.required) assess([credential], false);
  for (const group of certs.anyOf) if (group.length > 0) assess(group, true);

  let part: number;
  if (count === 0) {
    part = NOTHING_REQUIRED;
    if (withReasons) {
      reasons.push({ code: 'no_credential_required', text: 'No credential required', effect: 'neutral' });
    }
  } else {
    part = sum / count;
  }

  const preferred = certs.preferred.filter((c) => !certs.required.includes(c));
  if (preferred.length > 0) {
    const heldPreferred = preferred.filter(
      (c) => routeToCredential(c, held, listing, holdings.rules) !== null,
    );
    const share = heldPreferred.length / preferred.length;
    part += PREFERRED_HELD_BONUS * share - PREFERRED_MISSING_PENALTY * (1 - share);
    if (withReasons) {
      const single = preferred.length === 1;
      const prefers = `Prefers ${joinWords(preferred)}`;
      reasons.push(
        heldPreferred.length > 0
          ? {
              code: 'preferred_held',
              text: `${prefers}: you hold ${single ? 'it' : joinWords(heldPreferred, 'and')}`,
              effect: 'positive',
            }
          : {
              code: 'preferred_missing',
              text: `${prefers}: ${single ? 'you do not hold it' : 'you hold none of them'}`,
              effect: 'negative',
            },
      );
    }
  }

  return { part: missing.length > 0 ? 0 : Math.min(1, Math.max(0, part)), reasons, missing };
}
