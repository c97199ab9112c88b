// Reads the code sets a posting names (ICD-10-CM, ICD-10-PCS, CPT, HCPCS, DRG, APC, HCC). Nothing is
// inferred from the setting: an inpatient job that never names DRGs has none.
import {
  CODING_SYSTEMS,
  CODING_SYSTEM_TERMS,
  FOREIGN_CODING_SYSTEM_PHRASES,
  type CodingSystem,
} from '#taxonomy';
import type { Evidence } from './normalized-listing';
import { NON_JOB_SECTIONS, type PostingLine } from './posting-lines';
import { createPhraseMatcher } from './phrase-matcher';
import { snippet } from './evidence';

function buildMatcher() {
  const insensitive: [string, CodingSystem[]][] = FOREIGN_CODING_SYSTEM_PHRASES.map((p) => [p, []]);
  const sensitive: [string, CodingSystem[]][] = [];
  for (const term of CODING_SYSTEM_TERMS)
    (term.caseSensitive ? sensitive : insensitive).push([term.phrase, term.systems]);
  return createPhraseMatcher<CodingSystem[]>(insensitive, sensitive);
}

let matcher: ReturnType<typeof buildMatcher> | null = null;

export interface CodingSystemReading {
  codingSystems: CodingSystem[];
  evidence: Evidence[];
}

export function extractCodingSystems(lines: PostingLine[]): CodingSystemReading {
  matcher ??= buildMatcher();
  const found = new Map<CodingSystem, string>();
  for (const line of lines) {
    if (NON_JOB_SECTIONS.has(line.section)) continue;
    for (const hit of matcher.find(line.text)) {
      for (const system of hit.value)
        if (!found.has(system)) found.set(system, snippet(line.text, hit.start, hit.end));
    }
  }
  const codingSystems = CODING_SYSTEMS.filter((s) => found.has(s));
  return {
    codingSystems,
    evidence: codingSystems.map((s) => ({
      field: 'codingSystems',
      value: s,
      phrase: found.get(s) as string,
    })),
  };
}
