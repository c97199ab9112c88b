import type { ListingFacts, ListingLocation, ListingSalary } from '#taxonomy';

export type { CertificationRequirements } from '#taxonomy';
export type NormalizedLocation = ListingLocation;
export type NormalizedSalary = ListingSalary;

/** The phrase a fact was read from, for recruiters previewing a posting. */
export interface Evidence {
  field: string;
  value: unknown;
  phrase: string;
  /** Set where the fact is not written outright: how it was worked out from the phrase. */
  inferred?: string;
}

/** How sure a reading is: stated outright (high), read from context (medium), guessed (low). */
export type ConfidenceLevel = 'high' | 'medium' | 'low';

export interface FieldConfidence {
  level: ConfidenceLevel;
  /** What the reading rests on, in a recruiter's words. */
  basis: string;
}

/** Fields that carry a confidence when they hold a value. */
export type ConfidenceField = 'role' | 'salary' | 'remoteStates' | 'employmentType';

/** A posting as the normalizer reads it: the listing's facts, its descriptions, and the evidence. */
export interface NormalizedListing extends ListingFacts {
  /** The first location, or null. */
  location: ListingLocation | null;
  /** Years the posting only prefers (never a minimum); absent or null when it names none. */
  preferredYearsExperience?: number | null;
  /** Safe to render: no scripts, handlers, javascript: URLs, iframes or tracking pixels. */
  descriptionHtml: string;
  descriptionText: string;
  evidence: Evidence[];
  /** For each field read with a value, how sure the reading is and why. */
  confidence?: Partial<Record<ConfidenceField, FieldConfidence>>;
}
