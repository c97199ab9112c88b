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

    it("a coding auditor's title names the subject of the audit", () => {
      expect(
        role('Coding Auditor', '- Report error trends to the director\n- Join the monthly compliance call'),
      ).toBe('auditor');
      expect(role('Coding Auditor', '- Review charts coded by the team for accuracy and give feedback')).toBe(
        'auditor',
      );
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

  describe('patient-account and credit titles: billing or AR by the duties', () => {
    it('a mixed job is the work its duties name first', () => {
      const arFirst =
        '- Work past-due balances and call payers on unpaid claims\n- Set up collection actions for self-pay accounts\n- Submit corrected claims\n- Post insurance payments and adjustments\n- Send patient statements';
      const billingFirst =
        '- Submit claims to commercial payers and Medicaid\n- Post insurance payments and adjustments\n- Send patient statements\n- Work past-due balances and call payers on unpaid claims\n- File appeals on denied claims';
      expect(role('Patient Account Representative', arFirst)).toBe('ar_denials');
      expect(role('Patient Account Representative', billingFirst)).toBe('biller');
    });

    it("a sentence drawing the department's whole scope does not decide which duty comes first", () => {
      expect(
        role(
          'Patient Account Representative',
          'May take part in any or all aspects of the account cycle, from billing and posting to collections.\n- Work past-due balances and call payers on unpaid claims\n- Start collection steps on delinquent accounts\n- Post patient payments\n- Send statements',
        ),
      ).toBe('ar_denials');
    });

    it('one duty named first does not outweigh duties that clearly point the other way', () => {
      expect(
        role(
          'Patient Account Specialist',
          '- Follow up on unpaid claims\n- Submit claims\n- Post payments from ERAs\n- Enter charges\n- Rebill corrected claims\n- Balance the daily deposit',
        ),
      ).toBe('biller');
    });

    it('accounts in a credit status are AR work', () => {
      expect(
        role(
          'Account Resolution Specialist',
          'Works the accounts in a credit status in an assigned queue.\n- Finds the credit reason from the remits\n- Resolves the credit with the payer\n- Requests claim submission to a new payer when coverage changed',
        ),
      ).toBe('ar_denials');
    });

    it("managing accounts after billing is done is AR work, and the title's department settles nothing", () => {
      expect(
        role(
          'Patient Account Representative, Business Office',
          'Manages the patient account after the initial billing process is complete. Sets up payment arrangements, works bankruptcy and probate accounts and refers balances to bad debt. Bills the occasional contract account.',
        ),
      ).toBe('ar_denials');
      // The head noun still counts: a business office manager bills.
      expect(
        role('Business Office Manager', 'Oversee the facility office. Follow up on aged accounts.'),
      ).toBe('biller');
    });

    it('a title spelling receivables "A.R." names AR work', () => {
      expect(
        role(
          'Patient A.R. Specialist',
          '- Send patient statements\n- Post card payments\n- Refer balances to the collection agency',
        ),
      ).toBe('ar_denials');
    });

    it('a sentence that repeats the title names no duty', () => {
      expect(
        role(
          'Billing and Collections Specialist',
          'The Billing and Collections Specialist supports four clinics.\n- Submit claims daily\n- Post payments\n- Follow up on denied claims and appeal them',
        ),
      ).toBe('biller');
    });

    it('a page flattened into one paragraph counts every sentence, not three hits in all', () => {
      const sentences = [
        'Calls payers about unpaid claims.',
        'Works the denials queue.',
        'Files appeals on underpaid accounts.',
        'Sends delinquent balances to collections.',
        'Posts the occasional patient payment.',
        'Submits corrected claims.',
      ];
      const paragraph = classifyRole(
        splitPostingLines('Patient Account Representative', sentences.join(' ')),
      );
      const bullets = classifyRole(
        splitPostingLines('Patient Account Representative', sentences.map((x) => `- ${x}`).join('\n')),
      );
      expect(paragraph.role).toBe('ar_denials');
      expect(bullets.role).toBe('ar_denials');
    });
  });

  it('says when the title alone named the role', () => {
    const reading = classifyRole(splitPostingLines('Medical Biller', 'Join our friendly team.'));
    expect(reading).toMatchObject({ role: 'biller', basis: 'title' });
    const fromDuties = classifyRole(splitPostingLines('Medical Biller', 'Submit clean claims daily.'));
    expect(fromDuties.basis).toBe('duties');
  });
});
