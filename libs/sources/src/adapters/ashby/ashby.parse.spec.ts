import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ParseError } from '../../parse-error';
import { ashbyAdapter } from './index';
import { parseAshby } from './ashby.parse';

const fixture = (name: string) =>
  readFileSync(resolve(__dirname, '../../../../../tests/fixtures/sources/ashby', name), 'utf8');

const config = ashbyAdapter.configSchema.parse({
  jobBoardName: 'northwind-coding',
  employerName: 'Northwind Coding Co-op',
});

describe('parseAshby', () => {
  const { postings, skipped } = parseAshby(fixture('job-board.json'), config);
  const byTitle = (title: string) => postings.find((p) => p.title === title)!;

  it('reads listed jobs and skips an unlisted one and one without an id', () => {
    expect(postings.map((p) => p.title)).toEqual([
      'Emergency Department Coder (Remote)',
      'Inpatient DRG Validation Specialist',
      'Medical Biller (Part-time)',
    ]);
    expect(skipped).toEqual([
      { externalId: 'e0d4f6b8-3a5c-4d9e-9f2a-4b5c6d7e8f94', reason: 'job is unlisted on the job board' },
      { externalId: null, reason: 'posting has no id' },
    ]);
  });

  it('maps a remote job with an hourly salary component', () => {
    expect(byTitle('Emergency Department Coder (Remote)')).toMatchObject({
      externalId: 'b7a1c3e5-0d2f-4a6b-8c9d-1e2f3a4b5c61',
      employer: 'Northwind Coding Co-op',
      url: 'https://jobs.ashbyhq.com/northwind-coding/b7a1c3e5-0d2f-4a6b-8c9d-1e2f3a4b5c61',
      descriptionFormat: 'html',
      locations: [{ text: 'Remote - US', city: null, state: null, postalCode: null, country: 'USA' }],
      remote: true,
      workplaceType: 'remote',
      salary: { min: 24, max: 30, currency: 'USD', unit: '1 HOUR', text: '$24 - $30 per hour' },
      employmentType: 'FullTime',
      department: 'Coding',
      postedAt: '2026-05-09T17:05:00.000Z',
      validThrough: null,
      extra: {
        team: 'Facility Coding',
        applyUrl:
          'https://jobs.ashbyhq.com/northwind-coding/b7a1c3e5-0d2f-4a6b-8c9d-1e2f3a4b5c61/application',
        compensationTiers: ['$24 – $30 per hour'],
      },
    });
    expect(byTitle('Emergency Department Coder (Remote)').description).toContain(
      'Must reside in AZ, CO, NV, NM or UT',
    );
  });

  it('lists the primary and secondary locations of a hybrid job and ignores the bonus component', () => {
    const job = byTitle('Inpatient DRG Validation Specialist');
    expect(job.locations).toEqual([
      {
        text: 'Minneapolis, MN',
        city: 'Minneapolis',
        state: 'Minnesota',
        postalCode: '55415',
        country: 'USA',
      },
      { text: 'St. Paul, MN', city: 'St. Paul', state: 'Minnesota', postalCode: null, country: 'USA' },
      { text: 'Rochester, MN', city: 'Rochester', state: 'Minnesota', postalCode: null, country: 'USA' },
    ]);
    expect(job).toMatchObject({
      remote: false,
      workplaceType: 'hybrid',
      department: 'Clinical Documentation',
    });
    expect(job.salary).toEqual({
      min: 78000,
      max: 92000,
      currency: 'USD',
      unit: '1 YEAR',
      text: '$78K - $92K',
    });
    expect(job.extra?.compensationTiers).toEqual([
      '$78K – $92K • Offers Bonus',
      '$74K – $88K • Offers Bonus',
    ]);
  });

  it('falls back to the plain description and leaves pay to the text when none is published', () => {
    const job = byTitle('Medical Biller (Part-time)');
    expect(job).toMatchObject({
      descriptionFormat: 'text',
      workplaceType: 'onsite',
      employmentType: 'PartTime',
    });
    expect(job.description).toContain('$18.50 - $21.00 per hour');
    expect(job.salary).toBeNull();
  });

  it('reads a single job object', () => {
    const result = parseAshby(fixture('job-single.json'), config);
    expect(result.postings.map((p) => p.externalId)).toEqual(['c8b2d4f6-1e3a-4b7c-9d0e-2f3a4b5c6d72']);
  });

  it('throws a ParseError for truncated JSON, an HTML page and an error object', () => {
    expect(() => parseAshby(fixture('job-board-truncated.txt'), config)).toThrow(ParseError);
    expect(() => parseAshby(fixture('error-page.html'), config)).toThrow(/HTML/);
    expect(() => parseAshby(fixture('board-not-found.json'), config)).toThrow(/job board response/);
  });
});
