import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ParseError } from '../../parse-error';
import { greenhouseAdapter } from './index';
import { parseGreenhouse } from './greenhouse.parse';

const fixture = (name: string) =>
  readFileSync(resolve(__dirname, '../../../../../tests/fixtures/sources/greenhouse', name), 'utf8');

const config = greenhouseAdapter.configSchema.parse({ boardToken: 'lakeshorehealth' });

describe('parseGreenhouse', () => {
  const { postings, skipped } = parseGreenhouse(fixture('board-jobs.json'), config);
  const byId = (id: string) => postings.find((p) => p.externalId === id)!;

  it('reads every job with a title and skips the one without', () => {
    expect(postings.map((p) => p.externalId)).toEqual([
      '4410021001',
      '4410021002',
      '4410021003',
      '4410021004',
    ]);
    expect(skipped).toEqual([{ externalId: '4410021005', reason: 'posting has no title' }]);
  });

  it('maps the fields of an onsite inpatient posting', () => {
    const job = byId('4410021001');
    expect(job).toMatchObject({
      title: 'Inpatient Coder II',
      employer: 'Lakeshore Health Partners',
      url: 'https://boards.greenhouse.io/lakeshorehealth/jobs/4410021001',
      descriptionFormat: 'html',
      locations: [{ text: 'Dallas, TX', city: 'Dallas', state: 'TX', country: 'US' }],
      remote: false,
      applicantLocations: [],
      workplaceType: 'On-site',
      employmentType: 'Full-time',
      department: 'Health Information Management',
      postedAt: '2026-05-04T12:00:12.000Z',
      validThrough: null,
      salary: { min: 31, max: 38, currency: 'USD', unit: null, text: 'Hourly pay range' },
    });
    expect(job.extra).toMatchObject({
      requisitionId: 'HIM-2026-0412',
      internalJobId: '3320019001',
      updatedAt: '2026-05-12T13:14:55.000Z',
      offices: ['Dallas Medical Center'],
      metadata: { 'Employment Type': 'Full-time', 'Workplace Type': 'On-site', 'Remote Eligible': false },
    });
  });

  it('unescapes the HTML content once, leaving HTML entities for the HTML reader', () => {
    const job = byId('4410021001');
    expect(job.description).toContain('<p><strong>About the role</strong></p>');
    expect(job.description).toContain('<li>CCS required; RHIT or RHIA preferred</li>');
    expect(job.description).toContain('18&ndash;22 charts');
    expect(byId('4410021004').description).toContain('a plus&nbsp;&mdash; not required');
  });

  it('keeps a remote posting with state restrictions as text and keeps every pay zone', () => {
    const job = byId('4410021002');
    expect(job.locations).toEqual([{ text: 'Remote - must reside in TX, OK, AR or LA' }]);
    expect(job).toMatchObject({ remote: true, workplaceType: 'Remote' });
    expect(job.applicantLocations).toEqual(['Texas', 'Oklahoma', 'Arkansas', 'Louisiana']);
    expect(job.salary).toMatchObject({ min: 52000, max: 64000, currency: 'USD', text: 'Texas and Oklahoma' });
    expect(job.extra?.payRanges).toHaveLength(2);
    expect(job.extra?.metadata).toMatchObject({
      'Eligible States': ['Texas', 'Oklahoma', 'Arkansas', 'Louisiana'],
    });
  });

  it('lists each office of a multi-site posting and reads pay from a currency_range field', () => {
    const job = byId('4410021003');
    expect(job.locations).toEqual([
      { text: 'Tulsa, OK', city: 'Tulsa', state: 'OK', postalCode: null, country: 'US' },
      { text: 'Little Rock, AR', city: 'Little Rock', state: 'AR', postalCode: null, country: 'US' },
    ]);
    expect(job.salary).toEqual({ min: 68000, max: 82000, currency: 'USD', unit: null, text: 'Pay Range' });
    expect(job.department).toBe('Compliance & Audit');
    expect(job.extra?.departments).toEqual(['Compliance & Audit', 'Revenue Cycle - Coding']);
    // Without first_published the update time is the best date the board gives.
    expect(job.postedAt).toBe('2026-05-02T15:05:31.000Z');
    expect(job.extra).not.toHaveProperty('requisitionId');
  });

  it('keeps the postal code of a headline location and the employment type text', () => {
    const job = byId('4410021004');
    expect(job.locations).toEqual([
      { text: 'Shreveport, LA 71101', city: 'Shreveport', state: 'LA', postalCode: '71101', country: 'US' },
    ]);
    expect(job).toMatchObject({
      employmentType: 'Part-time',
      remote: null,
      workplaceType: null,
      salary: null,
    });
  });

  it('prefers the configured employer name over the board company name', () => {
    const result = parseGreenhouse(fixture('board-jobs.json'), { employerName: 'Lakeshore Health' });
    expect(result.postings[0].employer).toBe('Lakeshore Health');
  });

  it('reads a single job object', () => {
    const result = parseGreenhouse(fixture('job-single.json'), config);
    expect(result.skipped).toEqual([]);
    expect(result.postings).toHaveLength(1);
    expect(result.postings[0]).toMatchObject({
      externalId: '4410021002',
      title: 'Professional Fee Coder - Remote',
    });
  });

  it('throws a ParseError for truncated JSON, an HTML page and a body of the wrong shape', () => {
    expect(() => parseGreenhouse(fixture('board-truncated.txt'), config)).toThrow(ParseError);
    expect(() => parseGreenhouse(fixture('error-page.html'), config)).toThrow(/HTML/);
    expect(() => parseGreenhouse(fixture('board-not-found.json'), config)).toThrow(/board response/);
    expect(() => parseGreenhouse('[]', config)).toThrow(ParseError);
  });

  it('skips entries that are not objects', () => {
    const result = parseGreenhouse(JSON.stringify({ jobs: [null, { id: 7 }] }), config);
    expect(result.postings).toEqual([]);
    expect(result.skipped).toEqual([
      { externalId: null, reason: 'posting is not an object' },
      { externalId: '7', reason: 'posting has no title' },
    ]);
  });
});
