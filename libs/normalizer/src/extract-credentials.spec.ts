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
    ['Requirements:\n- RHIT, RHIA or CCS required', { anyOf: [['RHIT', 'RHIA', 'CCS']] }],
    ['RHIT and CCS required.', { required: ['RHIT', 'CCS'] }],
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
    ['CCDS or CDIP required within one year of hire', { anyOf: [['CCDS', 'CDIP']], requiredWithinDays: 365 }],
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
      { anyOf: [['CCS', 'CCS-P', 'CPC', 'RHIT', 'RHIA']] },
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
    ['Candidates must have one of the following: CCA, CCS and CPC.', { anyOf: [['CCA', 'CCS', 'CPC']] }],
    ['Requirements: CPMA and (CCS or COC); 5 years', { required: ['CPMA'], anyOf: [['CCS', 'COC']] }],
    ['Requirements: COC (formerly CPC-H) or CPC; 2 years', { anyOf: [['COC', 'CPC']] }],
    [
      '- CRC required. CPC or CCS also accepted with 2 years of experience.',
      { anyOf: [['CRC', 'CPC', 'CCS']] },
    ],
    [
      '- Certified Cardiology Coder (CCC) or CIRCC required\n- CPC acceptable for candidates with 4+ years',
      { anyOf: [['CCC', 'CIRCC', 'CPC']] },
    ],
    ['Requirements: RN license in Illinois (LPN considered with MDS experience)', { anyOf: [['RN', 'LPN']] }],
    ['- Active RN license (a compact multistate license is a plus)', { required: ['RN'] }],
    ['Preferred\n- RN, CDIP or CCDS', { preferred: ['RN', 'CDIP', 'CCDS'] }],
    ['RHIT a plus but not required.', { preferred: ['RHIT'] }],
    ['CAC (Certified Ambulance Coder) preferred, or CPC or CBCS', { preferred: ['CPC', 'CBCS'] }],
    [
      'Required CPC or CCS-P; 3 years\nPreferred CCC or CIRCC',
      { anyOf: [['CPC', 'CCS-P']], preferred: ['CCC', 'CIRCC'] },
    ],
  ])('%j', (text, expected) => {
    expect(read(text)).toEqual({ ...none, ...expected });
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
