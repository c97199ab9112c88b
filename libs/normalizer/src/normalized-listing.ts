import type {
  CodingSystem,
  Credential,
  EmploymentType,
  Role,
  SalaryPeriod,
  Specialty,
  WorkMode,
} from '#taxonomy';

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
}

export interface NormalizedLocation {
  city: string | null;
  state: string | null;
  postalCode: string | null;
  lat: number | null;
  lon: number | null;
}

export interface NormalizedSalary {
  min: number | null;
  max: number | null;
  period: SalaryPeriod;
  currency: string;
  /** Annualised at 2,080 hours a year for hourly pay; null for per-chart pay. */
  annualMin: number | null;
  annualMax: number | null;
}

/** The phrase a fact was read from, for recruiters previewing a posting. */
export interface Evidence {
  field: string;
  value: unknown;
  phrase: string;
}

export interface NormalizedListing {
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
  /** The first location, or null. */
  location: NormalizedLocation | null;
  locations: NormalizedLocation[];
  salary: NormalizedSalary | null;
  employmentType: EmploymentType;
  minYearsExperience: number | null;
  education: string | null;
  ehrSystems: string[];
  encoderSystems: string[];
  postedAt: string | null;
  validThrough: string | null;
  /** Safe to render: no scripts, handlers, javascript: URLs, iframes or tracking pixels. */
  descriptionHtml: string;
  descriptionText: string;
  evidence: Evidence[];
}
