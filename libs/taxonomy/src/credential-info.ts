// What each credential code stands for, who issues it, and how postings name it. The normalizer reads
// postings with it (full names, old codes, issuing bodies); the matching core reads it to compare a
// candidate's credentials with a posting's. Plain data only: rules of judgement (does RHIA meet
// "RHIT required"?) belong to whoever applies them, and are kept as data there.
import type { Credential } from './vocabulary';

export const CREDENTIAL_ISSUERS = [
  'AAPC',
  'AHIMA',
  'ACDIS',
  'NHA',
  'AMBA',
  'HFMA',
  'AAHAM',
  'PMI',
  'NCRA',
  'LICENSE',
] as const;
export type CredentialIssuer = (typeof CREDENTIAL_ISSUERS)[number];

/** What a credential certifies, roughly: lets callers ask "is this a coding credential?". */
export type CredentialArea =
  | 'coding'
  | 'specialty_coding'
  | 'billing'
  | 'audit'
  | 'compliance'
  | 'management'
  | 'cdi'
  | 'him'
  | 'revenue_cycle'
  | 'administrative'
  | 'clinical';

export interface CredentialInfo {
  /** The issuer's own name for the credential. */
  name: string;
  /**
   * Other ways postings write it: full-name variants and retired codes (COC was CPC-H). Matched
   * case-insensitively as whole phrases. The code itself is not repeated here.
   */
  aliases: string[];
  issuer: CredentialIssuer;
  area: CredentialArea;
  /** Set on apprentice credentials: the full credential they lead to (CPC-A -> CPC). */
  apprenticeOf?: Credential;
  /**
   * How postings write this credential's apprentice designation where the vocabulary has no code of
   * its own for it (COC-A): read as this credential, with apprentices accepted. Matched as written.
   */
  apprenticeNames?: string[];
  /** A state clinical licence (RN, LPN...), not a certification: listed with them all the same. */
  licence?: true;
  /** The issuer no longer awards it; holders keep it and postings still ask for it. */
  retired?: true;
}

export const CREDENTIAL_INFO: Record<Credential, CredentialInfo> = {
  CPC: { name: 'Certified Professional Coder', aliases: [], issuer: 'AAPC', area: 'coding' },
  'CPC-A': {
    name: 'Certified Professional Coder - Apprentice',
    aliases: ['Certified Professional Coder Apprentice', 'CPC Apprentice'],
    issuer: 'AAPC',
    area: 'coding',
    apprenticeOf: 'CPC',
  },
  COC: {
    name: 'Certified Outpatient Coder',
    aliases: ['CPC-H'],
    issuer: 'AAPC',
    area: 'coding',
    apprenticeNames: ['COC-A', 'CPC-H-A'],
  },
  CIC: {
    name: 'Certified Inpatient Coder',
    aliases: [],
    issuer: 'AAPC',
    area: 'coding',
    apprenticeNames: ['CIC-A'],
  },
  CRC: {
    name: 'Certified Risk Adjustment Coder',
    aliases: [],
    issuer: 'AAPC',
    area: 'coding',
    apprenticeNames: ['CRC-A'],
  },
  CPB: {
    name: 'Certified Professional Biller',
    aliases: [],
    issuer: 'AAPC',
    area: 'billing',
    apprenticeNames: ['CPB-A'],
  },
  CPMA: { name: 'Certified Professional Medical Auditor', aliases: [], issuer: 'AAPC', area: 'audit' },
  CPCO: {
    name: 'Certified Professional Compliance Officer',
    aliases: [],
    issuer: 'AAPC',
    area: 'compliance',
  },
  CPPM: {
    name: 'Certified Physician Practice Manager',
    aliases: [],
    issuer: 'AAPC',
    area: 'management',
    apprenticeNames: ['CPPM-A'],
  },
  CDEO: { name: 'Certified Documentation Expert Outpatient', aliases: [], issuer: 'AAPC', area: 'cdi' },
  CDEI: { name: 'Certified Documentation Expert Inpatient', aliases: [], issuer: 'AAPC', area: 'cdi' },
  CEMC: {
    name: 'Certified Evaluation and Management Coder',
    aliases: ['Certified E/M Coder', 'Certified Evaluation & Management Coder'],
    issuer: 'AAPC',
    area: 'specialty_coding',
  },
  CEDC: {
    name: 'Certified Emergency Department Coder',
    aliases: [],
    issuer: 'AAPC',
    area: 'specialty_coding',
  },
  CANPC: {
    name: 'Certified Anesthesia and Pain Management Coder',
    aliases: ['Certified Anesthesia & Pain Management Coder'],
    issuer: 'AAPC',
    area: 'specialty_coding',
  },
  CASCC: {
    name: 'Certified Ambulatory Surgical Center Coder',
    aliases: ['Certified Ambulatory Surgery Center Coder'],
    issuer: 'AAPC',
    area: 'specialty_coding',
  },
  CCC: { name: 'Certified Cardiology Coder', aliases: [], issuer: 'AAPC', area: 'specialty_coding' },
  CCVTC: {
    name: 'Certified Cardiovascular and Thoracic Surgery Coder',
    aliases: ['Certified Cardiovascular & Thoracic Surgery Coder'],
    issuer: 'AAPC',
    area: 'specialty_coding',
  },
  CENTC: {
    name: 'Certified Otolaryngology Coder',
    aliases: ['Certified ENT Coder'],
    issuer: 'AAPC',
    area: 'specialty_coding',
  },
  CGIC: { name: 'Certified Gastroenterology Coder', aliases: [], issuer: 'AAPC', area: 'specialty_coding' },
  CIMC: { name: 'Certified Internal Medicine Coder', aliases: [], issuer: 'AAPC', area: 'specialty_coding' },
  CIRCC: {
    name: 'Certified Interventional Radiology Cardiovascular Coder',
    aliases: [],
    issuer: 'AAPC',
    area: 'specialty_coding',
  },
  CGSC: { name: 'Certified General Surgery Coder', aliases: [], issuer: 'AAPC', area: 'specialty_coding' },
  CHONC: {
    name: 'Certified Hematology and Oncology Coder',
    aliases: ['Certified Hematology & Oncology Coder'],
    issuer: 'AAPC',
    area: 'specialty_coding',
  },
  CPEDC: { name: 'Certified Pediatrics Coder', aliases: [], issuer: 'AAPC', area: 'specialty_coding' },
  COBGC: {
    name: 'Certified Obstetrics Gynecology Coder',
    aliases: ['Certified Obstetrics and Gynecology Coder', 'Certified OB/GYN Coder'],
    issuer: 'AAPC',
    area: 'specialty_coding',
  },
  COSC: {
    name: 'Certified Orthopaedic Surgery Coder',
    aliases: ['Certified Orthopedic Surgery Coder'],
    issuer: 'AAPC',
    area: 'specialty_coding',
  },
  CPRC: {
    name: 'Certified Plastics and Reconstructive Surgery Coder',
    aliases: ['Certified Plastics & Reconstructive Surgery Coder'],
    issuer: 'AAPC',
    area: 'specialty_coding',
  },
  CUC: { name: 'Certified Urology Coder', aliases: [], issuer: 'AAPC', area: 'specialty_coding' },
  CFPC: { name: 'Certified Family Practice Coder', aliases: [], issuer: 'AAPC', area: 'specialty_coding' },
  CCA: { name: 'Certified Coding Associate', aliases: [], issuer: 'AHIMA', area: 'coding' },
  CCS: { name: 'Certified Coding Specialist', aliases: [], issuer: 'AHIMA', area: 'coding' },
  'CCS-P': {
    name: 'Certified Coding Specialist - Physician-based',
    aliases: ['Certified Coding Specialist Physician-based', 'Certified Coding Specialist - Physician based'],
    issuer: 'AHIMA',
    area: 'coding',
  },
  RHIT: { name: 'Registered Health Information Technician', aliases: [], issuer: 'AHIMA', area: 'him' },
  RHIA: { name: 'Registered Health Information Administrator', aliases: [], issuer: 'AHIMA', area: 'him' },
  CDIP: {
    name: 'Certified Documentation Integrity Practitioner',
    aliases: ['Certified Documentation Improvement Practitioner'],
    issuer: 'AHIMA',
    area: 'cdi',
  },
  CHDA: { name: 'Certified Health Data Analyst', aliases: [], issuer: 'AHIMA', area: 'him' },
  CHPS: {
    name: 'Certified in Healthcare Privacy and Security',
    aliases: ['Certified in Healthcare Privacy & Security'],
    issuer: 'AHIMA',
    area: 'compliance',
  },
  CPHI: { name: 'Certified Professional in Health Informatics', aliases: [], issuer: 'AHIMA', area: 'him' },
  CCDS: { name: 'Certified Clinical Documentation Specialist', aliases: [], issuer: 'ACDIS', area: 'cdi' },
  'CCDS-O': {
    name: 'Certified Clinical Documentation Specialist - Outpatient',
    aliases: ['Certified Clinical Documentation Specialist Outpatient'],
    issuer: 'ACDIS',
    area: 'cdi',
  },
  CBCS: {
    name: 'Certified Billing and Coding Specialist',
    aliases: ['Certified Billing & Coding Specialist'],
    issuer: 'NHA',
    area: 'billing',
  },
  CMAA: {
    name: 'Certified Medical Administrative Assistant',
    aliases: [],
    issuer: 'NHA',
    area: 'administrative',
  },
  CEHRS: {
    name: 'Certified Electronic Health Records Specialist',
    aliases: ['Certified Electronic Health Record Specialist'],
    issuer: 'NHA',
    area: 'him',
  },
  // NHA's other clinical credentials are left out: its phlebotomy "CPT" would be read as the code
  // set, and EKG, pharmacy and patient-care technicians name no coding or billing work.
  CCMA: { name: 'Certified Clinical Medical Assistant', aliases: [], issuer: 'NHA', area: 'clinical' },
  CMRS: { name: 'Certified Medical Reimbursement Specialist', aliases: [], issuer: 'AMBA', area: 'billing' },
  CRCR: {
    name: 'Certified Revenue Cycle Representative',
    aliases: [],
    issuer: 'HFMA',
    area: 'revenue_cycle',
  },
  CHFP: {
    name: 'Certified Healthcare Financial Professional',
    aliases: [],
    issuer: 'HFMA',
    area: 'revenue_cycle',
  },
  CSPR: {
    name: 'Certified Specialist Payment and Reimbursement',
    aliases: ['Certified Specialist Payment & Reimbursement'],
    issuer: 'HFMA',
    area: 'revenue_cycle',
  },
  CSPPM: {
    name: 'Certified Specialist Physician Practice Management',
    aliases: [],
    issuer: 'HFMA',
    area: 'management',
  },
  CSMC: { name: 'Certified Specialist Managed Care', aliases: [], issuer: 'HFMA', area: 'revenue_cycle' },
  CSBI: {
    name: 'Certified Specialist Business Intelligence',
    aliases: [],
    issuer: 'HFMA',
    area: 'revenue_cycle',
  },
  // AAHAM's exams come in institutional (-I) and professional (-P) forms: one credential each here.
  CRCS: {
    name: 'Certified Revenue Cycle Specialist',
    aliases: ['CRCS-I', 'CRCS-P'],
    issuer: 'AAHAM',
    area: 'revenue_cycle',
  },
  CRCE: {
    name: 'Certified Revenue Cycle Executive',
    aliases: ['CRCE-I', 'CRCE-P'],
    issuer: 'AAHAM',
    area: 'revenue_cycle',
  },
  CRCP: {
    name: 'Certified Revenue Cycle Professional',
    aliases: ['CRCP-I', 'CRCP-P'],
    issuer: 'AAHAM',
    area: 'revenue_cycle',
  },
  CRIP: {
    name: 'Certified Revenue Integrity Professional',
    aliases: [],
    issuer: 'AAHAM',
    area: 'revenue_cycle',
  },
  CPAT: {
    name: 'Certified Patient Account Technician',
    aliases: [],
    issuer: 'AAHAM',
    area: 'revenue_cycle',
    retired: true,
  },
  CCT: {
    name: 'Certified Compliance Technician',
    aliases: [],
    issuer: 'AAHAM',
    area: 'compliance',
    retired: true,
  },
  // Never "Patient Account Representative" alone: that is a job title, not the credential.
  CPAR: {
    name: 'Certified Patient Account Representative',
    aliases: ['Patient Account Representative certification'],
    issuer: 'AAHAM',
    area: 'revenue_cycle',
    retired: true,
  },
  CPAM: {
    name: 'Certified Patient Account Manager',
    aliases: [],
    issuer: 'AAHAM',
    area: 'revenue_cycle',
    retired: true,
  },
  // PMI's credential shares its name with the generic phrase "certified medical coder", so only the
  // code is read as CMC.
  CMC: { name: 'Certified Medical Coder (PMI)', aliases: [], issuer: 'PMI', area: 'coding' },
  CTR: { name: 'Certified Tumor Registrar', aliases: [], issuer: 'NCRA', area: 'him' },
  RN: { name: 'Registered Nurse', aliases: [], issuer: 'LICENSE', area: 'clinical', licence: true },
  LPN: {
    name: 'Licensed Practical Nurse',
    aliases: ['Licensed Vocational Nurse', 'LVN'],
    issuer: 'LICENSE',
    area: 'clinical',
    licence: true,
  },
  PA: {
    name: 'Physician Assistant',
    aliases: ['PA-C', "Physician's Assistant"],
    issuer: 'LICENSE',
    area: 'clinical',
    licence: true,
  },
  NP: {
    name: 'Nurse Practitioner',
    aliases: ['FNP', 'CRNP'],
    issuer: 'LICENSE',
    area: 'clinical',
    licence: true,
  },
  // The licence of advanced practice nurses (NPs among them); a posting asking for it takes an NP.
  APRN: {
    name: 'Advanced Practice Registered Nurse',
    aliases: [],
    issuer: 'LICENSE',
    area: 'clinical',
    licence: true,
  },
};

/** The clinical licences of the vocabulary (RN, LPN, PA, NP, APRN). */
export const LICENCES: readonly Credential[] = (Object.keys(CREDENTIAL_INFO) as Credential[]).filter(
  (code) => CREDENTIAL_INFO[code].licence === true,
);

export interface IssuerInfo {
  name: string;
  /** Other names postings use for the body, matched case-insensitively as whole phrases. */
  aliases: string[];
  /**
   * What "an active <issuer> credential" means in a coder or biller posting: the body's core coding
   * credentials, without apprentice or specialty ones. Empty where the phrase is not used that way.
   */
  codingCredentials: Credential[];
}

export const ISSUER_INFO: Record<CredentialIssuer, IssuerInfo> = {
  AAPC: {
    name: 'AAPC',
    aliases: ['American Academy of Professional Coders'],
    codingCredentials: ['CPC', 'COC', 'CIC', 'CRC'],
  },
  AHIMA: {
    name: 'American Health Information Management Association',
    aliases: [],
    codingCredentials: ['CCA', 'CCS', 'CCS-P', 'RHIT', 'RHIA'],
  },
  ACDIS: {
    name: 'Association of Clinical Documentation Integrity Specialists',
    aliases: [],
    codingCredentials: [],
  },
  NHA: { name: 'National Healthcareer Association', aliases: [], codingCredentials: [] },
  AMBA: { name: 'American Medical Billing Association', aliases: [], codingCredentials: [] },
  HFMA: { name: 'Healthcare Financial Management Association', aliases: [], codingCredentials: [] },
  AAHAM: {
    name: 'American Association of Healthcare Administrative Management',
    aliases: [],
    codingCredentials: [],
  },
  PMI: { name: 'Practice Management Institute', aliases: [], codingCredentials: [] },
  NCRA: { name: 'National Cancer Registrars Association', aliases: [], codingCredentials: [] },
  LICENSE: { name: 'State licence', aliases: [], codingCredentials: [] },
};

/** "A coding certification" with neither codes nor body named: either body's coding credentials. */
export const GENERIC_CODING_CREDENTIALS: Credential[] = [
  ...ISSUER_INFO.AAPC.codingCredentials,
  ...ISSUER_INFO.AHIMA.codingCredentials,
];
