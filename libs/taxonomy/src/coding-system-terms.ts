// How postings write each code set. Matched as whole words; `caseSensitive` terms only in upper case
// ("PCS" the code set, not "pcs" in a sentence). A bare "ICD-10" means diagnosis coding, ICD-10-CM;
// Canada's ICD-10-CA is a different code set and is not read as ICD-10-CM, nor is the retired ICD-9.
import type { CodingSystem } from './vocabulary';

export interface CodingSystemTerm {
  phrase: string;
  systems: CodingSystem[];
  caseSensitive?: boolean;
}

export const CODING_SYSTEM_TERMS: CodingSystemTerm[] = [
  { phrase: 'ICD-10-CM/PCS', systems: ['ICD-10-CM', 'ICD-10-PCS'] },
  { phrase: 'ICD-10 CM/PCS', systems: ['ICD-10-CM', 'ICD-10-PCS'] },
  { phrase: 'ICD-10-CM and PCS', systems: ['ICD-10-CM', 'ICD-10-PCS'] },
  { phrase: 'ICD-10-CM', systems: ['ICD-10-CM'] },
  { phrase: 'ICD-10 CM', systems: ['ICD-10-CM'] },
  { phrase: 'ICD10-CM', systems: ['ICD-10-CM'] },
  { phrase: 'ICD-10-PCS', systems: ['ICD-10-PCS'] },
  { phrase: 'ICD-10 PCS', systems: ['ICD-10-PCS'] },
  { phrase: 'ICD10-PCS', systems: ['ICD-10-PCS'] },
  { phrase: 'ICD-10', systems: ['ICD-10-CM'] },
  { phrase: 'ICD 10', systems: ['ICD-10-CM'] },
  { phrase: 'ICD10', systems: ['ICD-10-CM'] },
  // A bare "ICD" ("basic ICD diagnostic coding", "ICD codes") is today's diagnosis code set.
  { phrase: 'ICD', systems: ['ICD-10-CM'], caseSensitive: true },
  { phrase: 'PCS', systems: ['ICD-10-PCS'], caseSensitive: true },
  { phrase: 'CPT', systems: ['CPT'], caseSensitive: true },
  { phrase: 'CPT-4', systems: ['CPT'], caseSensitive: true },
  { phrase: 'CPT/HCPCS', systems: ['CPT', 'HCPCS'], caseSensitive: true },
  { phrase: 'Current Procedural Terminology', systems: ['CPT'] },
  { phrase: 'HCPCS', systems: ['HCPCS'] },
  { phrase: 'HCPCS Level II', systems: ['HCPCS'] },
  { phrase: 'DRG', systems: ['DRG'], caseSensitive: true },
  { phrase: 'DRGs', systems: ['DRG'], caseSensitive: true },
  { phrase: 'MS-DRG', systems: ['DRG'], caseSensitive: true },
  { phrase: 'MS-DRGs', systems: ['DRG'], caseSensitive: true },
  { phrase: 'APR-DRG', systems: ['DRG'], caseSensitive: true },
  { phrase: 'APR-DRGs', systems: ['DRG'], caseSensitive: true },
  { phrase: 'diagnosis related group', systems: ['DRG'] },
  { phrase: 'APC', systems: ['APC'], caseSensitive: true },
  { phrase: 'APCs', systems: ['APC'], caseSensitive: true },
  { phrase: 'ambulatory payment classification', systems: ['APC'] },
  { phrase: 'HCC', systems: ['HCC'], caseSensitive: true },
  { phrase: 'HCCs', systems: ['HCC'], caseSensitive: true },
  { phrase: 'CMS-HCC', systems: ['HCC'], caseSensitive: true },
  { phrase: 'hierarchical condition category', systems: ['HCC'] },
  { phrase: 'hierarchical condition categories', systems: ['HCC'] },
];

/** Codes sets that look like ours but are not: matched first so they are not misread. */
export const FOREIGN_CODING_SYSTEM_PHRASES: string[] = [
  'ICD-10-CA',
  'ICD-O-3',
  'ICD-O',
  'ICD-9-CM',
  'ICD-9',
  'ICD9',
  'ICD-11',
];
