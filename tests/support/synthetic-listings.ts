import type { NormalizedListing, NormalizedLocation, NormalizedSalary } from '#normalizer';
import type { CodingSystem, Credential, EmploymentType, Role, Specialty, WorkMode } from '#taxonomy';
import type { CandidateProfile } from '#matching';

// Seeded, realistic synthetic listings and candidate profiles for benchmarks and load tests. The same
// seed gives the same sequence on every machine. Listings stream from a generator so a million of
// them never sit in memory at once; each costs a few object allocations and one short description.

export type SyntheticListing = NormalizedListing & { id: string };

// ---------------------------------------------------------------------------------------------------
// Random numbers

/** mulberry32: small, fast and good enough for test data (not for anything secret). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const between = (random: Random, min: number, max: number): number => min + random() * (max - min);
const chance = (random: Random, p: number): boolean => random() < p;

/** Picks by weight from [item, weight] pairs; the table is turned into cumulative form once. */
function weighted<T>(pairs: readonly (readonly [T, number])[]): (random: Random) => T {
  const total = pairs.reduce((sum, [, w]) => sum + w, 0);
  let running = 0;
  const cumulative = pairs.map(([item, w]) => [item, (running += w / total)] as const);
  return (random) => {
    const r = random();
    for (const [item, edge] of cumulative) if (r < edge) return item;
    return cumulative[cumulative.length - 1][0];
  };
}

// ---------------------------------------------------------------------------------------------------
// Places: downtown coordinates of US cities, with a rough size class used as a sampling weight.

export interface UsCity {
  city: string;
  state: string;
  postalCode: string;
  lat: number;
  lon: number;
  /** 1 small, 3 mid-size, 5 large metro. */
  size: number;
}

const CITY_ROWS: [string, string, string, number, number, number][] = [
  ['New York', 'NY', '10001', 40.7128, -74.006, 5],
  ['Los Angeles', 'CA', '90012', 34.0522, -118.2437, 5],
  ['Chicago', 'IL', '60602', 41.8781, -87.6298, 5],
  ['Houston', 'TX', '77002', 29.7604, -95.3698, 5],
  ['Phoenix', 'AZ', '85004', 33.4484, -112.074, 5],
  ['Philadelphia', 'PA', '19107', 39.9526, -75.1652, 5],
  ['San Antonio', 'TX', '78205', 29.4241, -98.4936, 3],
  ['San Diego', 'CA', '92101', 32.7157, -117.1611, 3],
  ['Dallas', 'TX', '75201', 32.7767, -96.797, 5],
  ['San Jose', 'CA', '95113', 37.3382, -121.8863, 3],
  ['Austin', 'TX', '78701', 30.2672, -97.7431, 3],
  ['Jacksonville', 'FL', '32202', 30.3322, -81.6557, 3],
  ['Fort Worth', 'TX', '76102', 32.7555, -97.3308, 3],
  ['Columbus', 'OH', '43215', 39.9612, -82.9988, 3],
  ['Charlotte', 'NC', '28202', 35.2271, -80.8431, 3],
  ['Indianapolis', 'IN', '46204', 39.7684, -86.1581, 3],
  ['San Francisco', 'CA', '94102', 37.7749, -122.4194, 3],
  ['Seattle', 'WA', '98101', 47.6062, -122.3321, 3],
  ['Denver', 'CO', '80202', 39.7392, -104.9903, 3],
  ['Washington', 'DC', '20001', 38.9072, -77.0369, 3],
  ['Nashville', 'TN', '37203', 36.1627, -86.7816, 3],
  ['Oklahoma City', 'OK', '73102', 35.4676, -97.5164, 3],
  ['El Paso', 'TX', '79901', 31.7619, -106.485, 1],
  ['Boston', 'MA', '02108', 42.3601, -71.0589, 5],
  ['Portland', 'OR', '97204', 45.5152, -122.6784, 3],
  ['Las Vegas', 'NV', '89101', 36.1699, -115.1398, 3],
  ['Detroit', 'MI', '48226', 42.3314, -83.0458, 3],
  ['Memphis', 'TN', '38103', 35.1495, -90.049, 3],
  ['Louisville', 'KY', '40202', 38.2527, -85.7585, 3],
  ['Baltimore', 'MD', '21202', 39.2904, -76.6122, 3],
  ['Milwaukee', 'WI', '53202', 43.0389, -87.9065, 3],
  ['Albuquerque', 'NM', '87102', 35.0844, -106.6504, 1],
  ['Tucson', 'AZ', '85701', 32.2226, -110.9747, 1],
  ['Fresno', 'CA', '93721', 36.7378, -119.7871, 1],
  ['Sacramento', 'CA', '95814', 38.5816, -121.4944, 3],
  ['Kansas City', 'MO', '64106', 39.0997, -94.5786, 3],
  ['Mesa', 'AZ', '85201', 33.4152, -111.8315, 1],
  ['Atlanta', 'GA', '30303', 33.749, -84.388, 5],
  ['Omaha', 'NE', '68102', 41.2565, -95.9345, 1],
  ['Colorado Springs', 'CO', '80903', 38.8339, -104.8214, 1],
  ['Raleigh', 'NC', '27601', 35.7796, -78.6382, 3],
  ['Miami', 'FL', '33130', 25.7617, -80.1918, 5],
  ['Minneapolis', 'MN', '55401', 44.9778, -93.265, 3],
  ['Tulsa', 'OK', '74103', 36.154, -95.9928, 1],
  ['Cleveland', 'OH', '44113', 41.4993, -81.6944, 3],
  ['Wichita', 'KS', '67202', 37.6872, -97.3301, 1],
  ['New Orleans', 'LA', '70112', 29.9511, -90.0715, 3],
  ['Tampa', 'FL', '33602', 27.9506, -82.4572, 3],
  ['Arlington', 'TX', '76010', 32.7357, -97.1081, 1],
  ['Honolulu', 'HI', '96813', 21.3069, -157.8583, 1],
  ['Pittsburgh', 'PA', '15222', 40.4406, -79.9959, 3],
  ['Cincinnati', 'OH', '45202', 39.1031, -84.512, 3],
  ['St. Louis', 'MO', '63101', 38.627, -90.1994, 3],
  ['Orlando', 'FL', '32801', 28.5383, -81.3792, 3],
  ['Salt Lake City', 'UT', '84101', 40.7608, -111.891, 3],
  ['Boise', 'ID', '83702', 43.615, -116.2023, 1],
  ['Birmingham', 'AL', '35203', 33.5186, -86.8104, 3],
  ['Little Rock', 'AR', '72201', 34.7465, -92.2896, 1],
  ['Jackson', 'MS', '39201', 32.2988, -90.1848, 1],
  ['Des Moines', 'IA', '50309', 41.5868, -93.625, 1],
  ['Richmond', 'VA', '23219', 37.5407, -77.436, 3],
  ['Virginia Beach', 'VA', '23451', 36.8529, -75.978, 1],
  ['Buffalo', 'NY', '14202', 42.8864, -78.8784, 1],
  ['Rochester', 'NY', '14604', 43.1566, -77.6088, 1],
  ['Albany', 'NY', '12207', 42.6526, -73.7562, 1],
  ['Hartford', 'CT', '06103', 41.7658, -72.6734, 1],
  ['Providence', 'RI', '02903', 41.824, -71.4128, 1],
  ['Newark', 'NJ', '07102', 40.7357, -74.1724, 3],
  ['Jersey City', 'NJ', '07302', 40.7178, -74.0431, 1],
  ['Madison', 'WI', '53703', 43.0731, -89.4012, 1],
  ['Grand Rapids', 'MI', '49503', 42.9634, -85.6681, 1],
  ['Spokane', 'WA', '99201', 47.6588, -117.426, 1],
  ['Tacoma', 'WA', '98402', 47.2529, -122.4443, 1],
  ['Reno', 'NV', '89501', 39.5296, -119.8138, 1],
  ['Billings', 'MT', '59101', 45.7833, -108.5007, 1],
  ['Fargo', 'ND', '58102', 46.8772, -96.7898, 1],
  ['Sioux Falls', 'SD', '57104', 43.5446, -96.7311, 1],
  ['Lincoln', 'NE', '68508', 40.8136, -96.7026, 1],
  ['Charleston', 'SC', '29401', 32.7765, -79.9311, 1],
  ['Columbia', 'SC', '29201', 34.0007, -81.0348, 1],
  ['Knoxville', 'TN', '37902', 35.9606, -83.9207, 1],
  ['Chattanooga', 'TN', '37402', 35.0456, -85.3097, 1],
  ['Lexington', 'KY', '40507', 38.0406, -84.5037, 1],
  ['Savannah', 'GA', '31401', 32.0809, -81.0912, 1],
  ['Baton Rouge', 'LA', '70801', 30.4515, -91.1871, 1],
  ['Shreveport', 'LA', '71101', 32.5252, -93.7502, 1],
  ['Corpus Christi', 'TX', '78401', 27.8006, -97.3964, 1],
  ['Lubbock', 'TX', '79401', 33.5779, -101.8552, 1],
  ['Plano', 'TX', '75074', 33.0198, -96.6989, 1],
  ['Irving', 'TX', '75039', 32.814, -96.9489, 1],
  ['Frisco', 'TX', '75034', 33.1507, -96.8236, 1],
  ['Sugar Land', 'TX', '77478', 29.6197, -95.6349, 1],
  ['The Woodlands', 'TX', '77380', 30.1658, -95.4613, 1],
  ['Round Rock', 'TX', '78664', 30.5083, -97.6789, 1],
  ['Scottsdale', 'AZ', '85251', 33.4942, -111.9261, 1],
  ['Tempe', 'AZ', '85281', 33.4255, -111.94, 1],
  ['Anchorage', 'AK', '99501', 61.2181, -149.9003, 1],
  ['Portland', 'ME', '04101', 43.6591, -70.2568, 1],
  ['Manchester', 'NH', '03101', 42.9956, -71.4548, 1],
  ['Burlington', 'VT', '05401', 44.4759, -73.2121, 1],
  ['Wilmington', 'DE', '19801', 39.7391, -75.5398, 1],
  ['Charleston', 'WV', '25301', 38.3498, -81.6326, 1],
  ['Cheyenne', 'WY', '82001', 41.14, -104.8202, 1],
  ['Akron', 'OH', '44308', 41.0814, -81.519, 1],
  ['Toledo', 'OH', '43604', 41.6528, -83.5379, 1],
  ['Fort Lauderdale', 'FL', '33301', 26.1224, -80.1373, 1],
  ['St. Petersburg', 'FL', '33701', 27.7676, -82.6403, 1],
  ['Aurora', 'CO', '80012', 39.7294, -104.8319, 1],
  ['Long Beach', 'CA', '90802', 33.7701, -118.1937, 1],
  ['Oakland', 'CA', '94612', 37.8044, -122.2712, 1],
  ['Irvine', 'CA', '92618', 33.6846, -117.8265, 1],
  ['Durham', 'NC', '27701', 35.994, -78.8986, 1],
  ['Greensboro', 'NC', '27401', 36.0726, -79.792, 1],
  ['Springfield', 'IL', '62701', 39.7817, -89.6501, 1],
  ['Evanston', 'IL', '60201', 42.0451, -87.6877, 1],
  ['Ann Arbor', 'MI', '48104', 42.2808, -83.743, 1],
  ['Rochester', 'MN', '55902', 44.0121, -92.4802, 1],
  ['Metairie', 'LA', '70001', 29.9841, -90.1529, 1],
  ['Mobile', 'AL', '36602', 30.6954, -88.0399, 1],
  ['Huntsville', 'AL', '35801', 34.7304, -86.5861, 1],
  ['Gainesville', 'FL', '32601', 29.6516, -82.3248, 1],
  ['Tallahassee', 'FL', '32301', 30.4383, -84.2807, 1],
];

export const US_CITIES: readonly UsCity[] = CITY_ROWS.map(([city, state, postalCode, lat, lon, size]) => ({
  city,
  state,
  postalCode,
  lat,
  lon,
  size,
}));

const CITY_BY_NAME = new Map(US_CITIES.map((c) => [`${c.city}, ${c.state}`.toLowerCase(), c]));
const CITY_BY_POSTAL_CODE = new Map(US_CITIES.map((c) => [c.postalCode, c]));

/** Resolves "City, ST" or a ZIP code from the table, the way the API resolves a home (null if unknown). */
export function findCity(cityOrPostalCode: string): UsCity | null {
  const key = cityOrPostalCode.trim();
  return CITY_BY_POSTAL_CODE.get(key.slice(0, 5)) ?? CITY_BY_NAME.get(key.toLowerCase()) ?? null;
}

const pickCity = weighted(US_CITIES.map((c) => [c, c.size] as const));
const STATES_WITH_CITIES = [...new Set(US_CITIES.map((c) => c.state))];

// ---------------------------------------------------------------------------------------------------
// Employers: invented names, skewed so that a few large employers post much more than the rest.

const EMPLOYER_PLACES = [
  'Lakeside', 'Summit', 'Riverbend', 'Prairie', 'Cedar Valley', 'Harbor', 'Pinnacle', 'Keystone',
  'Bluebonnet', 'Magnolia', 'Northstar', 'Evergreen', 'Red Rock', 'Bayview', 'Granite', 'Sunbelt',
  'Heartland', 'Pioneer', 'Silver Creek', 'Oak Hollow',
]; // prettier-ignore
const EMPLOYER_KINDS = [
  'Health System', 'Regional Medical Center', 'Physicians Group', 'Revenue Cycle Services',
  'Coding Solutions', 'Billing Partners', 'Orthopedic Associates', 'Cancer Institute', 'Home Health',
  'Health Plan', 'Children\'s Hospital', 'Emergency Physicians',
]; // prettier-ignore
const EMPLOYERS = EMPLOYER_PLACES.flatMap((place) => EMPLOYER_KINDS.map((kind) => `${place} ${kind}`));
/** Squaring the uniform draw favours the first names: a few employers post a lot. */
const pickEmployer = (random: Random): string =>
  EMPLOYERS[Math.floor(random() * random() * EMPLOYERS.length)];

// ---------------------------------------------------------------------------------------------------
// What a role looks like in a posting.

type CredentialPattern = {
  required?: Credential[];
  anyOf?: Credential[][];
  preferred?: Credential[];
  equivalentAccepted?: boolean;
  apprenticeAccepted?: boolean;
  withinDays?: number;
};

interface RoleProfile {
  titles: string[];
  specialties: Specialty[][];
  credentials: (readonly [CredentialPattern, number])[];
  /** Hourly range [low, high] when paid by the hour, annual otherwise. */
  hourly: [number, number];
  annual: [number, number];
  hourlyShare: number;
  years: number[];
}

const CODER_SPECIALTIES: Specialty[][] = [
  ['inpatient'], ['inpatient'], ['outpatient'], ['outpatient', 'emergency'], ['profee'], ['profee', 'em'],
  ['profee', 'cardiology'], ['profee', 'orthopedics'], ['radiology'], ['radiology', 'interventional_radiology'],
  ['anesthesia'], ['oncology'], ['surgery', 'outpatient'], ['risk_adjustment'], ['risk_adjustment'],
  ['pathology_lab'], ['home_health'], ['emergency'], ['pediatrics', 'profee'], ['obgyn', 'profee'], ['general'],
]; // prettier-ignore

const ROLE_PROFILES: Record<Role, RoleProfile> = {
  coder: {
    titles: [
      'Medical Coder',
      'Medical Coder II',
      'Coding Specialist',
      'Certified Coder',
      'Senior Medical Coder',
      'Coder I',
    ],
    specialties: CODER_SPECIALTIES,
    credentials: [
      [{ anyOf: [['CPC', 'CCS', 'CCS-P']] }, 5],
      [{ required: ['CPC'] }, 3],
      [{ required: ['CPC'], equivalentAccepted: true }, 2],
      [{ required: ['CPC'], apprenticeAccepted: true }, 1],
      [{ required: ['CCS'] }, 2],
      [{ anyOf: [['RHIT', 'RHIA', 'CCS']] }, 1],
      [{ required: ['CRC'], preferred: ['CPC'] }, 1],
      [{ required: ['CPC'], withinDays: 180 }, 1],
      [{ preferred: ['CPC', 'CCS'] }, 1],
    ],
    hourly: [20, 34],
    annual: [45_000, 78_000],
    hourlyShare: 0.55,
    years: [1, 2, 2, 3, 3, 5],
  },
  biller: {
    titles: ['Medical Biller', 'Billing Specialist', 'Patient Account Representative', 'Billing Coordinator'],
    specialties: [
      ['general'],
      ['profee'],
      ['behavioral_health'],
      ['ambulance'],
      ['dental'],
      ['home_health'],
      ['anesthesia'],
    ],
    credentials: [
      [{}, 6],
      [{ preferred: ['CPB'] }, 3],
      [{ anyOf: [['CPB', 'CBCS', 'CMRS']] }, 1],
    ],
    hourly: [16, 26],
    annual: [36_000, 52_000],
    hourlyShare: 0.85,
    years: [0, 1, 1, 2, 3],
  },
  coder_biller: {
    titles: ['Medical Coder/Biller', 'Billing and Coding Specialist', 'Coding and Reimbursement Specialist'],
    specialties: [['profee'], ['general'], ['outpatient'], ['behavioral_health'], ['urgent_care']],
    credentials: [
      [{ anyOf: [['CPC', 'CPB', 'CBCS']] }, 3],
      [{ required: ['CPC'], apprenticeAccepted: true }, 1],
      [{ preferred: ['CPC'] }, 2],
    ],
    hourly: [18, 28],
    annual: [40_000, 58_000],
    hourlyShare: 0.8,
    years: [1, 2, 2, 3],
  },
  auditor: {
    titles: ['Coding Auditor', 'Coding Quality Auditor', 'Senior Coding Auditor', 'Clinical Coding Auditor'],
    specialties: [['inpatient'], ['profee'], ['outpatient'], ['risk_adjustment']],
    credentials: [
      [{ required: ['CPMA'], anyOf: [['CPC', 'CCS']] }, 2],
      [{ anyOf: [['CPC', 'CCS', 'CIC']], preferred: ['CPMA'] }, 3],
      [{ required: ['CCS'] }, 1],
    ],
    hourly: [32, 45],
    annual: [65_000, 95_000],
    hourlyShare: 0.2,
    years: [3, 4, 5, 5],
  },
  cdi: {
    titles: [
      'Clinical Documentation Specialist',
      'CDI Specialist',
      'Clinical Documentation Integrity Specialist',
    ],
    specialties: [['inpatient'], ['inpatient'], ['outpatient']],
    credentials: [
      [{ required: ['RN'], preferred: ['CCDS', 'CDIP'] }, 3],
      [{ anyOf: [['CCDS', 'CDIP']] }, 2],
      [{ required: ['RN', 'CCDS'] }, 1],
    ],
    hourly: [38, 55],
    annual: [78_000, 115_000],
    hourlyShare: 0.2,
    years: [2, 3, 3, 5],
  },
  ar_denials: {
    titles: [
      'AR Follow-Up Specialist',
      'Denials Specialist',
      'Accounts Receivable Representative',
      'Denial Management Analyst',
    ],
    specialties: [['general'], ['profee'], ['inpatient'], ['outpatient']],
    credentials: [
      [{}, 7],
      [{ preferred: ['CRCR'] }, 2],
      [{ preferred: ['CPB'] }, 1],
    ],
    hourly: [17, 27],
    annual: [38_000, 58_000],
    hourlyShare: 0.85,
    years: [1, 1, 2, 3],
  },
  educator: {
    titles: ['Coding Educator', 'Coding Education Specialist', 'Coding Trainer'],
    specialties: [['profee'], ['inpatient'], ['outpatient']],
    credentials: [
      [{ anyOf: [['CPC', 'CCS']], preferred: ['CPMA'] }, 3],
      [{ required: ['CCS'], preferred: ['RHIT'] }, 1],
    ],
    hourly: [32, 42],
    annual: [65_000, 88_000],
    hourlyShare: 0.2,
    years: [3, 5, 5],
  },
  him_other: {
    titles: [
      'HIM Technician',
      'Health Information Specialist',
      'Release of Information Specialist',
      'Medical Records Technician',
    ],
    specialties: [['general'], ['inpatient']],
    credentials: [
      [{}, 4],
      [{ required: ['RHIT'] }, 2],
      [{ preferred: ['RHIT'] }, 2],
    ],
    hourly: [16, 25],
    annual: [35_000, 52_000],
    hourlyShare: 0.9,
    years: [0, 1, 2],
  },
  other: {
    titles: ['Medical Office Assistant', 'Patient Access Representative', 'Front Desk Coordinator'],
    specialties: [['general']],
    credentials: [
      [{}, 5],
      [{ preferred: ['CMAA'] }, 1],
    ],
    hourly: [15, 21],
    annual: [31_000, 42_000],
    hourlyShare: 0.95,
    years: [0, 1],
  },
};

const pickRole = weighted<Role>([
  ['coder', 45],
  ['biller', 14],
  ['coder_biller', 9],
  ['auditor', 7],
  ['cdi', 6],
  ['ar_denials', 10],
  ['educator', 2],
  ['him_other', 4],
  ['other', 3],
]);
const pickWorkMode = weighted<WorkMode>([
  ['remote', 50],
  ['hybrid', 18],
  ['onsite', 27],
  ['unknown', 5],
]);
const pickEmploymentType = weighted<EmploymentType>([
  ['full_time', 74],
  ['part_time', 8],
  ['contract', 10],
  ['per_diem', 3],
  ['temporary', 2],
  ['unknown', 3],
]);
const credentialPickers = Object.fromEntries(
  Object.entries(ROLE_PROFILES).map(([role, p]) => [role, weighted(p.credentials)]),
) as Record<Role, (random: Random) => CredentialPattern>;

/** States often left out of remote postings (payroll and pay-transparency rules). */
const OFTEN_EXCLUDED = ['CA', 'NY', 'WA', 'CO', 'IL', 'NJ', 'MA', 'HI', 'AK'];
const NEIGHBOURS: Record<string, string[]> = {
  TX: ['OK', 'AR', 'LA', 'NM'], FL: ['GA', 'AL', 'SC'], GA: ['FL', 'SC', 'AL', 'TN', 'NC'],
  OH: ['MI', 'IN', 'KY', 'PA', 'WV'], CA: ['NV', 'AZ', 'OR'], NY: ['NJ', 'PA', 'CT'],
  IL: ['IN', 'WI', 'MO', 'IA'], TN: ['KY', 'AL', 'MS', 'GA', 'NC'], AZ: ['NM', 'UT', 'NV'],
  MN: ['WI', 'IA', 'ND', 'SD'], CO: ['UT', 'WY', 'NM', 'KS'], WA: ['OR', 'ID'],
  NC: ['SC', 'VA', 'TN'], PA: ['NJ', 'NY', 'OH', 'MD', 'DE'], MO: ['KS', 'IL', 'AR', 'OK'],
}; // prettier-ignore

const CODING_SYSTEMS_BY_SPECIALTY: Partial<Record<Specialty, CodingSystem[]>> = {
  inpatient: ['ICD-10-CM', 'ICD-10-PCS', 'DRG'],
  outpatient: ['ICD-10-CM', 'CPT', 'HCPCS', 'APC'],
  risk_adjustment: ['ICD-10-CM', 'HCC'],
};
const EHRS = ['Epic', 'Cerner', 'Meditech', 'athenahealth', 'eClinicalWorks', 'NextGen'];
const ENCODERS = ['3M 360 Encompass', 'Optum EncoderPro', 'TruCode'];
const DAY_MS = 86_400_000;

export interface ListingGeneratorOptions {
  /** postedAt falls in the 90 days before this date. Default 2026-03-01, so runs are reproducible. */
  referenceDate?: Date;
}

function location(city: UsCity, mapped: boolean): NormalizedLocation {
  return {
    city: city.city,
    state: city.state,
    postalCode: city.postalCode,
    lat: mapped ? city.lat : null,
    lon: mapped ? city.lon : null,
  };
}

function salaryFor(random: Random, p: RoleProfile): NormalizedSalary | null {
  const roll = random();
  if (roll < 0.38) return null;
  if (roll < 0.4) {
    const min = Math.round(between(random, 1, 3) * 4) / 4;
    return { min, max: min + 1, period: 'chart', currency: 'USD', annualMin: null, annualMax: null };
  }
  if (random() < p.hourlyShare) {
    const min = Math.round(between(random, p.hourly[0], p.hourly[1] - 3));
    const max = chance(random, 0.2) ? null : min + Math.round(between(random, 2, 7));
    return {
      min,
      max,
      period: 'hour',
      currency: 'USD',
      annualMin: min * 2080,
      annualMax: max === null ? null : max * 2080,
    };
  }
  const min = Math.round(between(random, p.annual[0], p.annual[1] - 6000) / 1000) * 1000;
  const max = min + Math.round(between(random, 4000, 15_000) / 1000) * 1000;
  return { min, max, period: 'year', currency: 'USD', annualMin: min, annualMax: max };
}

function remoteRestrictions(random: Random, home: UsCity): { states: string[] | null; excluded: string[] } {
  const roll = random();
  if (roll < 0.3) {
    const states = new Set<string>([
      home.state,
      ...(NEIGHBOURS[home.state] ?? []).filter(() => chance(random, 0.6)),
    ]);
    const extra = Math.floor(random() * 6);
    for (let i = 0; i < extra; i++) states.add(pick(random, STATES_WITH_CITIES));
    return { states: [...states], excluded: [] };
  }
  if (roll < 0.42) {
    return {
      states: null,
      excluded: OFTEN_EXCLUDED.filter(() => chance(random, 0.35)).filter((s) => s !== home.state),
    };
  }
  return { states: null, excluded: [] };
}

function describeListing(
  title: string,
  employer: string,
  where: string,
  specialties: Specialty[],
  creds: CredentialPattern,
  years: number | null,
): string {
  const credText = creds.required?.length
    ? `${creds.required.join(' and ')} required${creds.equivalentAccepted ? ' or equivalent' : ''}${creds.withinDays ? ` within ${creds.withinDays} days of hire` : ''}.`
    : creds.anyOf?.length
      ? `One of ${creds.anyOf[0].join(', ')} required.`
      : 'Certification not required.';
  const apprentice = creds.apprenticeAccepted ? ' Apprentices (CPC-A) welcome.' : '';
  const preferred = creds.preferred?.length ? ` ${creds.preferred.join(' or ')} preferred.` : '';
  const experience = years === null ? '' : ` At least ${years} year${years === 1 ? '' : 's'} of experience.`;
  return `${employer} is hiring a ${title} (${where}). Focus: ${specialties.join(', ')}. ${credText}${apprentice}${preferred}${experience} Productivity and accuracy standards apply; benefits include PTO and CEU support.`;
}

/** Streams `count` listings; the same seed always gives the same listings. */
export function* generateListings(
  seed: number,
  count: number,
  options: ListingGeneratorOptions = {},
): Generator<SyntheticListing> {
  const random = createRandom(seed);
  const reference = (options.referenceDate ?? new Date('2026-03-01T00:00:00Z')).getTime();
  // days[90 + n] is n days before the reference date, days[30 + n] 60 days after that; a listing
  // posted "0 days ago" is dated the day before, so nothing is posted after the reference date.
  const days = Array.from({ length: 182 }, (_, i) =>
    new Date(reference - (i - 90) * DAY_MS).toISOString().slice(0, 10),
  );
  const minutes = Array.from(
    { length: 1440 },
    (_, m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00.000Z`,
  );
  for (let index = 0; index < count; index++) {
    const role = pickRole(random);
    const p = ROLE_PROFILES[role];
    const employer = pickEmployer(random);
    const title = pick(random, p.titles);
    const specialties = pick(random, p.specialties);
    const creds = credentialPickers[role](random);
    const workMode = pickWorkMode(random);
    const home = pickCity(random);
    const mapped = !chance(random, 0.04);
    const locations = [location(home, mapped)];
    if (workMode !== 'remote' && chance(random, 0.1)) locations.push(location(pickCity(random), true));
    const remote = workMode === 'remote' ? remoteRestrictions(random, home) : { states: null, excluded: [] };
    const years = chance(random, 0.35) ? null : pick(random, p.years);
    // Dates are built from cached day and minute strings: Date#toISOString would be a third of the cost.
    const daysAgo = Math.floor(random() * random() * 90);
    const minute = Math.floor(random() * 1440);
    const where = workMode === 'remote' ? 'Remote' : `${home.city}, ${home.state}`;
    const descriptionText = describeListing(title, employer, where, specialties, creds, years);

    yield {
      id: `syn-${seed}-${index}`,
      title: workMode === 'remote' && chance(random, 0.5) ? `${title} - Remote` : title,
      employer,
      role,
      certifications: {
        required: creds.required ?? [],
        anyOf: creds.anyOf ?? [],
        preferred: creds.preferred ?? [],
        requiredWithinDays: creds.withinDays ?? null,
        equivalentAccepted: creds.equivalentAccepted ?? false,
        apprenticeAccepted: creds.apprenticeAccepted ?? false,
      },
      specialties,
      codingSystems: CODING_SYSTEMS_BY_SPECIALTY[specialties[0]] ?? ['ICD-10-CM', 'CPT'],
      workMode,
      remoteStates: remote.states,
      remoteExcludedStates: remote.excluded,
      remoteCountry: workMode === 'remote' ? 'US' : null,
      location: locations[0],
      locations,
      salary: salaryFor(random, p),
      employmentType: pickEmploymentType(random),
      minYearsExperience: years,
      education: chance(random, 0.5) ? 'High school diploma or equivalent' : null,
      ehrSystems: chance(random, 0.6) ? [pick(random, EHRS)] : [],
      encoderSystems: role === 'coder' && chance(random, 0.4) ? [pick(random, ENCODERS)] : [],
      postedAt: `${days[91 + daysAgo]}T${minutes[minute]}`,
      validThrough: chance(random, 0.3) ? `${days[31 + daysAgo]}T${minutes[minute]}` : null,
      descriptionHtml: `<p>${descriptionText}</p>`,
      descriptionText,
      evidence: [],
    };
  }
}

// ---------------------------------------------------------------------------------------------------
// Candidates

const CREDENTIALS_BY_ROLE: Record<Role, Credential[][]> = {
  coder: [
    ['CPC'],
    ['CPC', 'CRC'],
    ['CCS'],
    ['CCS', 'RHIT'],
    ['CPC-A'],
    ['CCS-P'],
    ['CIC'],
    ['COC'],
    ['CPC', 'CEMC'],
  ],
  biller: [[], ['CPB'], ['CBCS'], []],
  coder_biller: [['CPC'], ['CPC', 'CPB'], ['CPC-A']],
  auditor: [['CPC', 'CPMA'], ['CCS', 'CPMA'], ['CCS']],
  cdi: [['RN', 'CCDS'], ['RN'], ['CDIP'], ['RN', 'CDIP']],
  ar_denials: [[], ['CRCR'], []],
  educator: [
    ['CPC', 'CPMA'],
    ['CCS', 'RHIT'],
  ],
  him_other: [['RHIT'], [], ['RHIA']],
  other: [[], ['CMAA']],
};

/** Candidate profiles in the shape matching works on (home already resolved). */
export function generateProfiles(seed: number, count: number): CandidateProfile[] {
  const random = createRandom(seed ^ 0x5bd1e995);
  const profiles: CandidateProfile[] = [];
  for (let i = 0; i < count; i++) {
    const role = pickRole(random);
    const p = ROLE_PROFILES[role];
    const home = pickCity(random);
    const years = Math.floor(random() * 12);
    const specialties = pick(random, p.specialties)
      .filter((s) => s !== 'general')
      .map((specialty) => ({ specialty, years: Math.min(years, 1 + Math.floor(random() * 8)) }));
    const workMode = pick(random, ['remote_only', 'remote_only', 'remote_or_hybrid', 'any'] as const);
    const hourlyMinimum = Math.round(between(random, p.hourly[0] - 2, p.hourly[0] + 4));
    profiles.push({
      credentials: pick(random, CREDENTIALS_BY_ROLE[role]),
      specialties,
      roles: role === 'coder' && chance(random, 0.5) ? ['coder', 'coder_biller'] : [role],
      yearsExperience: years,
      workMode,
      homeCity: `${home.city}, ${home.state}`,
      commuteMiles: pick(random, [10, 20, 25, 30, 50]),
      stateOfResidence: home.state as CandidateProfile['stateOfResidence'],
      minPay: chance(random, 0.6) ? { amount: hourlyMinimum, period: 'hour' } : undefined,
      employmentTypes: chance(random, 0.7) ? ['full_time'] : [],
      excludeEmployers: chance(random, 0.2) ? [pickEmployer(random)] : [],
      home: { lat: home.lat, lon: home.lon },
    });
  }
  return profiles;
}
