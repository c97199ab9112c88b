// Finds where a clause names credentials: codes ("CPC", "CCS-P"), full names ("Certified Professional
// Coder"), issuing bodies used as a requirement ("an active AAPC or AHIMA credential") and the generic
// "coding certification". Deciding what each mention requires is extract-credentials' job.
import {
  CREDENTIAL_INFO,
  CREDENTIALS,
  GENERIC_CODING_CREDENTIALS,
  ISSUER_INFO,
  type Credential,
  type CredentialIssuer,
} from '#taxonomy';
import { createPhraseMatcher } from './phrase-matcher';

export type MentionKind = 'credential' | 'issuer' | 'generic';

export interface CredentialMention {
  kind: MentionKind;
  /** The credentials the mention stands for (an issuer stands for its coding credentials). */
  credentials: Credential[];
  /** The mention was an apprentice credential (CPC-A), folded into its full credential. */
  apprentice: boolean;
  start: number;
  end: number;
  text: string;
}

type Token =
  | { kind: 'credential'; code: Credential; apprentice?: boolean }
  | { kind: 'issuer'; issuer: CredentialIssuer }
  | { kind: 'generic' };

// Codes whose letters are also ordinary words or state codes are only read from their full names.
const CODES_READ_BY_NAME_ONLY = new Set<Credential>(['PA']);

const GENERIC_PHRASES = [
  'coding certification',
  'coding certifications',
  'coding credential',
  'coding credentials',
  'coding certified',
  'certified coder',
  'certified medical coder',
  'certified coding professional',
  'nationally recognized coding credential',
  'nationally recognized coding certification',
  'medical coding certification',
  'medical coding credential',
];

const ISSUER_CODING_ISSUERS: CredentialIssuer[] = ['AAPC', 'AHIMA'];

function buildMatcher() {
  const insensitive: [string, Token][] = [];
  const sensitive: [string, Token][] = [];
  for (const code of CREDENTIALS) {
    const info = CREDENTIAL_INFO[code];
    if (!CODES_READ_BY_NAME_ONLY.has(code)) sensitive.push([code, { kind: 'credential', code }]);
    insensitive.push([info.name, { kind: 'credential', code }]);
    for (const alias of info.aliases) {
      // Short aliases are codes (CPC-H, LVN, PA-C): upper case only.
      if (/^[A-Z0-9-]{2,8}$/.test(alias)) sensitive.push([alias, { kind: 'credential', code }]);
      else insensitive.push([alias, { kind: 'credential', code }]);
    }
    // "COC-A": the full credential's apprentice designation, longer than "COC" so it wins there.
    for (const name of info.apprenticeNames ?? [])
      sensitive.push([name, { kind: 'credential', code, apprentice: true }]);
  }
  for (const issuer of ISSUER_CODING_ISSUERS) {
    sensitive.push([issuer, { kind: 'issuer', issuer }]);
    for (const alias of ISSUER_INFO[issuer].aliases) insensitive.push([alias, { kind: 'issuer', issuer }]);
    insensitive.push([ISSUER_INFO[issuer].name, { kind: 'issuer', issuer }]);
  }
  for (const phrase of GENERIC_PHRASES) insensitive.push([phrase, { kind: 'generic' }]);
  return createPhraseMatcher<Token>(insensitive, sensitive);
}

let matcher: ReturnType<typeof buildMatcher> | null = null;

// What may follow an issuer for it to mean "a credential from that body".
const ISSUER_AS_REQUIREMENT =
  /^(?:\s*(?:or|and|\/|-|–)\s*(?:AAPC|AHIMA)\b)?[\s-]*(?:approved\s+|recognized\s+)?(?:coding\s+|medical coding\s+)?(?:credential|certification|certified|certificate)/i;
// "... credential through AAPC": the body that issues a credential named just before.
const ISSUER_AS_SOURCE = /(?:through|from|by|via|with|of|the)\s*$/i;

// "the CRC team", "our CCS department", "RN staff": a code naming a group of people or a place, an
// internal abbreviation that happens to spell a credential. A code counts where it is held.
const NAMES_A_GROUP_AFTER =
  /^\s*(?:team|teams|department|departments|dept|unit|units|office|staff|coordinator|manager|director|supervisor|lead|queue|queues|work\s*queues?|system|committee|meetings?|program|group)\b/i;

// Cheap tests first: a clause with neither a credential-like code nor a credential word names none.
const CODE_GATE = new RegExp(
  `\\b(?:${[...CREDENTIALS, 'CPC-H', 'LVN', 'APRN', 'FNP', 'PA-C', 'AAPC', 'AHIMA']
    .filter((code) => code !== 'PA')
    .sort((a, b) => b.length - a.length)
    .join('|')})\\b`,
);
const WORD_GATE = /certif|regist|licen[cs]|nurse|practitioner|assistant|apprentice|credential/i;

/** Every credential mention in a clause, in order, apprentice credentials folded into full ones. */
export function findCredentialMentions(clause: string): CredentialMention[] {
  if (!CODE_GATE.test(clause) && !WORD_GATE.test(clause)) return [];
  matcher ??= buildMatcher();
  const mentions: CredentialMention[] = [];
  for (const hit of matcher.find(clause)) {
    const token = hit.value;
    if (token.kind === 'credential') {
      if (hit.text === token.code && NAMES_A_GROUP_AFTER.test(clause.slice(hit.end, hit.end + 30))) continue;
      const apprenticeOf = CREDENTIAL_INFO[token.code].apprenticeOf;
      mentions.push({
        start: hit.start,
        end: hit.end,
        text: hit.text,
        kind: 'credential',
        credentials: [apprenticeOf ?? token.code],
        apprentice: apprenticeOf !== undefined || token.apprentice === true,
      });
    } else if (token.kind === 'issuer') {
      const after = clause.slice(hit.end, hit.end + 40);
      const before = clause.slice(Math.max(0, hit.start - 12), hit.start);
      if (!ISSUER_AS_REQUIREMENT.test(after) || ISSUER_AS_SOURCE.test(before)) continue;
      mentions.push({
        start: hit.start,
        end: hit.end,
        text: hit.text,
        kind: 'issuer',
        credentials: [...ISSUER_INFO[token.issuer].codingCredentials],
        apprentice: false,
      });
    } else {
      mentions.push({
        start: hit.start,
        end: hit.end,
        text: hit.text,
        kind: 'generic',
        credentials: [...GENERIC_CODING_CREDENTIALS],
        apprentice: false,
      });
    }
  }
  return mentions;
}
