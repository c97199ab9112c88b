import type { Role } from '#taxonomy';
import { classifyRole } from './classify-role';
import { splitPostingLines } from './posting-lines';

function role(title: string, text: string): Role {
  return classifyRole(splitPostingLines(title, text)).role;
}

describe('classifyRole', () => {
  it.each<[string, string, Role]>([
    [
      'Inpatient Coder II',
      'Abstract and code inpatient records. Assign ICD-10-CM and ICD-10-PCS codes and MS-DRGs.',
      'coder',
    ],
    [
      'Certified Medical Coder',
      'Responsibilities\n- Perform prospective and retrospective audits of E/M coding\n- Validate CPT and modifier selection and report accuracy scores\n- Prepare audit summaries',
      'auditor',
    ],
    [
      'Coding Quality Specialist',
      'This is primarily a production coding role.\n- Code physician office, hospital and nursing home visits\n- Assign E/M levels\n- Peer review 10 charts per month',
      'coder',
    ],
    [
      'Medical Biller',
      '- Submit clean CMS-1500 claims\n- Post insurance and patient payments from ERAs\n- Work clearinghouse rejections',
      'biller',
    ],
    [
      'Medical Billing and Coding Specialist',
      'Code office visits, submit claims, post payments and follow up on denials.',
      'coder_biller',
    ],
    [
      'Ambulance Specialist',
      '- Assign HCPCS level-of-service codes from patient care reports\n- Submit claims to Medicare and commercial insurers\n- Post payments and work denials',
      'coder_biller',
    ],
    [
      'Medical Coder I',
      '- Code clinic visits using ICD-10-CM and CPT\n- Enter charges and correct front-end edits',
      'coder',
    ],
    [
      'Patient Account Representative',
      '- Work aged insurance AR\n- Resolve unpaid and denied claims\n- Submit reconsiderations and appeals',
      'ar_denials',
    ],
    [
      'Billing and Collections Specialist',
      '- Submit electronic claims\n- Post payments and adjustments\n- Follow up on unpaid claims and denials; file appeals',
      'biller',
    ],
    [
      'CDI Specialist II',
      '- Perform concurrent and retrospective reviews\n- Formulate compliant queries to physicians\n- Reconcile working DRGs',
      'cdi',
    ],
    [
      'Coding Educator',
      '- Develop onboarding curriculum for new coders\n- Lead monthly education sessions\n- Create tip sheets',
      'educator',
    ],
    [
      'Release of Information Specialist',
      'Process requests for medical records. Retrieve, scan and release records.',
      'him_other',
    ],
    ['Cancer Registrar', 'Casefinding from pathology reports; abstract cases for the registry.', 'him_other'],
    ['Medical Assistant', 'Room patients, take vital signs and administer injections.', 'other'],
    [
      'Revenue Integrity Analyst',
      'Maintain the chargemaster (CDM) and monitor charge capture and pricing.',
      'other',
    ],
    ['Office Manager', 'Manage the front office.', 'other'],
  ])('%s -> %s', (title, text, expected) => {
    expect(role(title, text)).toBe(expected);
  });
});
