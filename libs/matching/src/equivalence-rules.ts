import { z } from 'zod';
import { CREDENTIALS, SPECIALTIES } from '#taxonomy';
import type { Credential, Specialty } from '#taxonomy';

import shipped from '../data/credential-equivalences.json';

// Which credential stands in for which is a judgement, not a fact, so it lives in a data file a
// deployment can edit (CREDENTIAL_EQUIVALENCES_FILE, read by the API) and every match names the
// rule it used. This module only validates: reading files is the caller's.

export const EQUIVALENCE_CONDITIONS = [
  'always',
  'listing_accepts_equivalent',
  'listing_accepts_apprentice',
] as const;
export type EquivalenceCondition = (typeof EQUIVALENCE_CONDITIONS)[number];

export interface EquivalenceRule {
  id: string;
  /** Shown to the candidate, e.g. "RHIA meets RHIT". */
  label: string;
  holds: Credential;
  satisfies: Credential[];
  condition: EquivalenceCondition;
  /** When set, the rule applies only to listings naming one of these specialties. */
  onlyForSpecialties?: Specialty[];
  /** Why the rule exists; not shown in matches. */
  note?: string;
}

export class EquivalenceRulesError extends Error {
  readonly code = 'EQUIVALENCE_RULES_INVALID';
}

const DEFAULT_FILE = 'credential-equivalences.json';

const ruleSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id must be lower-case letters, digits and dashes'),
    label: z.string().trim().min(3, 'label is too short').max(120, 'label is longer than 120 characters'),
    holds: z.enum(CREDENTIALS, { error: (i) => `holds: unknown credential ${JSON.stringify(i.input)}` }),
    satisfies: z
      .array(
        z.enum(CREDENTIALS, { error: (i) => `satisfies: unknown credential ${JSON.stringify(i.input)}` }),
      )
      .min(1, 'satisfies must name at least one credential'),
    condition: z.enum(EQUIVALENCE_CONDITIONS, {
      error: `condition must be one of ${EQUIVALENCE_CONDITIONS.join(', ')}`,
    }),
    onlyForSpecialties: z
      .array(
        z.enum(SPECIALTIES, {
          error: (i) => `onlyForSpecialties: unknown specialty ${JSON.stringify(i.input)}`,
        }),
      )
      .min(1, 'onlyForSpecialties, when present, must name a specialty')
      .optional(),
    note: z.string().optional(),
  })
  .refine((rule) => !rule.satisfies.includes(rule.holds), {
    message: 'a credential cannot be listed as satisfying itself',
    path: ['satisfies'],
  });

const fileSchema = z.strictObject({
  description: z.string().optional(),
  rules: z.array(z.unknown(), { error: 'the file must have a "rules" array' }),
});

/** Validates already-parsed JSON. Errors name the rule by position and id. */
export function parseEquivalenceRules(data: unknown, source = 'equivalence rules'): EquivalenceRule[] {
  const file = fileSchema.safeParse(data);
  if (!file.success) {
    throw new EquivalenceRulesError(`${source}: ${file.error.issues.map(describeIssue).join('; ')}`);
  }
  const seenIds = new Set<string>();
  return file.data.rules.map((raw, index) => {
    const rule = ruleSchema.safeParse(raw);
    const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : null;
    const name = `rule #${index + 1}${id ? ` ("${id}")` : ''}`;
    if (!rule.success) {
      throw new EquivalenceRulesError(
        `${source}: ${name}: ${rule.error.issues.map(describeIssue).join('; ')}`,
      );
    }
    if (seenIds.has(rule.data.id)) {
      throw new EquivalenceRulesError(`${source}: ${name}: id is used by an earlier rule`);
    }
    seenIds.add(rule.data.id);
    return rule.data;
  });
}

/** The rules shipped in libs/matching/data. */
export function defaultEquivalenceRules(): EquivalenceRule[] {
  return parseEquivalenceRules(shipped, `libs/matching/data/${DEFAULT_FILE}`);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  // Messages written above already start with their field name.
  return issue.message.startsWith(String(issue.path[0] ?? '\0')) ? issue.message : `${field}${issue.message}`;
}
