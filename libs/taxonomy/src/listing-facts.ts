import type {
  CodingSystem,
  Credential,
  EmploymentType,
  Role,
  SalaryPeriod,
  Specialty,
  WorkMode,
} from './vocabulary';

// The facts of a listing, defined once. The normalizer reads them from a posting (NormalizedListing
// adds the descriptions and the evidence), matching judges a subset (MatchableListing), the database
// stores them as columns (ListingEntity, whose field types point here) and the API shows them
// (ListingView adds identity and lifecycle).

export interface CertificationRequirements {
  /** Every one of these is required. */
  required: Credential[];
  /** Each inner group: at least one of its credentials is required. */
  anyOf: Credential[][];
  preferred: Credential[];
  /** Days after hire by which the required credentials must be held; null when required at hire. */
  requiredWithinDays: number | null;
  /** The posting accepts "or equivalent" credentials. */
  equivalentAccepted: boolean;
  /** The posting welcomes apprentices (CPC-A, CCA...) where it names the full credential. */
  apprenticeAccepted: boolean;
  /** Which of the credentials above are clinical licences (RN, LPN...) rather than certifications. */
  licences?: Credential[];
}

export interface ListingLocation {
  city: string | null;
  state: string | null;
  postalCode: string | null;
  lat: number | null;
  lon: number | null;
}

export interface ListingSalary {
  min: number | null;
  max: number | null;
  period: SalaryPeriod;
  currency: string;
  /** Annualised at 2,080 hours a year for hourly pay; null for per-chart pay. */
  annualMin: number | null;
  annualMax: number | null;
}

export interface ListingFacts {
  title: string;
  employer: string | null;
  role: Role;
  certifications: CertificationRequirements;
  specialties: Specialty[];
  codingSystems: CodingSystem[];
  workMode: WorkMode;
  /** States whose residents may work remotely; null when not restricted (or not remote). */
  remoteStates: string[] | null;
  remoteExcludedStates: string[];
  /** Remote but restricted to a country (ISO alpha-2), e.g. "US". */
  remoteCountry: string | null;
  locations: ListingLocation[];
  salary: ListingSalary | null;
  employmentType: EmploymentType;
  minYearsExperience: number | null;
  education: string | null;
  ehrSystems: string[];
  encoderSystems: string[];
  /** ISO 8601; null when the source gave no date. */
  postedAt: string | null;
  validThrough: string | null;
}

/** The facts matching judges a listing on, and its id: what a match pool holds. */
export const MATCHABLE_FACTS = [
  'title',
  'employer',
  'role',
  'certifications',
  'specialties',
  'workMode',
  'remoteStates',
  'remoteExcludedStates',
  'remoteCountry',
  'locations',
  'salary',
  'employmentType',
  'minYearsExperience',
  'postedAt',
] as const satisfies readonly (keyof ListingFacts)[];

export type MatchableListing = Pick<ListingFacts, (typeof MATCHABLE_FACTS)[number]> & { id: string };
