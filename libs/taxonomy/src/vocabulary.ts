// The shared vocabulary of a normalized listing (see docs/DOMAIN in the README). These codes are the
// interface between the normalizer, the database, the matching core and API clients.

export const ROLES = [
  'coder',
  'biller',
  'coder_biller',
  'auditor',
  'cdi',
  'ar_denials',
  'educator',
  'him_other',
  'other',
] as const;
export type Role = (typeof ROLES)[number];

export const SPECIALTIES = [
  'inpatient',
  'outpatient',
  'profee',
  'emergency',
  'surgery',
  'radiology',
  'cardiology',
  'oncology',
  'orthopedics',
  'anesthesia',
  'pathology_lab',
  'risk_adjustment',
  'em',
  'home_health',
  'behavioral_health',
  'pediatrics',
  'obgyn',
  'interventional_radiology',
  'dental',
  'ambulance',
  'skilled_nursing',
  'urgent_care',
  'general',
] as const;
export type Specialty = (typeof SPECIALTIES)[number];

export const CODING_SYSTEMS = ['ICD-10-CM', 'ICD-10-PCS', 'CPT', 'HCPCS', 'DRG', 'APC', 'HCC'] as const;
export type CodingSystem = (typeof CODING_SYSTEMS)[number];

export const WORK_MODES = ['remote', 'hybrid', 'onsite', 'unknown'] as const;
export type WorkMode = (typeof WORK_MODES)[number];

export const EMPLOYMENT_TYPES = [
  'full_time',
  'part_time',
  'contract',
  'per_diem',
  'temporary',
  'unknown',
] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const SALARY_PERIODS = ['hour', 'day', 'week', 'month', 'year', 'chart'] as const;
export type SalaryPeriod = (typeof SALARY_PERIODS)[number];

// Checked against the issuing bodies' own lists (AAPC, AHIMA, ACDIS, AAHAM, HFMA, NHA), with older
// codes postings still use (AAHAM's CPAR, CPAT, CCT) and the registrar's CTR (NCRA). Clinical
// licences sit in the same block: matching treats a licence like any other credential, and the
// vocabulary marks them as licences (CREDENTIAL_INFO[code].licence).
export const CREDENTIALS = [
  // AAPC
  'CPC',
  'CPC-A',
  'COC',
  'CIC',
  'CRC',
  'CPB',
  'CPMA',
  'CPCO',
  'CPPM',
  'CDEO',
  'CDEI',
  'CEMC',
  'CEDC',
  'CANPC',
  'CASCC',
  'CCC',
  'CCVTC',
  'CENTC',
  'CGIC',
  'CIMC',
  'CIRCC',
  'CGSC',
  'CHONC',
  'CPEDC',
  'COBGC',
  'COSC',
  'CPRC',
  'CUC',
  'CFPC',
  // AHIMA
  'CCA',
  'CCS',
  'CCS-P',
  'RHIT',
  'RHIA',
  'CDIP',
  'CHDA',
  'CHPS',
  'CPHI',
  // ACDIS
  'CCDS',
  'CCDS-O',
  // NHA
  'CBCS',
  'CMAA',
  'CEHRS',
  'CCMA',
  // AMBA
  'CMRS',
  // HFMA
  'CRCR',
  'CHFP',
  'CSPR',
  'CSPPM',
  'CSMC',
  'CSBI',
  // AAHAM, current and older codes
  'CRCS',
  'CRCE',
  'CRCP',
  'CRIP',
  'CPAT',
  'CCT',
  'CPAR',
  'CPAM',
  // PMI
  'CMC',
  // NCRA
  'CTR',
  // Clinical licences seen in CDI, audit and utilization roles
  'RN',
  'LPN',
  'PA',
  'NP',
  'APRN',
] as const;
export type Credential = (typeof CREDENTIALS)[number];

export const US_STATES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS',
  'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC',
  'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY',
  'PR', 'GU', 'VI',
] as const; // prettier-ignore
export type UsState = (typeof US_STATES)[number];
