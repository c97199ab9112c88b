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
    [
      'Patient Access Registrar',
      '- Register patients at check-in and schedule follow-up appointments\n- Collect co-payments at the front desk',
      'other',
    ],
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

  describe('other professions that name healthcare words', () => {
    it.each<[string, string]>([
      [
        'Senior Software Engineer - Revenue Cycle',
        '- Build claim submission and clearinghouse integrations for our billing platform\n- Review code and mentor engineers',
      ],
      ['QA Engineer (Automation & Java coding)', '- Write test plans\n- Automate regression suites in Java'],
      [
        'Data Scientist, Risk Adjustment',
        '- Model risk adjustment scores for Medicare Advantage members\n- Present findings to clients',
      ],
    ])('%s -> other', (title, text) => {
      expect(role(title, text)).toBe('other');
    });
  });

  describe('billing or receivables: the title settles it, neutral titles go by the duties', () => {
    it.each<[string, string, Role]>([
      [
        'Patient Account Representative',
        'Processes billing to third-party payers so that clean claims are released. Works the claim hold queues and corrects account data.',
        'biller',
      ],
      [
        'Patient Account Representative',
        '- Calls payers on past-due accounts\n- Works the aged AR inventory\n- Writes appeal letters for denied claims',
        'ar_denials',
      ],
      [
        'Accounts Receivable Specialist',
        '- Review and submit claims to payers\n- Work denials and file reconsiderations\n- Follow up on aging accounts receivable',
        'ar_denials',
      ],
      [
        'Medical Billing Specialist',
        '- Resolve resident account balances and collect receivables\n- Write appeal letters\n- Submit claim forms to third parties by month end',
        'biller',
      ],
      [
        'Business Office Manager',
        'Oversees resident billing, insurance claims and collections for a skilled nursing facility. Prepares monthly billing and follows up on denied claims.',
        'biller',
      ],
      [
        'Credit Balance Specialist',
        '- Post insurance payments and adjustments from ERAs\n- Balance the daily deposit\n- Resolve the credit balances the posting leaves',
        'biller',
      ],
      [
        'Credit Balance Specialist',
        '- Research credit balances and overpayments\n- Process refunds to patients and payers\n- Appeal recoupments and follow up with payers',
        'ar_denials',
      ],
      [
        'Payment Poster',
        '- Post insurance and patient payments and adjustments from ERAs and EOBs\n- Balance daily deposits\n- Route underpayments for follow-up',
        'biller',
      ],
    ])('%s -> %s', (title, text, expected) => {
      expect(role(title, text)).toBe(expected);
    });
  });

  describe('auditors and educators by what they review and teach', () => {
    it('auditing letters for clarity is not coding audit work', () => {
      expect(
        role(
          'Notice Letter Clinical Auditor',
          'Audit member notice letters for clarity, grammar and correct terminology. Give feedback to letter writers.',
        ),
      ).toBe('other');
    });

    it('utilization review is nursing work, not audit or CDI work', () => {
      expect(
        role(
          'Utilization Review RN',
          '- Perform prospective, concurrent and retrospective reviews of admissions for medical necessity using MCG criteria\n- Hold peer-to-peer calls and track continued stay reviews',
        ),
      ).toBe('other');
    });

    it('a policy role that asks for auditing experience is not an auditor', () => {
      expect(
        role(
          'Associate, Clinical Policy',
          'Qualifications\n- 3+ years of quality auditing or payment integrity auditing\n- Active RN license',
        ),
      ).toBe('other');
    });

    it('training staff now and then does not make a biller an educator', () => {
      expect(
        role(
          'Billing Specialist',
          '- Submit claims for three facilities\n- Train facility staff when the trainer is out\n- Post payments',
        ),
      ).toBe('biller');
    });

    it('a coding QA title is an auditor, not a software QA job', () => {
      expect(
        role(
          'Coding QA Analyst',
          "- Review coders' charts for accuracy\n- Run focused reviews of E/M coding",
        ),
      ).toBe('auditor');
    });

    it('managers and supervisors of coding stay coders', () => {
      expect(
        role(
          'Coding Manager',
          '- Lead a team of twelve coders\n- Review coder productivity and coding accuracy\n- Educate coders on guideline changes',
        ),
      ).toBe('coder');
      expect(
        role('Coding Audit Manager', '- Run focused reviews of DRG assignment\n- Report audit findings'),
      ).toBe('auditor');
    });
  });

  it('says when the title alone named the role', () => {
    const reading = classifyRole(splitPostingLines('Medical Biller', 'Join our friendly team.'));
    expect(reading).toMatchObject({ role: 'biller', basis: 'title' });
    const fromDuties = classifyRole(splitPostingLines('Medical Biller', 'Submit clean claims daily.'));
    expect(fromDuties.basis).toBe('duties');
  });
});
