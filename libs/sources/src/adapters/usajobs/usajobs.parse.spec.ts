import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ParseError } from '../../parse-error';
import { usajobsAdapter } from './index';
import { parseUsajobs } from './usajobs.parse';

const fixture = (name: string) =>
  readFileSync(resolve(__dirname, '../../../../../tests/fixtures/sources/usajobs', name), 'utf8');

describe('parseUsajobs', () => {
  const page1 = parseUsajobs(fixture('search-page-1.json'));
  const page2 = parseUsajobs(fixture('search-page-2.json'));
  const byId = (id: string) => [...page1.postings, ...page2.postings].find((p) => p.externalId === id)!;

  it('keys announcements by control number and skips one without a title', () => {
    expect(page1.postings.map((p) => p.externalId)).toEqual(['871204500', '871204611', '871205037']);
    expect(page2.postings.map((p) => p.externalId)).toEqual(['871205160']);
    expect(page2.skipped).toEqual([{ externalId: '871205199', reason: 'posting has no title' }]);
  });

  it('maps every field of an onsite, telework-eligible announcement', () => {
    const posting = byId('871204500');
    expect(posting).toMatchObject({
      title: 'Medical Records Technician (Coder-Inpatient)',
      employer: 'Veterans Health Administration',
      url: 'https://www.usajobs.gov:443/GetJob/ViewDetails/871204500',
      descriptionFormat: 'text',
      locations: [
        {
          text: 'Salem, Virginia',
          city: 'Salem',
          state: 'Virginia',
          country: 'United States',
          lat: 37.2935,
          lon: -80.0548,
        },
      ],
      remote: false,
      workplaceType: 'hybrid',
      salary: { min: 58123, max: 75563, currency: 'USD', unit: 'year', text: 'Per Year' },
      employmentType: 'Full-time',
      department: null,
      postedAt: '2026-05-04T00:00:00.000Z',
      validThrough: '2026-05-18T23:59:59.997Z',
    });
    expect(posting.extra).toEqual({
      announcementNumber: 'CBSB-12430001-26-RD',
      parentAgency: 'Department of Veterans Affairs',
      grade: 'GS-9',
      offeringType: 'Permanent',
      jobCategories: ['0675'],
      whoMayApply: 'United States Citizens',
      hiringPaths: ['The public', 'Veterans'],
      teleworkEligible: true,
      securityClearance: 'Not Required',
      totalOpenings: '1',
      applyUrl: 'https://www.usajobs.gov:443/GetJob/ViewDetails/871204500?PostingChannelID=',
    });
  });

  it('joins summary, duties, qualifications and conditions into the text description', () => {
    const description = byId('871204500').description!;
    expect(description).toMatch(/^This position is in the Health Information Management section/);
    expect(description).toContain('Major duties\n- Assigns ICD-10-CM and ICD-10-PCS codes');
    expect(description).toContain('Qualifications\nTo qualify for this position at GS-9');
    expect(description).toContain('CCS, CCS-P, RHIT, RHIA, CPC');
    expect(description).toContain('Conditions of employment\n- You must be a U.S. citizen');
  });

  it('lists every duty location of a multi-location announcement', () => {
    const posting = byId('871204611');
    expect(posting.locations?.map((l) => [l.city, l.state])).toEqual([
      ['Dallas', 'Texas'],
      ['Bonham', 'Texas'],
      ['Fort Worth', 'Texas'],
    ]);
    expect(posting.workplaceType).toBe('onsite');
    expect(posting.extra?.grade).toBe('GS-7/8');
  });

  it('reads a remote announcement without the placeholder coordinates', () => {
    const posting = byId('871205037');
    expect(posting.locations).toEqual([
      { text: 'Anywhere in the U.S. (remote job)', country: 'United States' },
    ]);
    expect(posting).toMatchObject({
      remote: true,
      workplaceType: 'remote',
      employer: 'Indian Health Service',
    });
    expect(posting.description).toContain('must reside in Arizona, New Mexico or Utah');
    expect(posting.description).toContain('Education\nSuccessful completion of a coding certificate program');
  });

  it('reads hourly pay and an intermittent schedule', () => {
    expect(byId('871205160')).toMatchObject({
      salary: { min: 24.11, max: 31.34, unit: 'hour', text: 'Per Hour' },
      employmentType: 'Intermittent',
      extra: expect.objectContaining({ offeringType: 'Temporary - NTE 1 year' }),
    });
  });

  it('drops pay given "without compensation"', () => {
    const body = JSON.parse(fixture('announcement-single.json'));
    body.MatchedObjectDescriptor.PositionRemuneration = [
      { MinimumRange: '0.0', MaximumRange: '0.0', RateIntervalCode: 'WC' },
    ];
    expect(parseUsajobs(JSON.stringify(body)).postings[0].salary).toBeNull();
  });

  it('reads one result item and a bare descriptor, keyed by the control number either way', () => {
    expect(parseUsajobs(fixture('announcement-single.json')).postings.map((p) => p.externalId)).toEqual([
      '871205037',
    ]);
    expect(parseUsajobs(fixture('descriptor-single.json')).postings.map((p) => p.externalId)).toEqual([
      '871204611',
    ]);
  });

  it('throws a ParseError for truncated JSON, an HTML page and an error object', () => {
    expect(() => parseUsajobs(fixture('search-truncated.txt'))).toThrow(ParseError);
    expect(() => parseUsajobs(fixture('error-page.html'))).toThrow(/HTML/);
    expect(() => parseUsajobs(fixture('unauthorized.json'))).toThrow(/search response/);
  });
});

describe('usajobs config', () => {
  const base = { email: 'feeds@coderjobs.example' };

  it('refuses an open search that would read every federal job', () => {
    expect(usajobsAdapter.configSchema.safeParse(base).success).toBe(false);
    expect(usajobsAdapter.configSchema.safeParse({ ...base, jobCategoryCode: '0675' }).success).toBe(true);
  });

  it('never echoes the api key in a validation message', () => {
    const result = usajobsAdapter.configSchema.safeParse({
      ...base,
      keyword: 'coder',
      email: 'nope',
      apiKey: 'k3y-s3cret',
    });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).not.toContain('k3y-s3cret');
  });
});
