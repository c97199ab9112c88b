import { extractEducation } from './extract-education';
import { extractEmploymentType } from './extract-employment-type';
import { extractExperience } from './extract-experience';
import { extractDates, readDate } from './extract-dates';
import { extractSystems } from './extract-systems';
import { splitPostingLines } from './posting-lines';
import type { RawPosting } from '#sources';

const lines = (text: string, title = 'Coder') => splitPostingLines(title, text);

describe('extractExperience', () => {
  it.each<[string, number | null]>([
    ['3+ years of inpatient coding experience', 3],
    ['Minimum of two (2) years of coding experience', 2],
    ['2-3 years of outpatient hospital coding experience', 2],
    ['A minimum of 18 months of coding experience', 1.5],
    ['6 months of office or medical records experience', 0.5],
    ['One year of specialized experience equivalent to the GS-6 level.', 1],
    ['5 years of coding experience, including 2 years of auditing', 5],
    ['ASC coding experience of 2 years.', 2],
    ['3 years of acute care nursing', 3],
    ['No coding experience required', 0],
    ['2 years preferred experience; 1 year required experience', 1],
    ['Must be 18 years of age.', null],
    ['Less than 2 years of experience', null],
    ['Caring for our community for over 125 years.', null],
    ['Code within 24 hours of discharge.', null],
    ['3 years of coding, or prior work as a licensed nurse (LPN or RN)', null],
    ['3 years of CDI or clinical experience', 3],
  ])('%j -> %s', (text, expected) => {
    expect(extractExperience(lines(text)).minYearsExperience).toBe(expected);
  });

  it.each<[string, string]>([
    ['a degree as the other path', 'Two years of coding experience, or an associate degree in HIM.'],
    [
      'an equivalent combination as the other path',
      'Requires 2-4 years of experience in billing or any equivalent combination of education, training and experience.',
    ],
    [
      'numbered paths joined by OR',
      'b. Experience and Education (1) Experience. One year of coding experience.\nOR, (2) Education. An associate degree in HIM.',
    ],
    ['a credential as the other path', 'CPC certification or 3 years of physician coding experience.'],
    [
      'a clinical background as the other path',
      'Clinical experience as an RN or LPN, or 3 years of inpatient coding.',
    ],
    [
      'the condition of one path only',
      'CRC required; CPC or CCS also accepted with 2 years of risk adjustment coding.',
    ],
    ['the length of a training program', 'Completion of a coding program of approximately one year or more.'],
  ])('sets no minimum from years offered as %s', (_what, text) => {
    expect(extractExperience(lines(text)).minYearsExperience).toBeNull();
  });

  it.each<[string, number]>([
    ['5 years of coding experience, with at least 1 year in a training or education role', 5],
    ['High school diploma or equivalent and 2 years of billing experience', 2],
    ['2 years of experience in billing, coding or collections, and a high school diploma', 2],
    ['3 years of outpatient CDI, risk adjustment coding or clinical experience', 3],
  ])('keeps a minimum beside other requirements: %j -> %s', (text, expected) => {
    expect(extractExperience(lines(text)).minYearsExperience).toBe(expected);
  });

  it('keeps preferred and recommended years apart from the minimum', () => {
    expect(extractExperience(lines('3 years of billing experience preferred'))).toMatchObject({
      minYearsExperience: null,
      preferredYearsExperience: 3,
    });
    const recommended = extractExperience(
      lines('Recommended Minimum Qualifications\n3-5 years of billing and collections in a nursing home.'),
    );
    expect(recommended).toMatchObject({ minYearsExperience: null, preferredYearsExperience: 3 });
  });
});

describe('extractEducation', () => {
  it.each<[string, string | null]>([
    ['High school diploma or GED', 'high_school'],
    ['High school diploma required; associate degree preferred', 'high_school'],
    ['Associate degree in Health Information Technology preferred', 'associate'],
    ["Preferred: Bachelor's degree", 'bachelor'],
    ['Completion of a medical coding program; high school diploma or GED', 'certificate'],
    ['Associate degree or equivalent experience', 'associate'],
    ['Ideal for graduates of a coding program.\nHigh school diploma required.', 'high_school'],
    ['Strong ten-key skills', null],
    [
      '(2) Education. An associate degree in HIT. OR, (3) Completion of a coding training program of about a year.',
      'certificate',
    ],
  ])('%j -> %s', (text, expected) => {
    expect(extractEducation(lines(text)).education).toBe(expected);
  });
});

describe('extractEmploymentType', () => {
  const read = (text: string, raw: Partial<RawPosting> = {}, title = 'Coder') =>
    extractEmploymentType({ externalId: 'x', title, ...raw }, lines(text, title)).employmentType;

  it.each<[string, Partial<RawPosting>, string]>([
    ['', { employmentType: 'FULL_TIME' }, 'full_time'],
    ['', { employmentType: 'Part time' }, 'part_time'],
    ['', { employmentType: 'Regular' }, 'full_time'],
    ['', { extra: { metadata: [{ name: 'Employment Type', value: 'Full Time' }] } }, 'full_time'],
    ['Full-time, 40 hours per week.', {}, 'full_time'],
    ['Part-time, evenings (20 hours/week), onsite.', {}, 'part_time'],
    ['PRN coder needed.', {}, 'per_diem'],
    ['Contract-to-hire, $23/hour to start.', {}, 'contract'],
    ['Pay: $1.10 per encounter. 1099 contract.', {}, 'contract'],
    ['12-week temporary assignment.', {}, 'temporary'],
    ['Supports a government contract. Full-time.', {}, 'full_time'],
    ['Code charts.', {}, 'unknown'],
    ['SHIFTFulltime; Monday thru Friday', {}, 'full_time'],
    ['1.0 FTE (40 hrs / wk); Monday - Friday, business hours.', {}, 'full_time'],
    ['Schedule: 40 hours per week, days.', {}, 'full_time'],
    ['0.6 FTE, day shift.', {}, 'part_time'],
  ])('%j %j -> %s', (text, raw, expected) => {
    expect(read(text, raw)).toBe(expected);
  });
});

describe('extractDates', () => {
  const now = new Date('2024-06-15T12:00:00Z');
  it.each<[string, string | null]>([
    ['2024-05-06', '2024-05-06T00:00:00.000Z'],
    ['2024-03-18T14:03:11-04:00', '2024-03-18T18:03:11.000Z'],
    ['05/20/2024', '2024-05-20T00:00:00.000Z'],
    ['June 30, 2024', '2024-06-30T00:00:00.000Z'],
    ['Posted 3 Days Ago', '2024-06-12T00:00:00.000Z'],
    ['Posted 30+ Days Ago', '2024-05-16T00:00:00.000Z'],
    ['Posted Today', '2024-06-15T00:00:00.000Z'],
    ['not a date', null],
    ['9999-99-99', null],
  ])('%j -> %s', (value, expected) => {
    expect(readDate(value, now)).toBe(expected);
  });

  it('reads open and closing dates from the text', () => {
    expect(extractDates(null, null, lines('Open 05/06/2024 to 05/20/2024.'), now)).toMatchObject({
      postedAt: '2024-05-06T00:00:00.000Z',
      validThrough: '2024-05-20T00:00:00.000Z',
    });
  });
});

describe('extractSystems', () => {
  it.each<[string, string[], string[]]>([
    ['Experience with Epic and 3M 360 Encompass', ['Epic'], ['3M']],
    ['Experience with Cerner and EncoderPro a plus', ['Cerner'], ['EncoderPro']],
    ['Familiarity with athenaOne or eClinicalWorks', ['athenahealth', 'eClinicalWorks'], []],
    ['Experience with multiple encoders (3M, Optum)', [], ['3M', 'Optum']],
    ['Submit claims to Optum VA CCN', [], []],
    ['An epic journey awaits.', [], []],
    ['Document in VistA/CPRS and Meditech Expanse', ['VistA', 'Meditech'], []],
  ])('%j', (text, ehr, encoders) => {
    const found = extractSystems(lines(text));
    expect(found.ehrSystems).toEqual(ehr);
    expect(found.encoderSystems).toEqual(encoders);
  });
});

describe('extractEmploymentType basis', () => {
  it('says when only the hours gave the type', () => {
    const hours = extractEmploymentType({ externalId: 'x', title: 'Biller' }, lines('1.0 FTE, days.'));
    expect(hours.basis).toBe('hours');
    expect(hours.evidence[0].inferred).toMatch(/hours/);
    const words = extractEmploymentType({ externalId: 'x', title: 'Biller' }, lines('Full-time, 1.0 FTE.'));
    expect(words.basis).toBe('words');
    expect(words.evidence[0].inferred).toBeUndefined();
  });
});
