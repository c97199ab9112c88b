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
  ])('%j -> %j', (text, expected) => {
    expect(systems(text)).toEqual(expected);
  });
});
