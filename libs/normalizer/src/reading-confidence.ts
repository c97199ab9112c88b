// How sure each reading is, for the fields where the normalizer may have to work a value out rather
// than find it written: the role (from the duties, or from the title alone), the pay (a period word,
// or only the size of the amount), the remote states (a sentence, or states beside a remote tag) and
// the employment type (a word, or only the hours). Built from the evidence the extractors leave, so
// the preview and the listing say the same thing.
import type { ConfidenceField, Evidence, FieldConfidence, NormalizedListing } from './normalized-listing';
import type { RoleReading } from './classify-role';

const STATED: Record<ConfidenceField, string> = {
  role: 'read from the duties',
  salary: 'amount and period stated',
  remoteStates: 'states named as who may apply',
  employmentType: 'stated',
};

/** Readings made from the title alone, or from only the hours, are likely; guesses from size are not. */
const INFERRED_LEVEL: Record<ConfidenceField, FieldConfidence['level']> = {
  role: 'medium',
  salary: 'low',
  remoteStates: 'medium',
  employmentType: 'medium',
};

function hasValue(field: ConfidenceField, listing: Omit<NormalizedListing, 'confidence'>): boolean {
  if (field === 'salary') return listing.salary !== null;
  if (field === 'remoteStates') return listing.remoteStates !== null;
  if (field === 'employmentType') return listing.employmentType !== 'unknown';
  return true;
}

const ROLE_FROM_PROFESSION = 'the title names another profession';

export function readConfidence(
  listing: Omit<NormalizedListing, 'confidence'>,
  roleBasis: RoleReading['basis'],
): Partial<Record<ConfidenceField, FieldConfidence>> {
  const confidence: Partial<Record<ConfidenceField, FieldConfidence>> = {};
  for (const field of Object.keys(STATED) as ConfidenceField[]) {
    if (!hasValue(field, listing)) continue;
    if (field === 'role' && roleBasis === 'profession') {
      confidence.role = { level: 'high', basis: ROLE_FROM_PROFESSION };
      continue;
    }
    const read = listing.evidence.filter((e: Evidence) => e.field === field);
    const inferred = read.find((e) => e.inferred)?.inferred;
    // A role of "other" that nothing named is a default, not a reading.
    if (field === 'role' && listing.role === 'other' && inferred) {
      confidence.role = { level: 'low', basis: inferred };
    } else if (inferred && read.every((e) => e.inferred)) {
      confidence[field] = { level: INFERRED_LEVEL[field], basis: inferred };
    } else {
      confidence[field] = { level: 'high', basis: STATED[field] };
    }
  }
  return confidence;
}
