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
  ['part_time', /\b(?:part[- ]time|\(PT\))/i],
  ['full_time', /\b(?:full[- ]time|\(FT\)|FTE 1\.0)\b/i],
];

// Cheap test first.
const EMPLOYMENT_WORDS =
  /time|diem|prn|contract|1099|c2c|corp|interim|temp|seasonal|assignment|\(pt\)|\(ft\)|fte/i;

function fromText(text: string): { type: EmploymentType; at: number } | null {
  let best: { type: EmploymentType; at: number } | null = null;
  for (const [type, pattern] of PATTERNS) {
    const m = pattern.exec(text);
    if (m && (best === null || m.index < best.at)) best = { type, at: m.index };
  }
  return best;
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
  evidence: Evidence[];
}

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
      evidence: [{ field: 'employmentType', value: fromSource, phrase: structured as string }],
    };
  }
  for (const line of lines) {
    if (NON_JOB_SECTIONS.has(line.section) || !EMPLOYMENT_WORDS.test(line.text)) continue;
    const found = fromText(line.text);
    if (found) {
      return {
        employmentType: found.type,
        evidence: [
          { field: 'employmentType', value: found.type, phrase: snippet(line.text, found.at, found.at + 12) },
        ],
      };
    }
  }
  return { employmentType: 'unknown', evidence: [] };
}
