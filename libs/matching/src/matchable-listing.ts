import type { NormalizedListing } from '#normalizer';

/**
 * What matching needs from a listing: the normalizer's facts plus identity. A plain structural type so
 * the database layer can build it from a row without the rest of NormalizedListing.
 */
export type MatchableListing = Pick<
  NormalizedListing,
  | 'title'
  | 'role'
  | 'certifications'
  | 'specialties'
  | 'workMode'
  | 'remoteStates'
  | 'remoteExcludedStates'
  | 'remoteCountry'
  | 'locations'
  | 'salary'
  | 'employmentType'
  | 'minYearsExperience'
> & {
  id: string;
  employer: string | null;
  /** ISO 8601; null when the source gave no date. */
  postedAt: string | null;
};
