import type { ListingFacts, ListingLocation, ListingSalary } from '#taxonomy';

export type { CertificationRequirements } from '#taxonomy';
export type NormalizedLocation = ListingLocation;
export type NormalizedSalary = ListingSalary;

/** The phrase a fact was read from, for recruiters previewing a posting. */
export interface Evidence {
  field: string;
  value: unknown;
  phrase: string;
}

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
}
