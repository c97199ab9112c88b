import { extractCredentials } from './extract-credentials';
import { splitPostingLines } from './posting-lines';
import type { CertificationRequirements } from './normalized-listing';

function read(text: string): CertificationRequirements {
  return extractCredentials(splitPostingLines('Medical Coder', text)).certifications;
}

const none = {
  required: [],
  anyOf: [],
  preferred: [],
  requiredWithinDays: null,
  equivalentAccepted: false,
  apprenticeAccepted: false,
};

describe('extractCredentials', () => {
  it.each<[string, Partial<CertificationRequirements>]>([
    ['CPC required.', { required: ['CPC'] }],
    ['Requirements:\n- RHIT, RHIA or CCS required', { anyOf: [['CCS', 'RHIT', 'RHIA']] }],
    ['RHIT and CCS required.', { required: ['CCS', 'RHIT'] }],
    ['CPC and CRC both required', { required: ['CPC', 'CRC'] }],
    ['Active CPC required; CPMA strongly preferred', { required: ['CPC'], preferred: ['CPMA'] }],
    ['CPB certification is a plus.', { preferred: ['CPB'] }],
    [
      'Requirements: CPC required; CGSC or an orthopedic specialty credential is a plus.',
      { required: ['CPC'], preferred: ['CGSC'] },
    ],
    ['Preferred Qualifications\n- CPMA\n- CEMC', { preferred: ['CPMA', 'CEMC'] }],
    ['Required Certifications\n- CPC\n- CGSC', { required: ['CPC', 'CGSC'] }],
    ['Must have: CPC or CBCS', { anyOf: [['CPC', 'CBCS']] }],
    ['CPC or equivalent', { required: ['CPC'], equivalentAccepted: true }],
    [
      'CPC, CCS or CCS-P, or equivalent coding credential',
      { anyOf: [['CPC', 'CCS', 'CCS-P']], equivalentAccepted: true },
    ],
    [
      'What you need\n- CPC or CPC-A (apprentice coders welcome!)',
      { required: ['CPC'], apprenticeAccepted: true },
    ],
    [
      'CPC required (CPC-A considered with a coding internship)',
      { required: ['CPC'], apprenticeAccepted: true },
    ],
    ['CRCR certification within 6 months of hire', { required: ['CRCR'], requiredWithinDays: 180 }],
    [
      'Must obtain CPC certification within six months of hire (we pay for the exam)',
      { required: ['CPC'], requiredWithinDays: 180 },
    ],
    ['CCDS or CDIP required within one year of hire', { anyOf: [['CDIP', 'CCDS']], requiredWithinDays: 365 }],
    ['COBGC within 12 months of hire', { required: ['COBGC'], requiredWithinDays: 365 }],
    [
      'Requirements:\n- An active AAPC or AHIMA coding credential',
      { anyOf: [['CPC', 'COC', 'CIC', 'CRC', 'CCA', 'CCS', 'CCS-P', 'RHIT', 'RHIA']] },
    ],
    [
      'Qualifications:\nCoding certification required.',
      { anyOf: [['CPC', 'COC', 'CIC', 'CRC', 'CCA', 'CCS', 'CCS-P', 'RHIT', 'RHIA']] },
    ],
    [
      'Applicants must possess a current coding certification (CCS, CCS-P, CPC, RHIT or RHIA).',
      { anyOf: [['CPC', 'CCS', 'CCS-P', 'RHIT', 'RHIA']] },
    ],
    [
      'Certified Professional Coder (CPC) credential through AAPC, or Certified Coding Specialist (CCS) through AHIMA',
      { anyOf: [['CPC', 'CCS']] },
    ],
    [
      'Registered Health Information Technician (RHIT) or Registered Health Information Administrator (RHIA) required',
      { anyOf: [['RHIT', 'RHIA']] },
    ],
    ['Certified Risk Adjustment Coder credential preferred', { preferred: ['CRC'] }],
    ['Candidates must have one of the following: CCA, CCS and CPC.', { anyOf: [['CPC', 'CCA', 'CCS']] }],
    ['Requirements: CPMA and (CCS or COC); 5 years', { required: ['CPMA'], anyOf: [['COC', 'CCS']] }],
    ['Requirements: COC (formerly CPC-H) or CPC; 2 years', { anyOf: [['CPC', 'COC']] }],
    [
      '- CRC required. CPC or CCS also accepted with 2 years of experience.',
      { anyOf: [['CPC', 'CRC', 'CCS']] },
    ],
    [
      '- Certified Cardiology Coder (CCC) or CIRCC required\n- CPC acceptable for candidates with 4+ years',
      { anyOf: [['CPC', 'CCC', 'CIRCC']] },
    ],
    [
      'Requirements: RN license in Illinois (LPN considered with MDS experience)',
      { anyOf: [['RN', 'LPN']], licences: ['RN', 'LPN'] },
    ],
    ['- Active RN license (a compact multistate license is a plus)', { required: ['RN'], licences: ['RN'] }],
    ['Preferred\n- RN, CDIP or CCDS', { preferred: ['CDIP', 'CCDS', 'RN'], licences: ['RN'] }],
    ['RHIT a plus but not required.', { preferred: ['RHIT'] }],
    ['CAC (Certified Ambulance Coder) preferred, or CPC or CBCS', { preferred: ['CPC', 'CBCS'] }],
    [
      'Required CPC or CCS-P; 3 years\nPreferred CCC or CIRCC',
      { anyOf: [['CPC', 'CCS-P']], preferred: ['CCC', 'CIRCC'] },
    ],
    // Apprentices turned away: the full credential stays, apprentices are not accepted.
    ['Requirements: CPC required (CPC-A not accepted for this role).', { required: ['CPC'] }],
    ['CPC or CCS-P required; no apprentices.', { anyOf: [['CPC', 'CCS-P']] }],
    ['CPC or CPC-A required.\nApprentice credentials do not qualify for this role.', { required: ['CPC'] }],
    ['Apprentice credentials (CRC-A, CPC-A) do not qualify.\nCRC required.', { required: ['CRC'] }],
    ['Requirements:\n- CPC required (A removed).', { required: ['CPC'] }],
    ['Active CPC with the A removed.', { required: ['CPC'] }],
    ['CPC required, but not CPC-A.', { required: ['CPC'] }],
    ['We do not accept CPC-A; CPC required.', { required: ['CPC'] }],
    // Credentials named in an exclusion are no requirement.
    [
      'Certification required: CCS, RHIT or RHIA (CCS-P and CPC alone do not qualify for the inpatient role).',
      { anyOf: [['CCS', 'RHIT', 'RHIA']] },
    ],
    ['Active RN license (LPN licenses will not be considered).', { required: ['RN'], licences: ['RN'] }],
    ['CPC or CCS required; CCA and CBCS are not accepted.', { anyOf: [['CPC', 'CCS']] }],
    [
      'An active AAPC or AHIMA coding credential other than the CCA is required.',
      { anyOf: [['CPC', 'COC', 'CIC', 'CRC', 'CCS', 'CCS-P', 'RHIT', 'RHIA']] },
    ],
    ['Credentials other than the CPC are not accepted.', { required: ['CPC'] }],
    ['Applicants without an active CPC will not be considered.', { required: ['CPC'] }],
    ['CPC required; candidates holding only the CCA will not be considered.', { required: ['CPC'] }],
    // Apprentices welcome, by code or in words; COC-A and the like fold into their full credential.
    [
      '- CPC or COC; apprentices (CPC-A, COC-A) are welcome and will work with a coding educator.',
      { anyOf: [['CPC', 'COC']], apprenticeAccepted: true },
    ],
    ['Requirements: CIC or CCS\n- CIC-A welcome', { anyOf: [['CIC', 'CCS']], apprenticeAccepted: true }],
    ['Requirements: CRC required (CRC-A considered).', { required: ['CRC'], apprenticeAccepted: true }],
    ['CPB or CPB-A required.', { required: ['CPB'], apprenticeAccepted: true }],
    ['CPC required; apprentices welcome.', { required: ['CPC'], apprenticeAccepted: true }],
    // Lists joined by "plus", lists before a remark, deadlines on the next line.
    ['CPMA required, plus CPC or CCS.', { required: ['CPMA'], anyOf: [['CPC', 'CCS']] }],
    [
      'COC, CPC or CCS required, with three years of outpatient surgery coding.',
      { anyOf: [['CPC', 'COC', 'CCS']] },
    ],
    [
      'CCDS or CDIP required within 12 months of hire.',
      { anyOf: [['CDIP', 'CCDS']], requiredWithinDays: 365 },
    ],
    [
      'CRC required; CPC or CCS with two years of risk adjustment coding also considered.',
      { anyOf: [['CPC', 'CRC', 'CCS']] },
    ],
    [
      '- CCA, CPC-A or CPC; new graduates welcome.\n- Certification required within 6 months of hire if not already held.',
      { anyOf: [['CPC', 'CCA']], requiredWithinDays: 180, apprenticeAccepted: true },
    ],
    ['- CPC or COC\n- CCA also considered.', { anyOf: [['CPC', 'COC', 'CCA']] }],
  ])('%j', (text, expected) => {
    expect(read(text)).toEqual({ ...none, ...expected });
  });

  describe('real-posting shapes', () => {
    it.each<[string, string, Partial<CertificationRequirements>]>([
      [
        'a credential offered as one qualification path among others',
        'CPC certification or 3 years of coding experience required.',
        { preferred: ['CPC'] },
      ],
      [
        'a credential after years offered as the other path',
        'Requirements:\n- Two years of physician coding experience or an active CPC',
        { preferred: ['CPC'] },
      ],
      [
        'experience instead of the credential',
        'Requirements:\n- CPB or equivalent billing experience',
        { preferred: ['CPB'] },
      ],
      [
        'two requirements each with "or equivalent"',
        'CPC or equivalent and CRC or equivalent required.',
        { required: ['CPC', 'CRC'], equivalentAccepted: true },
      ],
      [
        'either kind of credential, each kind spelled out',
        'Either an AAPC credential (CPC, COC or CIC) or an AHIMA credential (CCS, CCA or RHIT) is required.',
        { anyOf: [['CPC', 'COC', 'CIC', 'CCA', 'CCS', 'RHIT']] },
      ],
      [
        'licences named in a clinical-experience alternative',
        'Requirements:\n- Clinical experience as an RN or LPN, or 3 years of inpatient coding experience',
        { preferred: ['RN', 'LPN'], licences: ['RN', 'LPN'] },
      ],
      [
        'a licence as the background of the path after "or"',
        'Qualifications:\n- Three years of outpatient coding or a clinical background as a licensed nurse (RN/LPN)',
        { preferred: ['RN', 'LPN'], licences: ['RN', 'LPN'] },
      ],
      [
        'licences named in brackets after a clinical background, years being the other path',
        'Requirements:\n- Clinical background (RN, LPN or MD) or 4 years of ED coding experience',
        { preferred: ['RN', 'LPN'], licences: ['RN', 'LPN'] },
      ],
      [
        'a clinical career spelled out as the other path',
        'Requirements:\n- 3 years of coding, or prior work as a registered nurse (RN) or physician assistant (PA)',
        { preferred: ['RN', 'PA'], licences: ['RN', 'PA'] },
      ],
      [
        'either kind of credential named by its kind, each kind spelled out',
        'Requirements:\n- Either a professional-fee credential (CPC, COC) or a facility credential (CCS, CCA), required at hire',
        { anyOf: [['CPC', 'COC', 'CCA', 'CCS']] },
      ],
      [
        'two bodies spelled out by the codes after them',
        'Requirements:\n- AAPC or AHIMA credential required (CPC, CCS, RHIT)',
        { anyOf: [['CPC', 'CCS', 'RHIT']] },
      ],
      [
        'one credential required and a choice of a second',
        'Requirements:\n- CPC and either CRC or CCS',
        { required: ['CPC'], anyOf: [['CRC', 'CCS']] },
      ],
      [
        "AAHAM's institutional form of a credential",
        'Certified Revenue Cycle Specialist (CRCS-I) preferred',
        { preferred: ['CRCS'] },
      ],
      [
        'older AAHAM codes beside HFMA ones',
        'CRCR, CPAT or CPAR preferred.',
        { preferred: ['CRCR', 'CPAT', 'CPAR'] },
      ],
      [
        'advanced practice licences',
        'Active APRN or NP license required.',
        { anyOf: [['NP', 'APRN']], licences: ['NP', 'APRN'] },
      ],
      [
        'a registrar credential with a deadline',
        'CTR eligible within one year of hire, with certification required within 2 years of hire.',
        { required: ['CTR'], requiredWithinDays: 365 },
      ],
    ])('%s', (_what, text, expected) => {
      expect(read(text)).toEqual({ ...none, ...expected });
    });

    it.each([
      ['Completion of a coding program that makes the graduate eligible to sit for the CCA or CPC exam.'],
      ['Graduate of a coding program that led to eligibility for coding certification.'],
      ['Requirements:\n- Send coding edits to the CRC team for review'],
      ['Requirements:\n- Work with the CCS department and RN staff on edits'],
      ['Requirements:\n- Two years of billing; an RN license is not needed'],
      ['Requirements:\n- Graduates of the apprenticeship become eligible to test for the CCA'],
      ['Requirements:\n- Must be CPC eligible'],
      ['This job does not require any licenses, registrations, or certifications.'],
    ])('reads no requirement in %j', (text) => {
      expect(read(text)).toEqual(none);
    });
  });

  it('lists credentials in the vocabulary order, whatever order the posting names them in', () => {
    expect(read('RHIA, RHIT, CCS or CPC required; CPMA and CRC preferred.')).toEqual({
      ...none,
      anyOf: [['CPC', 'CCS', 'RHIT', 'RHIA']],
      preferred: ['CRC', 'CPMA'],
    });
    expect(read('Requirements:\n- RN\n- CCDS or CDIP\n- CPMA or CPC')).toEqual(
      read('Requirements:\n- CPC or CPMA\n- CDIP or CCDS\n- RN'),
    );
    expect(read('Requirements:\n- RN\n- CCDS or CDIP\n- CPMA or CPC').anyOf).toEqual([
      ['CPC', 'CPMA'],
      ['CDIP', 'CCDS'],
    ]);
  });

  it.each([
    ['we will pay for your CPC exam and AAPC membership'],
    ['Training toward the CRC is also available.'],
    ['Benefits\n- AAPC and AHIMA membership dues and CEUs paid'],
    ['CMA (AAMA) or RMA certification required'],
    ['Lakeshore Physicians Group is looking for a certified medical coder to join our team.'],
    [
      'Pioneer Valley Health Alliance is a nonprofit system with a coding team of 80 CPC and CCS certified coders.',
    ],
    ['Work closely with the PA office in Harrisburg, PA.'],
    ['No certification required.'],
    ['The apprentice designation removal exam is paid for by the hospital.'],
    ['CPC-A not accepted.'],
    ['CCS-P and CPC alone do not qualify.'],
  ])('reads no requirement in %j', (text) => {
    expect(read(text)).toEqual(none);
  });

  it('ignores the title: "Certified Medical Coder" names the job', () => {
    const lines = splitPostingLines('Certified Medical Coder', 'Audit E/M coding.');
    expect(extractCredentials(lines).certifications).toEqual(none);
  });

  it('keeps the phrase each requirement was read from', () => {
    const { evidence } = extractCredentials(
      splitPostingLines('Coder', 'Requirements:\n- CCS or COC required'),
    );
    expect(evidence).toEqual([
      {
        field: 'certifications',
        value: { kind: 'required', credentials: ['CCS', 'COC'] },
        phrase: '- CCS or COC required',
      },
    ]);
  });
});
