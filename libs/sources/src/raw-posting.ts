// What a source adapter's parse step produces: the posting as the source gave it, before any reading
// of its meaning. Structured fields are passed through when the source has them so the normalizer can
// prefer them over what it reads from free text.

export interface RawLocation {
  /** Free text as the source wrote it, e.g. "Dallas, TX 75201" or "Remote - US". */
  text?: string | null;
  city?: string | null;
  /** Two-letter code or a full state name; the normalizer resolves it. */
  state?: string | null;
  postalCode?: string | null;
  /** ISO 3166 alpha-2 or a country name. */
  country?: string | null;
  lat?: number | null;
  lon?: number | null;
}

export interface RawSalary {
  min?: number | null;
  max?: number | null;
  /** ISO 4217, e.g. USD. */
  currency?: string | null;
  /** The source's unit text: HOUR, YEAR, "per hour", "annually", ... */
  unit?: string | null;
  /** Free text when the source gives pay as a sentence, e.g. "$22.00 - $27.50 per hour". */
  text?: string | null;
}

export interface RawPosting {
  /** The source's own id for the posting; stable across fetches. */
  externalId: string;
  title: string;
  employer?: string | null;
  /** Where a person reads or applies for the posting. */
  url?: string | null;
  description?: string | null;
  descriptionFormat?: 'html' | 'text';
  locations?: RawLocation[];
  /** True when the source flags the posting as remote (JSON-LD TELECOMMUTE, Lever workplaceType...). */
  remote?: boolean | null;
  /** Source-level workplace type when given: "remote", "hybrid", "onsite". */
  workplaceType?: string | null;
  /** Applicant location requirements as names ("Texas", "USA") when the source structures them. */
  applicantLocations?: string[];
  salary?: RawSalary | null;
  /** The source's employment type text: FULL_TIME, "Full-time", "Contract"... */
  employmentType?: string | null;
  department?: string | null;
  postedAt?: string | null;
  validThrough?: string | null;
  /** True when the source itself says the posting is closed or filled. */
  closed?: boolean;
  /** Other structured metadata worth reading (Greenhouse metadata, JSON-LD qualifications...). */
  extra?: Record<string, unknown>;
}

/** A posting an adapter could not use, and why (counted on the ingestion run). */
export interface SkippedPosting {
  externalId?: string | null;
  reason: string;
}

export interface ParseResult {
  postings: RawPosting[];
  skipped: SkippedPosting[];
}
