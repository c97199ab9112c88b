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
  CCC: { name: 'Certified Cardiology Coder', aliases: [], issuer: 'AAPC', area: 'specialty_coding' },
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
  CDIP: { name: 'Certified Documentation Integrity Practitioner', aliases: [], issuer: 'AHIMA', area: 'cdi' },
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
  CMRS: { name: 'Certified Medical Reimbursement Specialist', aliases: [], issuer: 'AMBA', area: 'billing' },
  CRCR: {
    name: 'Certified Revenue Cycle Representative',
    aliases: [],
    issuer: 'HFMA',
    area: 'revenue_cycle',
  },
  CRCS: { name: 'Certified Revenue Cycle Specialist', aliases: [], issuer: 'AAHAM', area: 'revenue_cycle' },
  CRCE: { name: 'Certified Revenue Cycle Executive', aliases: [], issuer: 'AAHAM', area: 'revenue_cycle' },
  // PMI's credential shares its name with the generic phrase "certified medical coder", so only the
  // code is read as CMC.
  CMC: { name: 'Certified Medical Coder (PMI)', aliases: [], issuer: 'PMI', area: 'coding' },
  RN: { name: 'Registered Nurse', aliases: [], issuer: 'LICENSE', area: 'clinical' },
  LPN: {
    name: 'Licensed Practical Nurse',
    aliases: ['Licensed Vocational Nurse', 'LVN'],
    issuer: 'LICENSE',
    area: 'clinical',
  },
  PA: {
    name: 'Physician Assistant',
    aliases: ['PA-C', "Physician's Assistant"],
    issuer: 'LICENSE',
    area: 'clinical',
  },
  NP: { name: 'Nurse Practitioner', aliases: ['APRN', 'FNP'], issuer: 'LICENSE', area: 'clinical' },
};

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
  LICENSE: { name: 'State licence', aliases: [], codingCredentials: [] },
};

/** "A coding certification" with neither codes nor body named: either body's coding credentials. */
export const GENERIC_CODING_CREDENTIALS: Credential[] = [
  ...ISSUER_INFO.AAPC.codingCredentials,
  ...ISSUER_INFO.AHIMA.codingCredentials,
];
