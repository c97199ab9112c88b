import type { Role } from '#taxonomy';
import type { CandidateProfile } from './candidate-profile';
import { joinWords } from './join-words';
import type { MatchableListing } from './matchable-listing';
import { NO_REASONS, type Assessment } from './match-result';
import { ROLE_LABELS } from './specialty-labels';

// Roles a candidate asks for are a hard filter, widened by neighbours that do the same work under
// another title: a combined coder/biller post suits someone who asked for coding or billing, and
// AR/denials work is billing work. A neighbour fits slightly less than the role itself.

const NEIGHBOURS: Record<Role, Role[]> = {
  coder: ['coder_biller'],
  biller: ['coder_biller', 'ar_denials'],
  coder_biller: ['coder', 'biller'],
  ar_denials: ['biller'],
  auditor: [],
  cdi: [],
  educator: [],
  him_other: [],
  other: [],
};

const EXACT = 1;
const NEIGHBOUR = 0.8;
/** With no roles asked for, a listing outside coding, billing and HIM work is a weaker fit. */
const UNSPECIFIED_OTHER = 0.6;

/** How a listing's role sits against the roles asked for (none asked: any role is wanted). */
export function roleFit(role: Role, wanted: readonly Role[]): 'wanted' | 'neighbour' | 'not_wanted' {
  if (wanted.length === 0 || wanted.includes(role)) return 'wanted';
  return wanted.some((r) => NEIGHBOURS[r].includes(role)) ? 'neighbour' : 'not_wanted';
}

const askedFor = (wanted: readonly Role[]): string => joinWords(wanted.map((r) => ROLE_LABELS[r]));

/** Without reasons (withReasons false), only the part and what is missing: for ranking. */
export function explainRole(
  listing: MatchableListing,
  profile: CandidateProfile,
  withReasons = true,
): Assessment {
  const wanted = profile.roles;
  const fit = roleFit(listing.role, wanted);
  if (fit === 'wanted') {
    const part = wanted.length === 0 && listing.role === 'other' ? UNSPECIFIED_OTHER : EXACT;
    return { part, reasons: [], missing: [] };
  }
  const label = ROLE_LABELS[listing.role];
  if (fit === 'neighbour') {
    return {
      part: NEIGHBOUR,
      reasons: withReasons
        ? [
            {
              code: 'role_neighbour',
              text: `A ${label} role: close to the ${askedFor(wanted)} work you asked for`,
              effect: 'neutral',
            },
          ]
        : NO_REASONS,
      missing: [],
    };
  }
  const text = `A ${label} role: you asked for ${askedFor(wanted)} roles`;
  return {
    part: 0,
    reasons: withReasons ? [{ code: 'role_not_wanted', text, effect: 'negative' }] : NO_REASONS,
    missing: [{ code: 'role_not_wanted', text }],
  };
}
