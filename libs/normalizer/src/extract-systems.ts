// Reads the EHR / practice-management systems and the encoders a posting names.
import { ENCODER_SYSTEMS, EHR_SYSTEMS, type HealthItSystem } from '#taxonomy';
import type { Evidence } from './normalized-listing';
import { NON_JOB_SECTIONS, type PostingLine } from './posting-lines';
import { createPhraseMatcher, type PhraseMatcher } from './phrase-matcher';
import { snippet } from './evidence';

function buildMatcher(systems: HealthItSystem[]): PhraseMatcher<HealthItSystem> {
  const insensitive: [string, HealthItSystem][] = [];
  const sensitive: [string, HealthItSystem][] = [];
  for (const system of systems) {
    for (const alias of system.aliases) insensitive.push([alias, system]);
    for (const alias of system.caseSensitiveAliases ?? []) sensitive.push([alias, system]);
  }
  return createPhraseMatcher(insensitive, sensitive);
}

let ehrMatcher: PhraseMatcher<HealthItSystem> | null = null;
let encoderMatcher: PhraseMatcher<HealthItSystem> | null = null;

function find(lines: PostingLine[], matcher: PhraseMatcher<HealthItSystem>, field: string) {
  const found = new Map<string, string>();
  for (const line of lines) {
    if (NON_JOB_SECTIONS.has(line.section)) continue;
    for (const hit of matcher.find(line.text)) {
      const context = hit.value.needsContext;
      if (context && !context.some((word) => line.text.toLowerCase().includes(word.toLowerCase()))) continue;
      if (!found.has(hit.value.name)) found.set(hit.value.name, snippet(line.text, hit.start, hit.end));
    }
  }
  const names = [...found.keys()];
  const evidence: Evidence[] = names.map((name) => ({
    field,
    value: name,
    phrase: found.get(name) as string,
  }));
  return { names, evidence };
}

export function extractSystems(lines: PostingLine[]) {
  ehrMatcher ??= buildMatcher(EHR_SYSTEMS);
  encoderMatcher ??= buildMatcher(ENCODER_SYSTEMS);
  const ehr = find(lines, ehrMatcher, 'ehrSystems');
  const encoders = find(lines, encoderMatcher, 'encoderSystems');
  return {
    ehrSystems: ehr.names,
    encoderSystems: encoders.names,
    evidence: [...ehr.evidence, ...encoders.evidence],
  };
}
