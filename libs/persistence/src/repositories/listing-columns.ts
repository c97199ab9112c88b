import { getMetadataArgsStorage } from 'typeorm';
import type { MatchableListing } from '#taxonomy';
import { ListingEntity } from '../entities/listing.entity';

// Every SELECT of listing rows names its columns through here, from the entity's own column
// definitions: rows come back keyed by entity field (camelCase), whichever query read them, and one
// mapping per shape turns them into the listing's facts.

/** A listing row as a raw query returns it: numeric columns arrive as strings. */
export type ListingRow = Omit<ListingEntity, 'salaryMin' | 'salaryMax' | 'employer'> & {
  salaryMin: string | number | null;
  salaryMax: string | number | null;
};

export type ListingField = keyof ListingRow;

/** Column name of each entity field, as declared on ListingEntity. */
const COLUMN_OF = new Map(
  getMetadataArgsStorage()
    .columns.filter((c) => c.target === ListingEntity)
    .map((c) => [c.propertyName, c.options.name ?? c.propertyName]),
);

/** `l.title, l.employer_name AS "employerName", ...`: the fields asked for, aliased to their field names. */
export function listingColumnsSql(fields: readonly ListingField[], alias = 'l'): string {
  return fields
    .map((field) => {
      const column = COLUMN_OF.get(field);
      if (!column) throw new Error(`listings has no column for ${field}`);
      return column === field ? `${alias}.${column}` : `${alias}.${column} AS "${field}"`;
    })
    .join(', ');
}

/** The columns MatchableListing is built from. */
export const MATCHABLE_COLUMNS = [
  'id',
  'title',
  'employerName',
  'role',
  'certsRequired',
  'certsAnyOf',
  'certsPreferred',
  'certsWithinDays',
  'certsEquivalentAccepted',
  'certsApprenticeAccepted',
  'specialties',
  'workMode',
  'remoteStates',
  'remoteExcludedStates',
  'remoteCountry',
  'locations',
  'salaryMin',
  'salaryMax',
  'salaryPeriod',
  'salaryCurrency',
  'payAnnualMin',
  'payAnnualMax',
  'employmentType',
  'minYearsExperience',
  'postedAt',
] as const satisfies readonly ListingField[];

export type MatchableRow = Pick<ListingRow, (typeof MATCHABLE_COLUMNS)[number]>;

const num = (v: string | number | null) => (v === null ? null : Number(v));

/** The matchable facts of a row: nested back from the flat columns. */
export function toMatchableListing(r: MatchableRow): MatchableListing {
  return {
    id: r.id,
    title: r.title,
    employer: r.employerName,
    role: r.role,
    certifications: {
      required: r.certsRequired,
      anyOf: r.certsAnyOf,
      preferred: r.certsPreferred,
      requiredWithinDays: r.certsWithinDays,
      equivalentAccepted: r.certsEquivalentAccepted,
      apprenticeAccepted: r.certsApprenticeAccepted,
    },
    specialties: r.specialties,
    workMode: r.workMode,
    remoteStates: r.remoteStates,
    remoteExcludedStates: r.remoteExcludedStates,
    remoteCountry: r.remoteCountry,
    locations: r.locations,
    salary:
      r.salaryPeriod === null
        ? null
        : {
            min: num(r.salaryMin),
            max: num(r.salaryMax),
            period: r.salaryPeriod,
            currency: r.salaryCurrency ?? 'USD',
            annualMin: r.payAnnualMin,
            annualMax: r.payAnnualMax,
          },
    employmentType: r.employmentType,
    minYearsExperience: r.minYearsExperience,
    postedAt: r.postedAt ? r.postedAt.toISOString() : null,
  };
}
