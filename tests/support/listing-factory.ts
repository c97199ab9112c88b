import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { contentFingerprint, listingFingerprint } from '#ingestion';
import type { NormalizedListing } from '#normalizer';
import { ListingEntity, ListingLocationEntity, toListingContent, type ListingStatus } from '#persistence';

// The places the matching specs use, so API suites and specs agree on where Dallas is.
import { DALLAS } from '#matching/testing';

export { DALLAS, FORT_WORTH, HOUSTON, PLANO, TULSA, hourly, yearly } from '#matching/testing';

/**
 * Facts a test cares about: any NormalizedListing field, plus lifecycle. Everything else is a plain,
 * open, remote coder listing, so each test states only what it is about.
 */
export type ListingFacts = Partial<Omit<NormalizedListing, 'certifications' | 'evidence'>> & {
  certifications?: Partial<NormalizedListing['certifications']>;
  id?: string;
  status?: ListingStatus;
  /** First seen; also the sort date when postedAt is absent. Default: postedAt, else now. */
  seenAt?: Date;
};

const DAY_MS = 86_400_000;

/** An ISO timestamp n days before now. */
export const daysAgo = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString();

export function normalizedListing(facts: ListingFacts = {}): Omit<NormalizedListing, 'evidence'> {
  const { certifications, id: _id, status: _status, seenAt: _seenAt, ...rest } = facts;
  const locations = rest.locations ?? (rest.location ? [rest.location] : [DALLAS]);
  const title = rest.title ?? 'Medical Coder';
  const text = rest.descriptionText ?? `${title}. Assign ICD-10-CM and CPT codes.`;
  return {
    title,
    employer: 'Lone Star Health',
    role: 'coder',
    specialties: ['profee'],
    codingSystems: ['ICD-10-CM', 'CPT'],
    workMode: 'remote',
    remoteStates: null,
    remoteExcludedStates: [],
    remoteCountry: rest.workMode === undefined || rest.workMode === 'remote' ? 'US' : null,
    salary: null,
    employmentType: 'full_time',
    minYearsExperience: null,
    education: null,
    ehrSystems: [],
    encoderSystems: [],
    postedAt: new Date().toISOString(),
    validThrough: null,
    descriptionHtml: `<p>${text}</p>`,
    ...rest,
    descriptionText: text,
    location: locations[0] ?? null,
    locations,
    certifications: {
      required: [],
      anyOf: [],
      preferred: [],
      requiredWithinDays: null,
      equivalentAccepted: false,
      apprenticeAccepted: false,
      ...certifications,
    },
  };
}

/** A complete listings row (camelCase entity fields) for the given facts. */
export function listingEntity(facts: ListingFacts = {}, now = new Date()): ListingEntity {
  const n = normalizedListing(facts);
  const posted = n.postedAt ? new Date(n.postedAt) : null;
  const seenAt = facts.seenAt ?? posted ?? now;
  const status = facts.status ?? 'open';
  return Object.assign(new ListingEntity(), {
    ...toListingContent(n, `https://jobs.example.org/${encodeURIComponent(n.title)}`),
    id: facts.id ?? randomUUID(),
    origin: 'feed',
    status,
    closedReason: status === 'closed' ? 'missing' : null,
    closedAt: status === 'closed' ? now : null,
    fingerprint: listingFingerprint(n.employer, n.title),
    contentFingerprint: contentFingerprint(n.title, n.descriptionText),
    employerId: null,
    sortAt: posted && posted < seenAt ? posted : seenAt,
    firstSeenAt: seenAt,
    changedAt: now,
    createdAt: now,
    updatedAt: now,
  });
}

/** Inserts listings and their location rows (as ingestion writes them); returns the rows. */
export async function insertListings(ds: DataSource, facts: ListingFacts[]): Promise<ListingEntity[]> {
  const rows = facts.map((f) => listingEntity(f));
  if (rows.length === 0) return rows;
  await ds.getRepository(ListingEntity).insert(rows);
  const locations = rows.flatMap((l) =>
    l.locations.map((loc) => ({
      listingId: l.id,
      city: loc.city,
      state: loc.state,
      postalCode: loc.postalCode,
      lat: loc.lat,
      lon: loc.lon,
    })),
  );
  if (locations.length > 0) await ds.getRepository(ListingLocationEntity).insert(locations);
  return rows;
}

/**
 * The same row keyed by column name, JSON-ready, for bulk loads through
 * `jsonb_populate_recordset(NULL::listings, $1)` (the benchmark loads a million this way).
 */
export function listingColumns(ds: DataSource, row: ListingEntity): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of ds.getMetadata(ListingEntity).columns) {
    if (column.relationMetadata) continue;
    const value = (row as unknown as Record<string, unknown>)[column.propertyName];
    out[column.databaseName] = value instanceof Date ? value.toISOString() : (value ?? null);
  }
  return out;
}
