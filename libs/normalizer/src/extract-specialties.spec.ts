import { extractSpecialties } from './extract-specialties';
import { extractCodingSystems } from './extract-coding-systems';
import { splitPostingLines } from './posting-lines';

const specialties = (text: string, title = 'Coder') =>
  extractSpecialties(splitPostingLines(title, text)).specialties;
const systems = (text: string) => extractCodingSystems(splitPostingLines('Coder', text)).codingSystems;

describe('extractSpecialties', () => {
  it.each<[string, string[]]>([
    ['Code acute care inpatient admissions.', ['inpatient']],
    ['Code ED facility levels and observation stays.', ['outpatient', 'emergency']],
    ['Code same-day surgery cases.', ['outpatient', 'surgery']],
    ['Our ambulatory surgery center (ASC) performs cataract procedures.', ['outpatient', 'surgery']],
    ['Code surgical pathology and cytology requisitions.', ['pathology_lab']],
    ['Assign E/M levels for physician office visits.', ['profee', 'em']],
    ['Multi-specialty profee coding.', ['profee', 'general']],
    ['Code OB/GYN global packages and gynecologic surgery.', ['surgery', 'obgyn']],
    ['Review OASIS and PDGM groupings for home health episodes.', ['home_health']],
    ['Prepare Part A claims for our skilled nursing facilities (SNF).', ['skilled_nursing']],
    ['Code interventional radiology procedures.', ['interventional_radiology']],
    ['Risk adjustment coding of HCCs.', ['risk_adjustment']],
    ['Submit dental claims with CDT codes.', ['dental']],
    ['Code 911 ambulance transports.', ['ambulance']],
    ['Code urgent care visits.', ['urgent_care']],
    ['Certified Professional Coder (CPC) required.', []],
    ['Benefits include medical, dental, vision and mental health coverage.', []],
  ])('%j -> %j', (text, expected) => {
    expect(specialties(text)).toEqual(expected);
  });

  it('skips the employer blurb and the benefits section', () => {
    const text =
      "Harbor Health is a system with a children's hospital and a cancer center.\nResponsibilities\n- Code cardiology visits\nBenefits\n- Mental health benefits";
    expect(specialties(text)).toEqual(['cardiology']);
  });

  it('reads the title', () => {
    expect(specialties('', 'Anesthesia Coder')).toEqual(['anesthesia']);
  });

  it.each<[string, string]>([
    ['a benefits list written with slashes', 'We offer Medical/Dental/Vision coverage and a 401k match.'],
    [
      'a benefits list written with ampersands',
      'Full-time staff receive Health, Dental & Vision plus Life insurance.',
    ],
    ['the name of an organisation', 'Post payments for Lakeshore Behavioral Health Partners clinics.'],
    ["a children's hospital named as the employer", "Work denials for Children's Hospital of Westfield."],
    [
      'settings offered as alternative backgrounds',
      'Two years of billing experience in a hospital or physician office.',
    ],
    ['documents read in passing', 'Organise staging forms and pathology reports for abstracting.'],
    ["another person's title", 'Coordinate with the MDS Coordinator before billing.'],
    ['revenue-cycle counseling', 'Refer self-pay patients to financial counseling.'],
    ['an everyday skill', 'Strong observation skills and attention to detail.'],
  ])('reads no specialty from %s', (_what, text) => {
    expect(specialties(text, 'Billing Specialist')).toEqual([]);
  });

  it('reads the long-term care setting in its everyday names', () => {
    expect(specialties('Bill Medicare Part A stays for a nursing home.')).toEqual(['skilled_nursing']);
    expect(specialties('Three years of billing in a long-term healthcare environment.')).toEqual([
      'skilled_nursing',
    ]);
  });

  it('keeps a setting the job itself names', () => {
    expect(specialties('Ensure payment of hospital and/or professional charges.')).toEqual(['profee']);
  });

  it('leaves out the words of the employer the source named', () => {
    const lines = splitPostingLines('Payment Poster', 'Join Sunrise Oncology as a payment poster.');
    expect(extractSpecialties(lines, { employer: 'Sunrise Oncology' }).specialties).toEqual([]);
    expect(extractSpecialties(lines).specialties).toEqual(['oncology']);
  });

  it('reads no product domain for jobs outside coding and billing', () => {
    const lines = splitPostingLines('Engineer', 'Build our home health agency scheduling platform.');
    expect(extractSpecialties(lines, { role: 'other' }).specialties).toEqual([]);
    expect(extractSpecialties(lines, { role: 'coder' }).specialties).toEqual(['home_health']);
  });

  it('reads a setting for a job outside coding and billing only from its title', () => {
    const reviewer = (title: string) =>
      extractSpecialties(
        splitPostingLines(
          title,
          '- Review inpatient admissions and outpatient procedures for medical necessity',
        ),
        { role: 'other' },
      ).specialties;
    expect(reviewer('Care Review Nurse')).toEqual([]);
    expect(reviewer('Inpatient Care Review Nurse')).toEqual(['inpatient']);
    // Specialties that are not settings still count.
    const lines = splitPostingLines('MDS Nurse', 'Complete assessments for our skilled nursing residents.');
    expect(extractSpecialties(lines, { role: 'other' }).specialties).toEqual(['skilled_nursing']);
  });

  it.each<[string, string]>([
    [
      'the settings an occupation may work in, listed as examples',
      'Coding technicians classify records in hospitals, and/or in physician-based settings such as physician offices, group practices and multi-specialty clinics.',
    ],
    [
      "a setting's word among departments or sources",
      'Balance the daily receipts from the lobby, mail, outpatient, pharmacy and gift shop.',
    ],
    [
      'an organisation name that runs on through "&"',
      'Northfield Behavioral Health & Family Support Services Position Description',
    ],
  ])('reads no specialty from %s', (_what, text) => {
    expect(specialties(text, 'Billing Specialist')).toEqual([]);
  });

  it('keeps a list of specialties, and a setting in a phrase of its own', () => {
    expect(
      specialties('Code visits for family medicine, cardiology, dermatology and general surgery clinics.'),
    ).toEqual(['surgery', 'cardiology', 'general']);
    expect(specialties('Post payments, apply adjustments, code outpatient visits and file claims.')).toEqual([
      'outpatient',
    ]);
  });
});

describe('extractCodingSystems', () => {
  it.each<[string, string[]]>([
    ['Assign ICD-10-CM and ICD-10-PCS codes and MS-DRGs.', ['ICD-10-CM', 'ICD-10-PCS', 'DRG']],
    ['Knowledge of ICD-10-CM/PCS.', ['ICD-10-CM', 'ICD-10-PCS']],
    ['Working knowledge of CPT and ICD-10 codes.', ['ICD-10-CM', 'CPT']],
    ['Assign CPT-4 and HCPCS Level II codes.', ['CPT', 'HCPCS']],
    ['Review APC assignment and CMS-HCC risk scores.', ['APC', 'HCC']],
    ['Code to ICD-10-CA and CCI (Canada).', []],
    ['Our pcs and laptops are new.', []],
    ['Training in basic ICD diagnostic and basic CPT coding.', ['ICD-10-CM', 'CPT']],
    ['Experience with ICD-9 and ICD-O-3 for registry cases.', []],
  ])('%j -> %j', (text, expected) => {
    expect(systems(text)).toEqual(expected);
  });
});
