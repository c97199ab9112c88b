// Reads the employment type: the source's own field first (FULL_TIME, "Full time", "Contract"), then
// the title, then the text. "PRN" is per diem, "1099" and "contract-to-hire" are contracts.
import type { EmploymentType } from '#taxonomy';
import type { Evidence } from './normalized-listing';
import type { RawPosting } from '#sources';
import { NON_JOB_SECTIONS, type PostingLine } from './posting-lines';
import { snippet } from './evidence';

const PATTERNS: [EmploymentType, RegExp][] = [
  ['per_diem', /\b(?:per[- ]diem|prn)\b/i],
  [
    'contract',
    /\b(?:(?<!government |federal |state |va )contract(?:or)?(?:[- ]to[- ]hire)?|1099|c2c|corp[- ]to[- ]corp|independent contractor|interim)\b/i,
  ],
  ['temporary', /\b(?:temporary|temp(?:[- ]to[- ]hire)?|seasonal|\d+[- ]week assignment)\b/i],
  // "Fulltime" and a label the page glued on in capitals ("SHIFTFulltime") are read too.
  ['part_time', /\b(?:part[- ]?time|\(PT\))/i],
  ['part_time', /[A-Z]{2}Part[- ]?[Tt]ime/],
  ['full_time', /\b(?:full[- ]?time|\(FT\)|FTE:? 1\.0)\b/i],
  ['full_time', /[A-Z]{2}Full[- ]?[Tt]ime/],
];

// No employment words, but the hours say it: "1.0 FTE", "40 hrs / wk" is a full-time job, "0.5 FTE"
// a part-time one.
const HOURS_PATTERNS: [EmploymentType, RegExp][] = [
  [
    'full_time',
    /\b1\.0\s*FTE\b|\bFTE:?\s*1(?:\.0)?\b|\b(?:3[6-9]|40)\s*(?:hours|hrs)\s*(?:\/|per|a|each)\s*(?:week|wk)\b/i,
  ],
  [
    'part_time',
    /\b0?\.[1-9]\d?\s*FTE\b(?!\s*(?:and|or)\s*(?:above|more|greater))|\b(?:1\d|2\d)\s*(?:hours|hrs)\s*(?:\/|per|a|each)\s*(?:week|wk)\b/i,
  ],
];

// Cheap test first.
const EMPLOYMENT_WORDS =
  /time|diem|prn|contract|1099|c2c|corp|interim|temp|seasonal|assignment|\(pt\)|\(ft\)|fte/i;

const HOURS_GATE = /fte|hours|hrs/i;

/** The earliest of the patterns' matches in the text. */
function firstMatch(
  text: string,
  patterns: [EmploymentType, RegExp][],
): { type: EmploymentType; at: number } | null {
  let best: { type: EmploymentType; at: number } | null = null;
  for (const [type, pattern] of patterns) {
    const m = pattern.exec(text);
    if (m && (best === null || m.index < best.at)) best = { type, at: m.index };
  }
  return best;
}

function fromText(text: string): { type: EmploymentType; at: number } | null {
  return firstMatch(text, PATTERNS);
}

/** FULL_TIME, "Full-time", "Regular Full Time", ["PART_TIME"]... -> the vocabulary code. */
export function employmentTypeFromSource(value: string | null | undefined): EmploymentType | null {
  if (!value) return null;
  const v = value.replace(/_/g, ' ');
  if (/\bintern/i.test(v)) return null;
  return fromText(v)?.type ?? (/\bregular\b|\bpermanent\b/i.test(v) ? 'full_time' : null);
}

export interface EmploymentTypeReading {
  employmentType: EmploymentType;
  /** Where it came from: the source's field, the posting's words, or only its hours. */
  basis: 'source' | 'words' | 'hours' | 'none';
  evidence: Evidence[];
}

export const TYPE_FROM_HOURS = 'no employment type stated: read from the weekly hours or the FTE';

function metadataEmploymentType(extra: Record<string, unknown> | undefined): string | null {
  const metadata = extra?.metadata;
  const entries: [string, unknown][] = Array.isArray(metadata)
    ? metadata.map((m) => [String((m as { name?: unknown })?.name ?? ''), (m as { value?: unknown })?.value])
    : metadata && typeof metadata === 'object'
      ? Object.entries(metadata as Record<string, unknown>)
      : [];
  const found = entries.find(
    ([name, value]) => /employment|job type|time type|schedule/i.test(name) && typeof value === 'string',
  );
  return found ? (found[1] as string) : null;
}

export function extractEmploymentType(raw: RawPosting, lines: PostingLine[]): EmploymentTypeReading {
  const structured = raw.employmentType ?? metadataEmploymentType(raw.extra);
  const fromSource = employmentTypeFromSource(structured);
  if (fromSource) {
    return {
      employmentType: fromSource,
      basis: 'source',
      evidence: [{ field: 'employmentType', value: fromSource, phrase: structured as string }],
    };
  }
  const jobLines = lines.filter((line) => !NON_JOB_SECTIONS.has(line.section));
  for (const line of jobLines) {
    if (!EMPLOYMENT_WORDS.test(line.text)) continue;
    const found = fromText(line.text);
    if (found) {
      return {
        employmentType: found.type,
        basis: 'words',
        evidence: [
          { field: 'employmentType', value: found.type, phrase: snippet(line.text, found.at, found.at + 12) },
        ],
      };
    }
  }
  for (const line of jobLines) {
    if (!HOURS_GATE.test(line.text)) continue;
    const found = firstMatch(line.text, HOURS_PATTERNS);
    if (found) {
      const phrase = snippet(line.text, found.at, found.at + 16);
      return {
        employmentType: found.type,
        basis: 'hours',
        evidence: [{ field: 'employmentType', value: found.type, phrase, inferred: TYPE_FROM_HOURS }],
      };
    }
  }
  return { employmentType: 'unknown', basis: 'none', evidence: [] };
}
